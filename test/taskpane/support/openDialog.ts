import { screen } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";

/**
 * Waits for a modal question and moves keyboard focus into it. jsdom has no layout, so Fluent cannot find a
 * visible button to focus when a dialog opens; focus stays on the surface before Tabster activates the
 * modal, which keeps the surface aria-hidden. One Tab (what a keyboard user presses) moves focus in, as in a
 * browser, after which the dialog is found by its accessible role and name.
 */
export async function openDialog(user: UserEvent, name: string): Promise<HTMLElement> {
  await screen.findByRole("alertdialog", { name, hidden: true });
  await user.tab();
  return screen.findByRole("alertdialog", { name });
}
