import { createContext } from "react";
import type { Message } from "./Message";

/** What a step needs to talk to the person: put a notice in the one message bar, or clear it. */
export interface MessageApi {
  show(message: Message): void;
  /** Shows `error` as an error notice titled `title`, with `nextStep` as advice (see describeError). */
  showError(title: string, error: unknown, nextStep?: string): void;
  clear(): void;
  /** Clears the notice only when it is the one titled `title` (a step withdrawing its own stale notice). */
  dismiss(title: string): void;
}

export const messageContext = createContext<MessageApi | null>(null);
