import type { SingleColumnRole } from "../../../engine/table/ColumnMapping";

/** The single-column roles in the order a person checks them, with the words the pane shows. */
export const ROLE_LABELS: { role: SingleColumnRole; label: string; hint: string }[] = [
  { role: "id", label: "School ID", hint: "Unique per school; used to compare scenarios" },
  { role: "name", label: "School name", hint: "" },
  { role: "enrollment", label: "Enrollment", hint: "Pupils per school (or ADA)" },
  { role: "frl", label: "Low income (FRL) pupils", hint: "A count of pupils, not a share" },
  { role: "el", label: "English learners", hint: "" },
  { role: "sped", label: "Special education", hint: "" },
  { role: "foster", label: "Foster youth", hint: "" },
  { role: "unduplicated", label: "Unduplicated pupils", hint: "Each high-need pupil counted once (LCFF)" },
  { role: "prior", label: "Prior-year allocation", hint: "Dollars; needed for protection rules" },
  { role: "region", label: "Region", hint: "" },
  { role: "level", label: "Level", hint: "" },
];

/** The label of a single-column role. */
export function roleLabel(role: SingleColumnRole): string {
  return ROLE_LABELS.find((r) => r.role === role)?.label ?? role;
}
