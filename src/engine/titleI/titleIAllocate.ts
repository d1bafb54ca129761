import { Cell, isBlank } from "../core/cells";
import { CompensatedSum } from "../core/sum";
import { describeCell, divZeroError, valueError, WsfError } from "../core/WsfError";
import { formatAmount } from "../allocation/formatAmount";
import { bandFor } from "./bandFor";
import { dependsOnRow } from "./dependsOnRow";
import { formatShare } from "./formatShare";
import { listRows } from "./listRows";
import { PovertyBand } from "./PovertyBand";
import { readCountCell } from "./readCountCell";
import { readFlagCell } from "./readFlagCell";
import { RowOutcome } from "./RowOutcome";

/** How served schools are paid: a pool spread per child, a fixed amount per child, or poverty bands. */
export type TitleIRule =
  | { kind: "pool"; pool: number }
  | { kind: "perchild"; perChild: number | readonly Cell[] }
  | { kind: "bands"; bands: readonly PovertyBand[] };

/** One school's Title I allocation (0 when not served) and dollars per low-income child (0 when not served). */
export interface TitleIAllocationRow {
  served: boolean;
  perChild: number;
  allocation: number;
}

// Amounts within this relative distance are equal: a rule met to a billionth of a cent is met.
const RELATIVE_SLACK = 1e-12;

/**
 * Title I allocations to school attendance areas by the number of low-income children (ESEA section
 * 1113(c); domain.md section 6). Not-served schools get 0. Served schools get:
 * - `pool`: pool x children / children of all served schools (the same amount per child; the allocations
 *   add up to the pool to the cent);
 * - `perchild`: the amount per child (one number, or one per school) x children;
 * - `bands`: the dollars per child of the band holding the school's poverty rate x children.
 * Unrounded.
 *
 * Checks, each an error in the row(s) concerned, whose message names the schools' rows:
 * - the 125% rule: a served school below `minimumPerChild` (TITLEIMINIMUM). With a pool every served
 *   school gets the error, which says how much the pool is short of the minimum's cost;
 * - the rank-order rule: a served school may not get less per child than a served school of lower poverty
 *   (needs `poverty`, the rate from TITLEIRANK, row for row).
 * Row errors: low-income children not a count >= 0, a served flag not 1/0/TRUE/FALSE (blank = not
 * served; blank children beside a flag of 1 count 0), poverty missing or outside 0..1 where needed, no band
 * for the rate. With a pool, a bad row that may be served makes every served row's amount an error that
 * names it (the amount per child depends on it).
 *
 * Cost O(n log n) (the rank-order check sorts by poverty).
 *
 * @throws WsfError VALUE on columns of different lengths, a negative or non-finite pool or amount, a
 *   negative minimum, bands without `poverty`.
 * @example titleIAllocate([870, 210, 28], [1, 1, 0], { kind: "perchild", perChild: 700 }).map((r) => (r as TitleIAllocationRow).allocation) // [609000, 147000, 0]
 */
export function titleIAllocate(
  lowIncome: readonly Cell[],
  served: readonly Cell[],
  rule: TitleIRule,
  minimumPerChild: number | null = null,
  poverty: readonly Cell[] | null = null,
  fn = "WSF.TITLEIALLOCATE",
): RowOutcome<TitleIAllocationRow>[] {
  const n = lowIncome.length;
  checkArguments(n, served, rule, minimumPerChild, poverty, fn);

  // 1. Read every row; a bad row keeps its error.
  const rows: RowOutcome<{ children: number; served: boolean; rate: number | null; perChild: number }>[] = new Array(n);
  const poisoning: number[] = [];
  for (let i = 0; i < n; i++) {
    try {
      rows[i] = readRow(i, lowIncome, served, poverty, rule, fn);
    } catch (error) {
      if (!(error instanceof WsfError)) throw error;
      rows[i] = error;
      let flag: boolean | null = null;
      try {
        flag = readFlagCell(served[i], { fn, arg: "served", row: i + 1 });
      } catch {
        flag = null;
      }
      if (flag !== false) poisoning.push(i + 1);
    }
  }

  // 2. Amount per child of each served school.
  const servedRows: number[] = [];
  rows.forEach((r, i) => {
    if (r !== null && !(r instanceof WsfError) && r.served) servedRows.push(i);
  });
  const out: RowOutcome<TitleIAllocationRow>[] = rows.map((r) => (r === null || r instanceof WsfError ? r : { served: r.served, perChild: 0, allocation: 0 }));
  if (rule.kind === "pool") {
    if (poisoning.length > 0) {
      for (const i of servedRows) out[i] = dependsOnRow(fn, `row ${i + 1}'s share of the pool`, poisoning[0]);
      return out;
    }
    const children = new CompensatedSum();
    for (const i of servedRows) children.add(rowData(rows[i]).children);
    const total = children.value;
    if (total === 0) {
      for (const i of servedRows) out[i] = divZeroError(fn, "the served schools have no low-income children to spread the pool over");
      return out;
    }
    const perChild = rule.pool / total;
    if (minimumPerChild !== null && perChild < minimumPerChild * (1 - RELATIVE_SLACK)) {
      const cost = minimumPerChild * total;
      const error = valueError(
        { fn, arg: "amount" },
        `$${formatAmount(rule.pool)} over the ${formatAmount(total)} low-income children of the served schools (${listRows(servedRows.map((i) => i + 1))}) is $${formatAmount(perChild)} per child, below minimumPerChild $${formatAmount(minimumPerChild)}; serving them costs $${formatAmount(cost)}, $${formatAmount(cost - rule.pool)} missing: serve fewer schools or add to the pool`,
      );
      for (const i of servedRows) out[i] = error;
      return out;
    }
    for (const i of servedRows) {
      const c = rowData(rows[i]).children;
      out[i] = { served: true, perChild, allocation: (rule.pool * c) / total };
    }
    return out;
  }

  // perchild and bands: each served row on its own, then the two rules.
  for (const i of servedRows) {
    const r = rowData(rows[i]);
    out[i] = { served: true, perChild: r.perChild, allocation: r.perChild * r.children };
  }
  if (minimumPerChild !== null) {
    for (const i of servedRows) {
      const r = out[i] as TitleIAllocationRow;
      if (r.perChild < minimumPerChild * (1 - RELATIVE_SLACK)) {
        const children = rowData(rows[i]).children;
        out[i] = valueError(
          { fn, arg: "amount", row: i + 1 },
          `pays $${formatAmount(r.perChild)} per child, below minimumPerChild $${formatAmount(minimumPerChild)}; the school's ${formatAmount(children)} children need $${formatAmount((minimumPerChild - r.perChild) * children)} more`,
        );
      }
    }
  }
  if (poverty !== null) checkRankOrder(servedRows, rows, out, fn);
  return out;
}

type ReadRow = { children: number; served: boolean; rate: number | null; perChild: number };

function rowData(r: RowOutcome<ReadRow>): ReadRow {
  return r as ReadRow;
}

function checkArguments(n: number, served: readonly Cell[], rule: TitleIRule, minimumPerChild: number | null, poverty: readonly Cell[] | null, fn: string): void {
  const sameSize = (arg: string, length: number) => {
    if (length !== n) throw valueError({ fn, arg }, `has ${length} rows but lowIncome has ${n}; they must be the same size`);
  };
  sameSize("served", served.length);
  if (poverty !== null) sameSize("poverty", poverty.length);
  const nonNegative = (arg: string, x: number) => {
    if (typeof x !== "number" || !Number.isFinite(x)) throw valueError({ fn, arg }, `is ${describeCell(x)}, expected a number`);
    if (x < 0) throw valueError({ fn, arg }, `is ${x}, expected dollars >= 0`);
  };
  if (rule.kind === "pool") nonNegative("amount", rule.pool);
  if (rule.kind === "perchild") {
    if (typeof rule.perChild === "number") nonNegative("amount", rule.perChild);
    else sameSize("amount", rule.perChild.length);
  }
  if (rule.kind === "bands" && poverty === null) throw valueError({ fn, arg: "poverty" }, "is needed to pay by poverty band: give each school's poverty rate (from WSF.TITLEIRANK)");
  if (minimumPerChild !== null) nonNegative("minimumPerChild", minimumPerChild);
}

function readRow(i: number, lowIncome: readonly Cell[], served: readonly Cell[], poverty: readonly Cell[] | null, rule: TitleIRule, fn: string): ReadRow | null {
  const row = i + 1;
  const children = readCountCell(lowIncome[i], { fn, arg: "lowIncome", row });
  const flag = readFlagCell(served[i], { fn, arg: "served", row });
  // A blank count beside a served flag of 1 is 0 children, as on Excel builds that pass a blank cell as 0.
  if (children === null && flag !== true) return null;
  const count = children ?? 0;
  const isServed = flag === true;
  let rate: number | null = null;
  if (poverty !== null && isServed) {
    const cell = poverty[i];
    if (isBlank(cell)) throw valueError({ fn, arg: "poverty", row }, "is blank but the school is served; give its poverty rate");
    if (typeof cell !== "number" || !Number.isFinite(cell) || cell < 0 || cell > 1) throw valueError({ fn, arg: "poverty", row }, `is ${describeCell(cell)}, expected a share between 0 and 1`);
    rate = cell;
  }
  let perChild = 0;
  if (isServed && rule.kind === "perchild") {
    if (typeof rule.perChild === "number") perChild = rule.perChild;
    else {
      const amount = readCountCell(rule.perChild[i], { fn, arg: "amount", row });
      if (amount === null) throw valueError({ fn, arg: "amount", row }, "is blank but the school is served; give its dollars per child");
      perChild = amount;
    }
  }
  if (isServed && rule.kind === "bands") {
    const band = bandFor(rule.bands, rate as number);
    if (band === null) {
      const low = rule.bands[0].from;
      const top = rule.bands[rule.bands.length - 1];
      throw valueError({ fn, arg: "poverty", row }, `is ${formatShare(rate as number)}; no band covers it (the bands run from ${formatShare(low)} to ${formatShare(top.to ?? 1)})`);
    }
    perChild = band.perChild;
  }
  return { children: count, served: isServed, rate, perChild };
}

/**
 * The rank-order rule: walking served schools from the lowest poverty up, a school must get at least the
 * most per child that any school of strictly lower poverty gets. A breach is an error in the
 * short-changed school's row naming the lower-poverty school that gets more.
 */
function checkRankOrder(servedRows: number[], rows: RowOutcome<ReadRow>[], out: RowOutcome<TitleIAllocationRow>[], fn: string): void {
  const candidates = servedRows.filter((i) => !(out[i] instanceof WsfError));
  candidates.sort((a, b) => (rowData(rows[a]).rate as number) - (rowData(rows[b]).rate as number) || a - b);
  let bestBelow = -1; // row with the most per child among strictly lower poverty
  let k = 0;
  while (k < candidates.length) {
    const rate = rowData(rows[candidates[k]]).rate as number;
    let end = k;
    while (end < candidates.length && rowData(rows[candidates[end]]).rate === rate) end++;
    const perChildOf = (i: number) => rowData(rows[i]).perChild;
    if (bestBelow >= 0) {
      const limit = perChildOf(bestBelow);
      for (let m = k; m < end; m++) {
        const i = candidates[m];
        if (perChildOf(i) < limit * (1 - RELATIVE_SLACK)) {
          out[i] = valueError(
            { fn, arg: "amount", row: i + 1 },
            `pays $${formatAmount(perChildOf(i))} per child at poverty ${formatShare(rate)}, less than row ${bestBelow + 1} at poverty ${formatShare(rowData(rows[bestBelow]).rate as number)} gets ($${formatAmount(limit)}); a higher-poverty school may not get less per child`,
          );
        }
      }
    }
    for (let m = k; m < end; m++) {
      const i = candidates[m];
      if (bestBelow < 0 || perChildOf(i) > perChildOf(bestBelow)) bestBelow = i;
    }
    k = end;
  }
}
