import { sum } from "../../../src/engine/core/sum";
import { generateSampleDistrict } from "../../../src/engine/sample";
import { comparability, titleIAllocate, titleIRank, type ComparabilityRow, type TitleIAllocationRow, type TitleIRankMethod, type TitleIRankRow } from "../../../src/engine/titleI";

/**
 * The figures docs/training.md's exercise 4 ("Rank and serve") quotes, computed with the engine from the
 * default sample district (seed 2012) and the reservations the exercise types. exercise4.test.ts checks
 * them against a hand recomputation and that the page quotes them; the browser test performs the steps.
 */
export const EXERCISE4_RESERVATIONS = { equitable: 3_000_000, parent: 3_860_143, homeless: 500_000, neglected: 150_000, administration: 7_500_000 };

export interface MethodFigures {
  mustServe: number;
  mayServe: number;
  served: number;
  children: number;
  perChild: number;
  /** Title I (served) schools that fail the ratio and the spending test, by level, 10% tolerance. */
  ratioNotComparable: number;
  spendingNotComparable: number;
  allocations: number[];
}

export function exercise4Figures() {
  const d = generateSampleDistrict();
  const col = (h: string) => d.rows.map((r) => r[d.headers.indexOf(h)]);
  const lowIncome = col("Low income (FRL)") as number[];
  const enrollment = col("Enrollment") as number[];
  const level = col("Level") as string[];
  const staff = d.after!.rows.map((r) => r[0] as number);
  const salaries = d.after!.rows.map((r) => r[1] as number);
  const allocation = d.titleIAllocation as number;
  const pool = allocation - sum(Object.values(EXERCISE4_RESERVATIONS));
  const districtRate = sum(lowIncome) / sum(enrollment);

  const byMethod = (method: TitleIRankMethod): MethodFigures => {
    const ranked = titleIRank(lowIncome, enrollment, method) as TitleIRankRow[];
    const served = ranked.map((r) => (r.status !== "Not eligible" ? 1 : 0));
    const allocations = (titleIAllocate(lowIncome, served, { kind: "pool", pool }, null, ranked.map((r) => r.rate)) as TitleIAllocationRow[]).map((a) => a.allocation);
    const children = sum(lowIncome.map((c, i) => (served[i] ? c : 0)));
    const options = { tolerance: 0.1, smallSchool: null };
    const ratio = comparability(enrollment.map((e, i) => [e, staff[i]]), served, level, { ...options, kind: "ratio" }) as ComparabilityRow[];
    const spending = comparability(salaries.map((s, i) => [s, enrollment[i]]), served, level, { ...options, kind: "spending" }) as ComparabilityRow[];
    return {
      mustServe: ranked.filter((r) => r.status === "Must serve").length,
      mayServe: ranked.filter((r) => r.status === "Eligible").length,
      served: served.filter((s) => s === 1).length,
      children,
      perChild: pool / children,
      ratioNotComparable: ratio.filter((r) => r.status === "Not comparable").length,
      spendingNotComparable: spending.filter((r) => r.status === "Not comparable").length,
      allocations,
    };
  };
  return { allocation, pool, districtRate, lowIncome, enrollment, names: col("School") as string[], thirtyFive: byMethod("35"), district: byMethod("district") };
}
