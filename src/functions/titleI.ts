/*
 * Federal Title I, Part A custom functions (design.md "Federal Title I, Part A"; rules and published
 * examples in shared/domain.md section 6): thin adapters from Excel's arguments to src/engine/titleI.
 *
 * Row-wise: a bad row gets #VALUE! with its message in its own cells and every other row computes; a row
 * whose result depends on a bad row (a rank, a share of a pool, a span's average) gets a #VALUE! that names
 * the row to fix. Only a problem of shape (ranges of different lengths) or of a scalar argument fails the
 * whole result. Omitted optional arguments arrive as null and take their documented default.
 */
import { Cell, isBlank, toVector } from "../engine/core/cells";
import { describeCell, valueError, WsfError } from "../engine/core/WsfError";
import * as ti from "../engine/titleI";
import { optionalChoice, optionalNumber, optionalNumberOrNull, optionalRange, requiredNumber } from "./args";
import { excelCall, toExcelError } from "./excelErrors";

type SpillCell = string | number | boolean | CustomFunctions.Error;

/** The cells of one output row: its values, its error repeated in every cell, or blanks. */
function rowCells(outcome: unknown, width: number, values: () => SpillCell[]): SpillCell[] {
  if (outcome === null) return new Array(width).fill("");
  if (outcome instanceof WsfError) return new Array(width).fill(toExcelError(outcome));
  return values();
}

/** A 2-D range as rows of cells (a bare scalar is a 1 x 1 range). */
function grid(cells: unknown): Cell[][] {
  if (!Array.isArray(cells)) return [[cells]];
  if (cells.length > 0 && !Array.isArray(cells[0])) return [cells as Cell[]];
  return cells as Cell[][];
}

/** Reads the ranking method: "district", "35" (also 35 or 0.35 typed as a number) or "span". */
function readMethod(value: unknown, fn: string): ti.TitleIRankMethod {
  const cell = Array.isArray(value) ? toVector(value, { fn, arg: "method" })[0] : value;
  if (cell === 35 || cell === 0.35 || cell === "35%") return "35";
  return optionalChoice(cell, ["district", "35", "span"] as const, "district", fn, "method");
}

/**
 * Ranks school attendance areas for Title I (ESEA section 1113): poverty rate = low-income children / enrollment; rank 1 = highest poverty, equal rates share a rank; status "Must serve" above 75%, else "Eligible" or "Not eligible" under the method. Grade-span grouping ranks every area above 75% first, then each span in priority order.
 * @customfunction TITLEIRANK
 * @param lowIncome Low-income children of each school attendance area (public and private-school children living there).
 * @param enrollment Enrollment of each area, row for row.
 * @param [method] "district" (default): eligible at or above the district rate; "35": at or above 35% or the district rate (the 35% rule); "span": at or above the rate of the school's own grade span, ranked within spans.
 * @param [gradeSpan] Grade span of each school, row for row (e.g. "Elementary"); needed for "span".
 * @param [spans] For "span": the spans in priority order (a row or column of names). Default: the order in which spans first appear.
 * @example =WSF.TITLEIRANK({870;210;28}, {870;276;300}, "35") -> {1,1,"Must serve";0.7609,2,"Must serve";0.0933,3,"Not eligible"}
 * @returns A spill n x 3: poverty rate, rank, status, row for row.
 */
export function titleIRank(lowIncome: any[][], enrollment: any[][], method?: string, gradeSpan?: any[][], spans?: any[][]): any[][] {
  const fn = "WSF.TITLEIRANK";
  return excelCall(fn, () => {
    const li = toVector(lowIncome, { fn, arg: "lowIncome" });
    const enr = toVector(enrollment, { fn, arg: "enrollment" });
    const m = readMethod(method, fn);
    const spanRange = optionalRange(gradeSpan);
    const priority = optionalRange(spans);
    const rows = ti.titleIRank(
      li,
      enr,
      m,
      spanRange === null ? null : toVector(spanRange, { fn, arg: "gradeSpan" }),
      priority === null ? null : toVector(priority, { fn, arg: "spans" }),
      fn,
    );
    return rows.map((r) =>
      rowCells(r, 3, () => {
        if ("problem" in (r as object)) {
          const partial = r as ti.TitleIRankPartial;
          const error = toExcelError(partial.problem);
          return [partial.rate, error, error];
        }
        const ranked = r as ti.TitleIRankRow;
        return [ranked.rate, ranked.rank, ranked.status];
      }),
    );
  });
}

/**
 * The per-child minimum of the 125% rule: a district that serves any area below 35% must give every served area at least share x (its Title I allocation / its low-income children). Unrounded.
 * @customfunction TITLEIMINIMUM
 * @param districtAllocation The district's Title I, Part A allocation in dollars.
 * @param districtLowIncome The district's low-income children (the count the allocation is spread over).
 * @param [share] The multiple of the district average per child. Default 1.25 (the 125% rule).
 * @example =WSF.TITLEIMINIMUM(2366381, 2618) -> 1129.86
 * @returns Dollars per low-income child that every served area must at least receive.
 */
export function titleIMinimum(districtAllocation: number, districtLowIncome: number, share?: number): number {
  const fn = "WSF.TITLEIMINIMUM";
  return excelCall(fn, () =>
    ti.titleIMinimum(requiredNumber(districtAllocation, fn, "districtAllocation"), requiredNumber(districtLowIncome, fn, "districtLowIncome"), optionalNumber(share, 1.25, fn, "share"), fn),
  );
}

/**
 * Title I allocation of each school by its low-income children: "pool" spreads the amount over the served schools' children (the same per child, adding up to the pool), "perchild" pays the amount per child, a 2- or 3-column amount pays by poverty band. Not-served schools get 0. #VALUE! in a school's row when it falls below minimumPerChild or gets less per child than a lower-poverty school.
 * @customfunction TITLEIALLOCATE
 * @param lowIncome Low-income children of each school attendance area (public and private).
 * @param served 1 or TRUE for a served school, 0, FALSE or blank for one not served, row for row.
 * @param amount "pool": the dollars to spread (after reservations); "perchild": dollars per child, one number or a column row for row; bands: rows of (lowest poverty rate, dollars per child) or (lowest rate, end rate, dollars per child).
 * @param [mode] "pool" (default), "perchild" or "bands" (also implied by a 2- or 3-column amount).
 * @param [minimumPerChild] The 125% rule's minimum per child (WSF.TITLEIMINIMUM); omit when every served school is at or above 35%.
 * @param [poverty] Poverty rate of each school (from WSF.TITLEIRANK), row for row: chooses the band and checks that no higher-poverty school gets less per child.
 * @example =WSF.TITLEIALLOCATE({870;210;296}, {1;1;0}, 700, "perchild") -> {609000;147000;0}
 * @returns A spill n x 1 of school allocations in dollars, unrounded, row for row.
 */
export function titleIAllocate(lowIncome: any[][], served: any[][], amount: any[][], mode?: string, minimumPerChild?: number, poverty?: any[][]): any[][] {
  const fn = "WSF.TITLEIALLOCATE";
  return excelCall(fn, () => {
    const li = toVector(lowIncome, { fn, arg: "lowIncome" });
    const flags = toVector(served, { fn, arg: "served" });
    const amountGrid = grid(amount);
    const width = amountGrid.length === 0 ? 0 : amountGrid[0].length;
    const banded = width === 2 || width === 3;
    const m = optionalChoice(mode, ["pool", "perchild", "bands"] as const, banded ? "bands" : "pool", fn, "mode");
    let rule: ti.TitleIRule;
    if (m === "bands") {
      if (!banded) throw valueError({ fn, arg: "amount" }, `has ${width} column${width === 1 ? "" : "s"}; mode "bands" takes 2 (lowest rate, dollars per child) or 3 (lowest rate, end rate, dollars per child)`);
      rule = { kind: "bands", bands: ti.readPovertyBands(amountGrid, fn, "amount") };
    } else {
      if (banded) throw valueError({ fn, arg: "mode" }, `is "${m}" but amount has ${width} columns (poverty bands); use "bands" or one amount`);
      const column = toVector(amountGrid, { fn, arg: "amount" });
      if (column.length === 1) {
        const cell = column[0];
        if (isBlank(cell)) throw valueError({ fn, arg: "amount" }, "is missing; enter the dollars");
        if (typeof cell !== "number") throw valueError({ fn, arg: "amount" }, `is ${describeCell(cell)}, expected a number`);
        rule = m === "pool" ? { kind: "pool", pool: cell } : { kind: "perchild", perChild: cell };
      } else if (m === "perchild") {
        rule = { kind: "perchild", perChild: column };
      } else {
        throw valueError({ fn, arg: "amount" }, `has ${column.length} cells; a pool is one number (use mode "perchild" for dollars per child school by school)`);
      }
    }
    const minimum = optionalNumberOrNull(minimumPerChild, fn, "minimumPerChild");
    const povertyRange = optionalRange(poverty);
    const rows = ti.titleIAllocate(li, flags, rule, minimum, povertyRange === null ? null : toVector(povertyRange, { fn, arg: "poverty" }), fn);
    return rows.map((r) => rowCells(r, 1, () => [(r as ti.TitleIAllocationRow).allocation]));
  });
}

/**
 * Comparability of services (ESEA section 1118(c)) by grade span: each school's span average of the non-Title I schools (of all schools when every school of the span is Title I), and for Title I schools "Comparable" or "Not comparable". "ratio": pupils per instructional staff at most (1 + tolerance) x the average; "spending": state/local dollars per pupil at least (1 - tolerance) x the average.
 * @customfunction COMPARABILITY
 * @param measure One column of measures (pupils per staff, or dollars per pupil), or two columns: pupils and staff FTE ("ratio"), dollars and pupils ("spending"); two columns give pooled averages.
 * @param titleI 1 or TRUE for a Title I school, 0, FALSE or blank for one that is not, row for row.
 * @param [gradeSpan] Grade span of each school, row for row. Omit to compare district-wide.
 * @param [tolerance] Allowed distance from the average as a share. Default 0.10 (the 110% and 90% tests).
 * @param [kind] "ratio" (default): pupils per staff member; "spending": dollars per pupil.
 * @param [smallSchool] Schools with this many pupils or fewer are "Exempt" and left out of the averages (California: 100); needs a two-column measure. 0 or omitted: none exempt.
 * @example =WSF.COMPARABILITY({440,20;500,25;300,15;460,19}, {1;0;0;1}) -> {20,"Comparable";20,"";20,"";20,"Not comparable"}
 * @returns A spill n x 2: the span average and the verdict, row for row.
 */
export function comparability(measure: any[][], titleI: any[][], gradeSpan?: any[][], tolerance?: number, kind?: string, smallSchool?: number): any[][] {
  const fn = "WSF.COMPARABILITY";
  return excelCall(fn, () => {
    const flags = toVector(titleI, { fn, arg: "titleI" });
    const spanRange = optionalRange(gradeSpan);
    const t = optionalNumber(tolerance, 0.1, fn, "tolerance");
    const k = optionalChoice(kind, ["ratio", "spending"] as const, "ratio", fn, "kind");
    // 0 and blank mean the same (some Excel builds pass a blank cell as 0): no school is exempt.
    const small = optionalNumberOrNull(smallSchool, fn, "smallSchool") || null;
    const rows = ti.comparability(grid(measure), flags, spanRange === null ? null : toVector(spanRange, { fn, arg: "gradeSpan" }), { tolerance: t, kind: k, smallSchool: small }, fn);
    return rows.map((r) =>
      rowCells(r, 2, () => {
        const row = r as ti.ComparabilityRow;
        const average = Number.isFinite(row.average) ? row.average : toExcelError(new WsfError("NA", `${fn}: no school of the span is left to compare with`));
        return [average, row.status];
      }),
    );
  });
}
