/** Reads an unknown value as a plain object, or null. */
function asObject(x: unknown): Record<string, unknown> | null {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function isText(x: unknown): x is string {
  return typeof x === "string" && x.trim() !== "";
}

/**
 * Checks that a value is a well-formed `FormulaSpec` (for specs typed in the task pane and specs read back
 * from a saved scenario, which may be damaged or hand-edited), and, when `headers` are given, that every
 * column it names exists in the schools table. Returns plain-language problems, empty when the spec is valid:
 * - version 1; base "fixed" with an amount >= 0, or "solve" with a pool >= 0;
 * - weights >= 0 with a header (and a label for need weights and concentration rules), no column weighted
 *   twice in the same list;
 * - concentration threshold in 0..1, mode "above", "all" or "ramp", a ramp with upper in (threshold, 1];
 * - fixed "none", "amount" (a finite number) or "column" (a header);
 * - protection maxLoss null or in 0..1, maxGain null or >= 0.
 *
 * Cost O(k + h) for k weights and rules and h headers.
 *
 * @throws nothing: every problem is returned.
 * @example validateFormulaSpec({ version: 1, base: { mode: "fixed", amount: -5 }, ... }) // ["base amount is -5, expected a number >= 0"]
 */
export function validateFormulaSpec(spec: unknown, headers?: readonly string[]): string[] {
  const problems: string[] = [];
  const s = asObject(spec);
  if (s === null) return ["the formula is not an object"];
  if (s.version !== 1) problems.push(`formula version is ${JSON.stringify(s.version)}, expected 1`);
  if (s.name !== undefined && typeof s.name !== "string") problems.push("name is not text");
  const known = headers ? new Set(headers) : null;
  const column = (where: string, header: unknown): void => {
    if (!isText(header)) problems.push(`${where}: column header is missing`);
    else if (known && !known.has(header)) problems.push(`${where}: column ${JSON.stringify(header)} is not in the schools table`);
  };

  const base = asObject(s.base);
  if (base === null) problems.push("base is missing");
  else if (base.mode === "fixed") {
    if (!isFiniteNumber(base.amount) || base.amount < 0) problems.push(`base amount is ${JSON.stringify(base.amount)}, expected a number >= 0`);
  } else if (base.mode === "solve") {
    if (!isFiniteNumber(base.pool) || base.pool < 0) problems.push(`pool is ${JSON.stringify(base.pool)}, expected a number >= 0`);
  } else problems.push(`base mode is ${JSON.stringify(base.mode)}, expected "fixed" or "solve"`);

  const list = (key: string, check: (item: Record<string, unknown>, where: string) => void): void => {
    const items = s[key];
    if (!Array.isArray(items)) {
      problems.push(`${key} is not a list`);
      return;
    }
    const seen = new Set<unknown>();
    items.forEach((raw, i) => {
      const item = asObject(raw);
      const where = `${key} ${i + 1}${item && isText(item.label) ? ` (${item.label})` : item && isText(item.header) ? ` (${item.header})` : ""}`;
      if (item === null) {
        problems.push(`${where} is not an object`);
        return;
      }
      column(where, item.header);
      if (key !== "concentration" && seen.has(item.header)) problems.push(`${where}: column ${JSON.stringify(item.header)} is weighted twice`);
      seen.add(item.header);
      if (!isFiniteNumber(item.weight) || item.weight < 0) problems.push(`${where}: weight is ${JSON.stringify(item.weight)}, expected a number >= 0`);
      check(item, where);
    });
  };
  list("gradeWeights", () => undefined);
  list("categoryWeights", (item, where) => {
    if (typeof item.label !== "string") problems.push(`${where}: label is missing`);
  });
  list("concentration", (item, where) => {
    if (typeof item.label !== "string") problems.push(`${where}: label is missing`);
    const t = item.threshold;
    if (!isFiniteNumber(t) || t < 0 || t > 1) problems.push(`${where}: threshold is ${JSON.stringify(t)}, expected a share between 0 and 1`);
    if (item.mode !== "above" && item.mode !== "all" && item.mode !== "ramp") problems.push(`${where}: mode is ${JSON.stringify(item.mode)}, expected "above", "all" or "ramp"`);
    if (item.mode === "ramp") {
      const u = item.upper;
      if (!isFiniteNumber(u) || u > 1 || !(isFiniteNumber(t) && u > t)) problems.push(`${where}: upper is ${JSON.stringify(u)}, expected a share above the threshold and at most 1`);
    } else if (item.upper !== undefined && (!isFiniteNumber(item.upper) || item.upper < 0 || item.upper > 1)) {
      problems.push(`${where}: upper is ${JSON.stringify(item.upper)}, expected a share between 0 and 1`);
    }
  });

  const fixed = asObject(s.fixed);
  if (fixed === null) problems.push("fixed amounts are missing");
  else if (fixed.mode === "amount") {
    if (!isFiniteNumber(fixed.amount)) problems.push(`fixed amount is ${JSON.stringify(fixed.amount)}, expected a number`);
  } else if (fixed.mode === "column") column("fixed amounts", fixed.header);
  else if (fixed.mode !== "none") problems.push(`fixed mode is ${JSON.stringify(fixed.mode)}, expected "none", "amount" or "column"`);

  const protection = asObject(s.protection);
  if (protection === null) problems.push("protection is missing");
  else {
    const { maxLoss, maxGain } = protection;
    if (maxLoss !== null && (!isFiniteNumber(maxLoss) || maxLoss < 0 || maxLoss > 1)) problems.push(`maxLoss is ${JSON.stringify(maxLoss)}, expected a share between 0 and 1 or none`);
    if (maxGain !== null && (!isFiniteNumber(maxGain) || maxGain < 0)) problems.push(`maxGain is ${JSON.stringify(maxGain)}, expected a share >= 0 or none`);
  }
  return problems;
}
