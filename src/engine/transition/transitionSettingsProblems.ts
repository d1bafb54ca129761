type Obj = Record<string, unknown>;
const isShare = (x: unknown): boolean => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= 1;

/**
 * Checks a stored transition plan (a scenario's `transition` field, read from the workbook) without
 * throwing: 2 to 5 years, each with a rate and stop-loss that are null or a share in 0..1, a gain cap null
 * or >= 0, a pool growth null or above -1, and one projected-enrollment header (text) or null per year.
 * Returns one plain-language problem per fault; empty when the plan can be used.
 *
 * Cost O(years).
 *
 * @throws nothing.
 * @example transitionSettingsProblems({ years: [], projectedEnrollment: [] }) // ["its transition plan has 0 years, expected 2 to 5"]
 */
export function transitionSettingsProblems(raw: unknown): string[] {
  const s = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Obj) : null;
  if (s === null || !Array.isArray(s.years)) return ["its transition plan is damaged"];
  const years = s.years as unknown[];
  if (years.length < 2 || years.length > 5) return [`its transition plan has ${years.length} years, expected 2 to 5`];
  const problems: string[] = [];
  years.forEach((y, k) => {
    const rule = typeof y === "object" && y !== null ? (y as Obj) : null;
    const at = `its transition year ${k + 1}`;
    if (rule === null) {
      problems.push(`${at} is damaged`);
      return;
    }
    if (rule.rate !== null && !isShare(rule.rate)) problems.push(`${at} has the rate ${JSON.stringify(rule.rate)}, expected a share from 0 to 1`);
    if (rule.maxLoss !== null && !isShare(rule.maxLoss)) problems.push(`${at} has the stop-loss ${JSON.stringify(rule.maxLoss)}, expected a share from 0 to 1`);
    if (rule.maxGain !== null && !(typeof rule.maxGain === "number" && Number.isFinite(rule.maxGain) && rule.maxGain >= 0)) problems.push(`${at} has the gain cap ${JSON.stringify(rule.maxGain)}, expected a share of at least 0`);
    if (rule.poolGrowth !== null && !(typeof rule.poolGrowth === "number" && Number.isFinite(rule.poolGrowth) && rule.poolGrowth > -1)) problems.push(`${at} has the pool growth ${JSON.stringify(rule.poolGrowth)}, expected a share above -1`);
  });
  const projected = s.projectedEnrollment;
  if (!Array.isArray(projected) || projected.length !== years.length || !projected.every((p) => p === null || typeof p === "string")) {
    problems.push("its transition plan's projected enrollment columns are damaged");
  }
  return problems;
}

