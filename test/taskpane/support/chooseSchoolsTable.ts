import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";

/** Picks the table "Schools" in step 1 and returns the mapping step's region. */
export async function chooseSchoolsTable(user: UserEvent): Promise<HTMLElement> {
  const select = await screen.findByRole("combobox", { name: "Schools table" });
  await waitFor(() => expect(within(select).getByRole("option", { name: "Schools" })).toBeInTheDocument());
  await user.selectOptions(select, "Schools");
  return screen.findByRole("region", { name: "2. Map columns" });
}
