/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { renderTaskPane } from "./support/renderTaskPane";
import { schoolsWorkbook } from "./support/schoolsWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";

describe("task pane: choosing the table and mapping columns", () => {
  test("lists the workbook's tables and suggests a role for every header", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    const mapping = await chooseSchoolsTable(user);
    // suggestMapping's synonyms: "School ID" -> id, "School" -> name, "Free and reduced lunch" -> frl, "English learners" -> el.
    const expected: [string, string][] = [
      ["School ID", "School ID"],
      ["School name", "School"],
      ["Enrollment", "Enrollment"],
      ["Low income (FRL) pupils", "Free and reduced lunch"],
      ["English learners", "English learners"],
      ["Prior-year allocation", "Prior-year allocation"],
      ["Special education", "Not mapped"],
    ];
    for (const [role, header] of expected) {
      const select = within(mapping).getByRole("combobox", { name: role }) as HTMLSelectElement;
      expect(select.selectedOptions[0].textContent).toBe(header);
    }
    expect(within(mapping).getByText("4 schools read.")).toBeInTheDocument();
    expect(within(mapping).getByText("No problems found in the table.")).toBeInTheDocument();
  });

  test("changing a role re-reads the schools: unmapping enrollment leaves no source of pupils", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    const mapping = await chooseSchoolsTable(user);
    await user.selectOptions(within(mapping).getByRole("combobox", { name: "Enrollment" }), "Not mapped");
    // readSchools: without enrollment and grade bands the whole table is one error (row 0), no school is read.
    expect(within(mapping).getByText("0 schools read.")).toBeInTheDocument();
    expect(within(mapping).getByText(/has no enrollment column and no grade-band columns/)).toBeInTheDocument();
  });

  test("bad data is listed by row, and a click selects the offending cell", async () => {
    // Data rows (1-based, header in sheet row 1, so data row r is 0-based sheet row r):
    // 1 clean; 2 enrollment "n/a"; 3 FRL -5; 4 blank; 5 repeats id A1 of row 1; 6 FRL 160 above enrollment 150.
    const wb = schoolsWorkbook([
      ["A1", "Adams", 100, 10, 0, 500_000],
      ["B2", "Baker", "n/a", 50, 20, 1_000_000],
      ["C3", "Cole", 300, -5, 60, 1_500_000],
      [null, null, null, null, null, null],
      ["A1", "Again", 200, 20, 10, 800_000],
      ["E5", "Evans", 150, 160, 10, 700_000],
    ]);
    const { user } = renderTaskPane(wb);
    const mapping = await chooseSchoolsTable(user);
    const list = within(mapping).getByRole("list", { name: "Data problems" });
    const problems = within(list).getAllByRole("button").map((b) => b.textContent);
    expect(problems).toEqual([
      expect.stringMatching(/Enrollment row 2 \(sheet row 3\) is "n\/a", expected a number of pupils/),
      expect.stringMatching(/Free and reduced lunch row 3 \(sheet row 4\) is -5, a negative number of pupils/),
      expect.stringMatching(/row 4 \(sheet row 5\) is blank and skipped/),
      expect.stringMatching(/School ID row 5 \(sheet row 6\) repeats the id "A1" of row 1/),
      expect.stringMatching(/Free and reduced lunch row 6 \(sheet row 7\) is 160, more than the 150 enrolled/),
    ]);
    // Only row 1 is clean; the blank row is a warning and rows 2, 3, 5 and 6 are errors.
    expect(within(mapping).getByText("1 school read.")).toBeInTheDocument();
    expect(within(mapping).getByText(/4 errors .*, 1 warning/)).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: /Enrollment row 2/ }));
    expect(wb.selection).toEqual({ sheet: "Schools", row: 2, column: 2 });
    await user.click(within(list).getByRole("button", { name: /row 6 \(sheet row 7\)/ }));
    expect(wb.selection).toEqual({ sheet: "Schools", row: 6, column: 3 });
  });

  test("editing the table's sheet re-reads it: a fixed cell's problem goes away and the person's mapping stays", async () => {
    const wb = schoolsWorkbook([
      ["A1", "Adams", 100, 10, 0, 500_000],
      ["B2", "Baker", "n/a", 50, 20, 1_000_000],
      ["C3", "Cole", 300, -5, 60, 1_500_000],
    ]);
    const { user } = renderTaskPane(wb);
    const mapping = await chooseSchoolsTable(user);
    // The person unmaps FRL: its problem (row 3, -5) goes; the enrollment problem (row 2, "n/a") stays.
    await user.selectOptions(within(mapping).getByRole("combobox", { name: "Low income (FRL) pupils" }), "Not mapped");
    expect(within(mapping).queryByText(/row 3 \(sheet row 4\) is -5/)).not.toBeInTheDocument();
    expect(within(mapping).getByText(/Enrollment row 2 \(sheet row 3\) is "n\/a"/)).toBeInTheDocument();
    // They fix the cell in the sheet itself (sheet row 3, column C).
    wb.setCell("Schools", 2, 2, 250);
    await waitFor(() => expect(within(mapping).getByText("3 schools read.")).toBeInTheDocument());
    expect(within(mapping).queryByText(/Enrollment row 2/)).not.toBeInTheDocument();
    expect(within(mapping).queryByText(/is -5/)).not.toBeInTheDocument();
    expect(within(mapping).getByRole("combobox", { name: "Low income (FRL) pupils" })).toHaveValue("");
  });

  test("inserting the 8-school sample writes an owned Schools table and reads it", async () => {
    const wb = new MemoryWorkbook();
    const { user } = renderTaskPane(wb);
    await screen.findByText("No table of schools found");
    await user.click(screen.getByRole("button", { name: "Insert 8-school sample" }));
    const mapping = await screen.findByRole("region", { name: "2. Map columns" });
    // E5 has 8 schools; enrollment 420 + 610 + 380 + 950 + 300 + 720 + 510 + 265 = 4,155 pupils.
    expect(within(mapping).getByText("8 schools read.")).toBeInTheDocument();
    expect(wb.getCell("Schools", 8, 1).value).toBe(265);
    // The per-pupil helper columns of the sample workbook follow the six E5 columns (G, H, I).
    expect(wb.getCell("Schools", 0, 6).value).toBe("Unrestricted per pupil");
    expect(wb.getCell("Schools", 1, 8).formula).toBe("=(D2+E2)/F2");
    expect((await wb.inspectSheets(["Schools"]))[0]).toMatchObject({ owned: true, editedByHand: false });
    expect(screen.getByText("Sample district inserted")).toBeInTheDocument();
  });

  test("a sample cannot replace a person's own Schools sheet: the message bar says what to do", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await user.click(screen.getByRole("button", { name: "Insert 8-school sample" }));
    await waitFor(() => expect(screen.getByText("Could not insert the sample district")).toBeInTheDocument());
    expect(screen.getByText(/Rename or move that sheet/)).toBeInTheDocument();
    expect(wb.getCell("Schools", 1, 0).value).toBe("A1");
  });
});
