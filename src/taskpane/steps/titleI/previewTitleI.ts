import { sum } from "../../../engine/core/sum";
import { WsfError } from "../../../engine/core/WsfError";
import { titleIAllocate, type TitleIAllocationRow } from "../../../engine/titleI/titleIAllocate";
import { titleIMinimum } from "../../../engine/titleI/titleIMinimum";
import { THIRTY_FIVE_PERCENT, titleIRank, type TitleIRankRow, type TitleIStatus } from "../../../engine/titleI/titleIRank";
import type { CellValue } from "../../../workbook/WorkbookPort";
import type { TitleIChoices } from "../../sheets/titleISheet";

/** One school in the pane's ranked list. */
export interface PreviewSchool {
  /** 1-based data row of the schools table. */
  dataRow: number;
  label: string;
  rate: number;
  rank: number;
  status: TitleIStatus;
  served: boolean;
  skipped: string | null;
  perChild: number | null;
  allocation: number | null;
}

/** What the pane shows before Apply: the ranking, who is served, the pool, the 125% minimum and each allocation. */
export interface TitleIPreview {
  schools: PreviewSchool[];
  /** Rows the engine could not rank (bad counts), with the engine's message. */
  problems: { dataRow: number; message: string }[];
  pool: number;
  districtLowIncome: number;
  servedChildren: number;
  /** The 125% rule's minimum per child when a served school is below 35%, else null. */
  minimum: number | null;
  /** Dollars per low-income child of every served school (the pool's share, or the district's amount); null when not known. */
  perChild: number | null;
  /** Dollars allocated to schools in all (the pool, or less with an amount per child). */
  allocated: number;
  /** Why no allocation is shown (pool below the minimum, no allocation entered, a bad row), or null. */
  allocationProblem: string | null;
}

/**
 * The Title I step's preview, computed with the engine exactly as the sheet's formulas compute it: the
 * ranking (WSF.TITLEIRANK), served = every school whose status is not "Not eligible", not skipped by hand
 * and with low-income children, the 125% minimum when a served school is below 35% (WSF.TITLEIMINIMUM of
 * the district allocation over the table's low-income children), and the pool spread per child, or the
 * district's amount per child, which must fit in the pool (WSF.TITLEIALLOCATE). Schools are listed in rank
 * order.
 *
 * Cost O(n log n).
 *
 * @throws nothing: problems are reported in the result.
 */
export function previewTitleI(rows: readonly CellValue[][], choices: TitleIChoices): TitleIPreview {
  const at = (k: number) => rows.map((r) => r[k] ?? null);
  const lowIncome = at(choices.lowIncome);
  const span = choices.gradeSpan !== null ? at(choices.gradeSpan) : null;
  const pool = choices.districtAllocation - sum(Object.values(choices.reservations));
  let ranked;
  try {
    ranked = titleIRank(lowIncome, at(choices.enrollment), choices.method, choices.method === "span" ? span : null, null, "Title I");
  } catch (error) {
    return { schools: [], problems: [{ dataRow: 0, message: error instanceof Error ? error.message : String(error) }], pool, districtLowIncome: 0, servedChildren: 0, minimum: null, allocationProblem: null, perChild: null, allocated: 0 };
  }
  const problems: { dataRow: number; message: string }[] = [];
  const schools: PreviewSchool[] = [];
  ranked.forEach((r, i) => {
    if (r === null) return;
    if (r instanceof WsfError) {
      problems.push({ dataRow: i + 1, message: r.message });
      return;
    }
    if ("problem" in r) return;
    const row = r as TitleIRankRow;
    const label = labelOf(rows[i], choices, i + 1);
    const skipped = choices.skipped[i + 1] ?? null;
    const children = Number(lowIncome[i]);
    schools.push({ dataRow: i + 1, label, rate: row.rate, rank: row.rank, status: row.status, served: row.status !== "Not eligible" && skipped === null && children > 0, skipped, perChild: null, allocation: null });
  });
  schools.sort((a, b) => a.rank - b.rank || a.dataRow - b.dataRow);
  const districtLowIncome = sum(lowIncome.map((c) => (typeof c === "number" && c > 0 ? c : 0)));
  const servedChildren = sum(schools.filter((s) => s.served).map((s) => Number(lowIncome[s.dataRow - 1])));
  const needsMinimum = schools.some((s) => s.served && s.rate < THIRTY_FIVE_PERCENT);
  let minimum: number | null = null;
  let allocationProblem: string | null = null;
  if (problems.length > 0) allocationProblem = `Fix the rows listed first: every rank and allocation depends on them.`;
  else if (!(choices.districtAllocation > 0)) allocationProblem = "Enter the district's Title I allocation to see the allocations.";
  else if (pool < 0) allocationProblem = "The reservations add up to more than the district's allocation.";
  else if (choices.allocation?.mode === "perchild" && !(choices.allocation.perChild > 0)) allocationProblem = "Enter the dollars per low-income child to see the allocations.";
  else if (!schools.some((s) => s.served)) {
    allocationProblem = `No school is served: ${schools.some((s) => s.status !== "Not eligible") ? "every eligible school is skipped or has no low-income children" : "no school is eligible under this ranking method"}, so the pool is not allocated. Choose another method or serve a skipped school.`;
  }
  else {
    if (needsMinimum && districtLowIncome > 0) minimum = titleIMinimum(choices.districtAllocation, districtLowIncome);
    const served = rows.map(() => 0 as CellValue);
    for (const s of schools) served[s.dataRow - 1] = s.served ? 1 : 0;
    const rates = rows.map(() => null as CellValue);
    for (const s of schools) rates[s.dataRow - 1] = s.rate;
    const perChild = choices.allocation?.mode === "perchild" ? choices.allocation.perChild : null;
    const out = titleIAllocate(lowIncome, served, perChild === null ? { kind: "pool", pool } : { kind: "perchild", perChild }, minimum, rates, "Title I");
    const firstError = out.find((o): o is WsfError => o instanceof WsfError);
    const total = sum(out.map((o) => (o !== null && !(o instanceof WsfError) ? o.allocation : 0)));
    if (firstError) allocationProblem = perChild === null ? firstError.message.replace(/^Title I: amount /, "The pool of ") : firstError.message.replace(/^Title I: amount row (\d+) /, (_m, row: string) => `${labelOf(rows[Number(row) - 1], choices, Number(row))} `);
    else if (perChild !== null && total > pool + 0.005) {
      allocationProblem = `${formatDollarsPlain(perChild)} per child for the ${servedChildren.toLocaleString("en-US")} low-income children served costs ${formatDollarsPlain(total)}, ${formatDollarsPlain(total - pool)} more than the pool of ${formatDollarsPlain(pool)}: lower the amount per child, serve fewer schools or add to the pool.`;
    } else {
      for (const s of schools) {
        const o = out[s.dataRow - 1] as TitleIAllocationRow | null;
        if (o && s.served) {
          s.allocation = o.allocation;
          s.perChild = o.perChild;
        } else s.allocation = 0;
      }
    }
  }
  const allocated = allocationProblem === null ? sum(schools.map((s) => s.allocation ?? 0)) : 0;
  const paid = allocationProblem !== null || servedChildren === 0 ? null : choices.allocation?.mode === "perchild" ? choices.allocation.perChild : pool / servedChildren;
  return { schools, problems, pool, districtLowIncome, servedChildren, minimum, allocationProblem, perChild: paid, allocated };
}

function formatDollarsPlain(x: number): string {
  return `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function labelOf(row: readonly CellValue[], choices: TitleIChoices, dataRow: number): string {
  const name = choices.name !== null ? row[choices.name] : null;
  const id = choices.id !== null ? row[choices.id] : null;
  if (name !== null && name !== undefined && name !== "") return String(name);
  if (id !== null && id !== undefined && id !== "") return String(id);
  return `Row ${dataRow}`;
}
