import fc from "fast-check";
import type { TransitionSettings } from "../../../src/engine/transition/TransitionSettings";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { readTransition, sameTransition } from "../../../src/taskpane/sheets/readTransition";
import { transitionSheet } from "../../../src/taskpane/sheets/transitionSheet";
import type { CellValue, TableInfo } from "../../../src/workbook/WorkbookPort";
import { headers as baseHeaders, mapping, nycLike } from "./threeSchoolTable";
import { sheetGrid as grid } from "../../support/sheetGrid";

/* The plan read back from the "WSF Transition" sheet the pane writes: a round trip over random plans (the
 * identity: what was written is what is read), and each edit a person can make to the rules block, with the
 * message naming the cell. Layout (transitionSheet): rules header row 4, rate row 5, stop-loss row 6, gain
 * cap row 7, pool growth row 8, projected enrollment row 10; year 1 in column B. */

const headers = [...baseHeaders, "Projected 2026", "Projected 2027"];
const table: TableInfo = { id: "Schools", label: "Schools (A1:K4)", kind: "table", sheet: "Schools", address: "Schools!A1:K4", headers, rowCount: 3 };

function written(settings: TransitionSettings): CellValue[][] {
  const { cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
  const { cells } = allocationSheet(nycLike, table, mapping, paramCells);
  return grid(transitionSheet(settings, { allocation: cells, table, mapping, poolFixed: true }).sheet);
}

const rule = (rate: number | null, maxLoss: number | null, maxGain: number | null, poolGrowth: number | null = null) => ({ rate, maxLoss, maxGain, poolGrowth });
const plan: TransitionSettings = { years: [rule(1 / 3, 0.02, null), rule(0.5, null, null, 0.03), rule(null, null, 0.1)], projectedEnrollment: [null, "Projected 2026", null] };

function edited(row: number, column: number, value: CellValue): CellValue[][] {
  const cells = written(plan).map((line) => line.slice());
  cells[row][column] = value;
  return cells;
}

describe("readTransition", () => {
  test("reads back every plan it wrote (2 to 5 years, any rules, any projected columns)", () => {
    const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    const year = fc.record({
      rate: share,
      maxLoss: share,
      maxGain: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null }),
      poolGrowth: fc.option(fc.double({ min: -0.99, max: 0.5, noNaN: true }), { nil: null }),
    });
    const settings = fc
      .integer({ min: 2, max: 5 })
      .chain((n) => fc.record({ years: fc.array(year, { minLength: n, maxLength: n }), projectedEnrollment: fc.array(fc.constantFrom(null, "Projected 2026", "Projected 2027"), { minLength: n, maxLength: n }) }));
    fc.assert(
      fc.property(settings, (s) => {
        const cells = written(s);
        const back = readTransition(cells, cells, table);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.notUsed).toEqual([]);
        expect(sameTransition(back.settings, s)).toBe(true);
        // Exactly, not within the form's precision: the cells hold the numbers the plan had.
        back.settings.years.forEach((y, k) => {
          expect(y.rate ?? 1).toBe(s.years[k].rate ?? 1);
          expect(y.maxLoss).toBe(s.years[k].maxLoss);
          expect(y.maxGain).toBe(s.years[k].maxGain);
          expect((y.poolGrowth ?? 0) === (s.years[k].poolGrowth ?? 0)).toBe(true); // -0 growth reads back as 0
        });
        expect(back.settings.projectedEnrollment).toEqual(s.projectedEnrollment);
      }),
      { numRuns: 200 },
    );
  });

  test("a changed rate or pool growth is the plan now, with nothing to apply (the formulas point at those cells)", () => {
    const cells = edited(4, 2, 0.25);
    cells[7][1] = 0.01;
    const back = readTransition(cells, cells, table);
    expect(back).toEqual({ ok: true, notUsed: [], settings: { ...plan, years: [rule(1 / 3, 0.02, null, 0.01), rule(0.25, null, null, 0.03), rule(null, null, 0.1)] } });
  });

  test("a limit typed where the formulas have none is taken, with a note that the sheet does not use it yet", () => {
    const cells = edited(5, 2, 0.04); // C6: year 2's stop-loss, written as "none"
    const back = readTransition(cells, cells, table);
    expect(back.ok && back.settings.years[1].maxLoss).toBe(0.04);
    expect(back.ok && back.notUsed).toEqual(["WSF Transition!C6 sets a stop-loss for year 2 that the sheet's amounts do not use yet: apply the transition again to use it."]);
  });

  test("a limit the formulas use, left blank or made 'none', is a problem naming the cell (PHASEIN would read a blank as 0)", () => {
    for (const value of [null, "none", ""]) {
      const cells = edited(5, 1, value); // B6: year 1's stop-loss, 2%
      expect(readTransition(cells, cells, table)).toEqual({
        ok: false,
        problems: [`WSF Transition!B6 is ${value === "none" ? '"none"' : "blank"}, but year 1's amounts use it as the stop-loss: enter a share from 0% to 100% there, or remove the stop-loss in the pane and apply the transition again.`],
      });
    }
  });

  test("cells that cannot be rules are problems naming each cell and what it should hold", () => {
    const cells = edited(4, 1, "a third");
    cells[6][3] = -0.1;
    cells[7][2] = -1;
    cells[9][1] = "Projected 2030";
    const back = readTransition(cells, cells, table);
    expect(back).toEqual({
      ok: false,
      problems: [
        'WSF Transition!B5 is "a third": enter the share of the gap year 1 closes, from 0% to 100%.',
        'WSF Transition!B10 is "Projected 2030", which is not a column of the schools table: enter a column\'s header or "today\'s enrollment".',
        "WSF Transition!C8 is -1: enter year 2's pool growth as a share above -100%.",
        'WSF Transition!D7 is -0.1: enter a share of 0% or more for year 3\'s gain cap, or "none".',
      ],
    });
  });

  test("a projected-enrollment column changed on the sheet is taken, with a note naming the column the targets use", () => {
    const cells = edited(9, 2, "Projected 2027"); // C10: year 2, written as "Projected 2026"
    const back = readTransition(cells, cells, table);
    expect(back.ok && back.settings.projectedEnrollment).toEqual([null, "Projected 2027", null]);
    expect(back.ok && back.notUsed).toEqual([
      'WSF Transition!C10 says year 2 uses "Projected 2027", but the sheet\'s targets use "Projected 2026": apply the transition again to use what the cell says.',
    ]);
  });

  test("a rules header that no longer reads Year 1, Year 2 cannot be read", () => {
    const cells = edited(3, 2, "Next year");
    expect(readTransition(cells, cells, table)).toEqual({
      ok: false,
      problems: ['WSF Transition!B4 should read "Year 1", "Year 2", ... across the rules block; the plan cannot be read. Apply the transition again to rewrite the sheet.'],
    });
  });

  test("sameTransition: a blank rate is 100%, no growth is 0, and shares agree within the form's 6 digits", () => {
    const a: TransitionSettings = { years: [rule(null, 0.02, null), rule(1 / 3, null, null, 0)], projectedEnrollment: [null, null] };
    expect(sameTransition(a, { years: [rule(1, 0.02, null, null), rule(0.333333, null, null)], projectedEnrollment: [null, null] })).toBe(true);
    expect(sameTransition(a, { years: [rule(1, 0.02, null), rule(0.3333, null, null)], projectedEnrollment: [null, null] })).toBe(false);
    expect(sameTransition(a, { years: [rule(1, null, null), rule(1 / 3, null, null)], projectedEnrollment: [null, null] })).toBe(false);
    expect(sameTransition(a, { years: [rule(1, 0.02, null), rule(1 / 3, null, null)], projectedEnrollment: [null, "Projected 2026"] })).toBe(false);
  });
});
