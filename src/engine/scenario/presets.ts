import { ColumnMapping, parseGradeBand } from "../table";
import type { FormulaSpec, GradeWeight } from "./FormulaSpec";
import { gradeBandWeight } from "./gradeBandWeight";

export type PresetId = "flat" | "lausd" | "nyc" | "lcff";

export interface Preset {
  id: PresetId;
  label: string;
  /** What the preset assumes, in plain words, including what it left out because the table lacks a column. */
  description: string;
  spec: FormulaSpec;
}

export interface PresetOptions {
  /** When given, every preset solves its base from this pool (e.g. `priorYearPool(schools)`). */
  pool?: number | null;
}

/** Chicago FY14 solved a $1,961,280,000 pool to a $4,140 base (domain.md section 2). */
const CHICAGO_FY14_BASE = 4140;
/** NYC FY22 Fair Student Funding per capita (domain.md section 4, A1). */
const NYC_FY22_PER_CAPITA = 4223;
/** NYC foundation per school (domain.md section 2, "Fixed per school"). */
const NYC_FOUNDATION = 225_000;
/**
 * California LCFF 2024-25 base grants per ADA, K-3, 4-6, 7-8, 9-12 ($10,025, $10,177, $10,478, $12,144), with
 * the grade-span adjustments of 10.4% on K-3 and 2.6% on 9-12 (domain.md section 2, marked [check] there
 * against CDE's rates page).
 */
const LCFF_K3 = 10_025 * 1.104;
const LCFF_46 = 10_177;
const LCFF_78 = 10_478;
const LCFF_912 = 12_144 * 1.026;

function nycGradeWeight(grade: number): number {
  // NYC Fair Student Funding grade weights: K-5 1.00, 6-8 1.08, 9-12 1.03 (domain.md section 2, [check]).
  return grade <= 5 ? 1 : grade <= 8 ? 1.08 : 1.03;
}

function lcffGradeWeight(grade: number): number {
  // Each span's adjusted base grant relative to the K-3 grant including its 10.4% adjustment.
  const rate = grade <= 3 ? LCFF_K3 : grade <= 6 ? LCFF_46 : grade <= 8 ? LCFF_78 : LCFF_912;
  return rate / LCFF_K3;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The starting formulas the task pane offers, fitted to the columns the mapping found (domain.md sections
 * 1-2). Each uses only mapped columns and says in its description what it assumes and what it left out:
 * - `flat`: every enrolled pupil weighs 1; no supplements (the BSA principle for the general fund);
 * - `lausd`: LAUSD BSA-style: a flat general fund per pupil plus need supplements on top, FRL 0.20, EL 0.20
 *   and foster 0.20 (California's supplemental-grant rate, the need money LAUSD passes on) and SPED 1.00
 *   (the lowest of Boston's special-education weights);
 * - `nyc`: NYC Fair Student Funding-style: grade weights K-5 1.00, 6-8 1.08, 9-12 1.03 laid onto the
 *   table's grade bands (`gradeBandWeight`), poverty 0.12, English learners 0.40, special education 1.00,
 *   and a $225,000 foundation per school;
 * - `lcff`: California LCFF-style: grade-span weights from the 2024-25 base grants relative to K-3 with its
 *   adjustment (K-3 1, 4-6 0.9195, 7-8 0.9467, 9-12 1.1258), supplemental 0.20 on unduplicated pupils,
 *   concentration 0.65 on unduplicated pupils above 55% of enrollment.
 * The base is solved from `options.pool` when given; otherwise it is a published figure: $4,140 (Chicago
 * FY14) for flat and LAUSD-style, $4,223 (NYC FY22) for NYC-style, the adjusted K-3 grant $11,067.60 for LCFF.
 * No preset has protection rules; add them in the pane.
 *
 * Cost O(h) for h headers.
 *
 * @throws nothing.
 * @example presets(["School", "Enrollment", "FRL"], { name: 0, enrollment: 1, frl: 2, grades: [], counts: [] })[1].spec.categoryWeights
 *   // [{ header: "FRL", label: "Low income (FRL)", weight: 0.2 }]
 */
export function presets(headers: readonly string[], mapping: ColumnMapping, options: PresetOptions = {}): Preset[] {
  const header = (column: number | undefined): string | null => (column === undefined ? null : String(headers[column]));
  const pool = options.pool ?? null;
  const base = (fallback: number): FormulaSpec["base"] => (pool !== null ? { mode: "solve", pool } : { mode: "fixed", amount: fallback });
  const baseWords = (fallback: string): string =>
    pool !== null ? "The base is solved so the schools share the pool exactly." : `The base starts at ${fallback} per weighted pupil; enter a pool to solve it instead.`;
  const frl = header(mapping.frl);
  const el = header(mapping.el);
  const sped = header(mapping.sped);
  const foster = header(mapping.foster);
  const unduplicated = header(mapping.unduplicated);
  const bands = mapping.grades
    .map((column) => ({ header: String(headers[column]), band: parseGradeBand(String(headers[column])) }))
    .filter((b): b is { header: string; band: NonNullable<typeof b.band> } => b.band !== null);

  const empty = (name: string): FormulaSpec => ({
    version: 1,
    name,
    base: base(CHICAGO_FY14_BASE),
    gradeWeights: [],
    categoryWeights: [],
    concentration: [],
    fixed: { mode: "none" },
    protection: { maxLoss: null, maxGain: null },
  });
  const missing = (names: [string, string | null][]): string => {
    const absent = names.filter(([, h]) => h === null).map(([n]) => n);
    return absent.length === 0 ? "" : ` The table has no ${absent.join(", ")} column, so ${absent.length === 1 ? "that weight is" : "those weights are"} left out.`;
  };
  const gradeWords = (perGrade: string): string =>
    bands.length === 0
      ? " The table has no grade-band columns, so every enrolled pupil weighs 1."
      : ` Grade weights (${perGrade}) are laid onto the table's bands (${bands.map((b) => b.header).join(", ")}), assuming pupils spread evenly over a band's grades; pupils outside these bands get no grade weight.`;
  const gradeWeightsBy = (perGrade: (g: number) => number): GradeWeight[] => bands.map((b) => ({ header: b.header, weight: round4(gradeBandWeight(b.band, perGrade)) }));

  const flat = empty("Flat per pupil");
  const lausd: FormulaSpec = {
    ...empty("LAUSD-style"),
    categoryWeights: [
      ...(frl ? [{ header: frl, label: "Low income (FRL)", weight: 0.2 }] : []),
      ...(el ? [{ header: el, label: "English learners", weight: 0.2 }] : []),
      ...(foster ? [{ header: foster, label: "Foster youth", weight: 0.2 }] : []),
      ...(sped ? [{ header: sped, label: "Special education", weight: 1 }] : []),
    ],
  };
  const nyc: FormulaSpec = {
    ...empty("NYC-style"),
    base: base(NYC_FY22_PER_CAPITA),
    gradeWeights: gradeWeightsBy(nycGradeWeight),
    categoryWeights: [
      ...(frl ? [{ header: frl, label: "Poverty", weight: 0.12 }] : []),
      ...(el ? [{ header: el, label: "English learners", weight: 0.4 }] : []),
      ...(sped ? [{ header: sped, label: "Special education", weight: 1 }] : []),
    ],
    fixed: { mode: "amount", amount: NYC_FOUNDATION },
  };
  // LCFF counts each high-need pupil once: unduplicated when the table has it, low income as the nearest stand-in.
  const eligible = unduplicated ?? frl;
  const eligibleWords = unduplicated ? "unduplicated pupils" : frl ? `low-income pupils (${frl}), standing in for the unduplicated count the table lacks` : null;
  const lcff: FormulaSpec = {
    ...empty("LCFF-style"),
    base: base(round4(LCFF_K3)),
    gradeWeights: gradeWeightsBy(lcffGradeWeight),
    categoryWeights: eligible ? [{ header: eligible, label: "Supplemental (unduplicated)", weight: 0.2 }] : [],
    concentration: eligible ? [{ header: eligible, label: "Concentration above 55%", threshold: 0.55, weight: 0.65, mode: "above" }] : [],
  };

  return [
    {
      id: "flat",
      label: "Flat per pupil",
      description: `Every enrolled pupil brings the same amount; no supplements for need. ${baseWords("$4,140 (Chicago's FY14 base)")}`,
      spec: flat,
    },
    {
      id: "lausd",
      label: "LAUSD-style: flat general fund + need supplements",
      description:
        "A flat general-fund amount per pupil, with need-based supplements on top (\"equity does not mean equal\"): low income 0.20, English learners 0.20, foster youth 0.20 (California's supplemental rate) and special education 1.00. A pupil in several groups gets every supplement." +
        missing([
          ["FRL", frl],
          ["EL", el],
          ["foster", foster],
          ["SPED", sped],
        ]) +
        ` ${baseWords("$4,140 (Chicago's FY14 base)")}`,
      spec: lausd,
    },
    {
      id: "nyc",
      label: "NYC Fair Student Funding-style",
      description:
        "Grade weights K-5 1.00, 6-8 1.08, 9-12 1.03, plus poverty 0.12, English learners 0.40 and special education 1.00 (NYC weights special education by service setting; one column allows one weight), stacked, and a $225,000 foundation per school." +
        gradeWords("K-5 1.00, 6-8 1.08, 9-12 1.03") +
        missing([
          ["poverty (FRL)", frl],
          ["EL", el],
          ["SPED", sped],
        ]) +
        ` ${baseWords("$4,223 (NYC's FY22 per capita)")}`,
      spec: nyc,
    },
    {
      id: "lcff",
      label: "California LCFF-style",
      description:
        "California's Local Control Funding Formula applied to schools: grade-span weights from the 2024-25 base grants (K-3 with its 10.4% adjustment = 1, 4-6 0.92, 7-8 0.95, 9-12 with its 2.6% adjustment 1.13), a supplemental weight of 0.20 and a concentration weight of 0.65 on the pupils above 55% of enrollment." +
        gradeWords("K-3 1.00, 4-6 0.9195, 7-8 0.9467, 9-12 1.1258") +
        (eligibleWords ? ` Both grants count ${eligibleWords}, each pupil once, at the K-3 rate (the state uses each span's rate).` : " The table has no unduplicated or FRL column, so the supplemental and concentration grants are left out.") +
        ` ${baseWords("$11,067.60 (the adjusted K-3 grant)")}`,
      spec: lcff,
    },
  ];
}
