import { act, screen, waitFor, within } from "@testing-library/react";

/**
 * Waits for the modal question titled `title` and puts keyboard focus on its first button, as Fluent does in
 * a browser; fails when focus cannot get inside.
 *
 * Why `hidden: true` and a title match instead of `{ name }`: jsdom has no layout, so Fluent's search for a
 * visible button to focus can fail, and Tabster (Fluent's focus manager) then marks the surface aria-hidden
 * for a timer-dependent moment, during which the accessible-name lookup is unreliable too. Asserting that
 * lookup would test Fluent in jsdom, not this pane. Queries inside the dialog must pass `hidden: true`.
 */
export async function openDialog(title: string): Promise<HTMLElement> {
  let surface: HTMLElement | undefined;
  await waitFor(() => {
    surface = screen.getAllByRole("alertdialog", { hidden: true }).find((d) => within(d).queryByText(title) !== null);
    expect(surface).toBeDefined();
  });
  const dialog = surface as HTMLElement;
  const first = within(dialog).getAllByRole("button", { hidden: true })[0];
  act(() => first.focus());
  expect(dialog.contains(document.activeElement)).toBe(true);
  return dialog;
}
