/** The one user-facing notice of the task pane: what happened and what to do next. */
export interface Message {
  intent: "error" | "warning" | "success" | "info";
  /** Short headline, e.g. "Could not apply the formula". */
  title: string;
  /** What happened and what to do next, in plain words. */
  text: string;
}
