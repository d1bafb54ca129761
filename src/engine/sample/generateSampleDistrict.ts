import { valueError } from "../core/WsfError";
import { mulberry32 } from "./mulberry32";
import { SampleTable } from "./SampleTable";
import { sampleTitleIColumns } from "./sampleTitleIColumns";

/** Options of {@link generateSampleDistrict}. */
export interface SampleDistrictOptions {
  /** Number of schools (rows); a whole number >= 1. Default 850, the size of a large urban district. */
  schools?: number;
  /** Seed of the pseudo-random stream; the same seed always gives the same district. Default 2012. */
  seed?: number;
}

type Level = "Elementary" | "Middle" | "High" | "Span";

/** Share of each level in the district, in the order levels are counted (LAUSD-like mix). */
const LEVEL_SHARES: readonly [Level, number][] = [
  ["Elementary", 0.6],
  ["Middle", 0.15],
  ["High", 0.15],
  ["Span", 0.1],
];

/**
 * Regions with their chance of holding a school and the centre of their poverty distribution on the
 * logit scale (logit 2.4 is a 92% low-income share, logit -0.6 is 35%): the urban core is poor, the
 * west side affluent, so the district has both the mass of 0.7-0.98 schools and a tail of rich ones.
 */
const REGIONS: readonly { name: string; share: number; povertyLogit: number }[] = [
  { name: "Local District Central", share: 0.17, povertyLogit: 2.3 },
  { name: "Local District East", share: 0.17, povertyLogit: 2.4 },
  { name: "Local District South", share: 0.18, povertyLogit: 2.5 },
  { name: "Local District Northeast", share: 0.16, povertyLogit: 1.3 },
  { name: "Local District Northwest", share: 0.17, povertyLogit: 0.7 },
  { name: "Local District West", share: 0.15, povertyLogit: -0.6 },
];

/** Enrollment is log-normal by level: median, log-scale spread, and the smallest and largest school. */
const ENROLLMENT: Record<Level, { median: number; spread: number; min: number; max: number }> = {
  Elementary: { median: 480, spread: 0.35, min: 120, max: 1300 },
  Middle: { median: 1050, spread: 0.4, min: 250, max: 2400 },
  High: { median: 1500, spread: 0.5, min: 150, max: 3800 },
  Span: { median: 650, spread: 0.5, min: 150, max: 2200 },
};

/**
 * Grade configurations by level as pupils per band (K-3, 4-6, 7-8, 9-12) in grade-years: a K-5 school
 * has four grades in K-3 and two (4 and 5) in 4-6. Each entry has its chance within the level.
 */
const GRADE_SPANS: Record<Level, readonly { chance: number; grades: readonly [number, number, number, number]; label: string }[]> = {
  Elementary: [
    { chance: 0.8, grades: [4, 2, 0, 0], label: "Elementary" },
    { chance: 0.2, grades: [4, 3, 0, 0], label: "Elementary" },
  ],
  Middle: [{ chance: 1, grades: [0, 1, 2, 0], label: "Middle" }],
  High: [
    { chance: 0.6, grades: [0, 0, 0, 4], label: "Senior High" },
    { chance: 0.4, grades: [0, 0, 0, 4], label: "High" },
  ],
  Span: [
    { chance: 0.5, grades: [4, 3, 2, 0], label: "K-8 Academy" },
    { chance: 0.3, grades: [0, 1, 2, 4], label: "6-12 Academy" },
    { chance: 0.2, grades: [4, 3, 2, 4], label: "K-12 Learning Center" },
  ],
};

/** English-learner shares fall with age: older pupils have been reclassified. */
const EL_LEVEL_FACTOR: Record<Level, number> = { Elementary: 1, Middle: 0.7, High: 0.55, Span: 0.85 };

/** The flat general-fund rate of the district (dollars per pupil), BSA's "equal" part. */
const GENERAL_FUND_PER_PUPIL = 5250;

/** Chances that a school is a historical Low or High spender for its poverty (as in LAUSD 2009-10). */
const LOW_SPENDER_CHANCE = 0.045;
const HIGH_SPENDER_CHANCE = 0.045;

/**
 * Need-based categorical rates (dollars per eligible pupil). Schools at or above 40% low income get the
 * schoolwide Title I-style rate, the others only the state compensatory rate: restricted money rises
 * with poverty, English learners and special education, as BSA's supplements do.
 */
const RESTRICTED_RATES = { frlSchoolwide: 1900, frlTargeted: 350, schoolwideThreshold: 0.4, el: 1100, sped: 4200, foster: 600 };

const STREETS = [
  "Figueroa", "Western", "Vermont", "Normandie", "Hoover", "Alvarado", "Olympic", "Pico", "Adams", "Jefferson",
  "Vernon", "Slauson", "Florence", "Manchester", "Century", "Imperial", "Crenshaw", "La Brea", "Fairfax", "Sepulveda",
  "Van Nuys", "Reseda", "Topanga", "Laurel Canyon", "Sherman Way", "Victory", "Roscoe", "Lankershim", "Glenoaks", "Foothill",
  "Eagle Rock", "Cesar Chavez", "Soto", "Atlantic", "Whittier", "Huntington", "Valley", "Mission", "Sunset", "Hollywood",
  "Melrose", "Beverly", "Wilshire", "Venice", "Washington", "Main", "Broadway", "Central", "Avalon", "Compton",
  "Alameda", "San Pedro", "Gaffey", "Harbor", "Anaheim", "Pacific", "Gage", "Hooper", "Trinity", "Grand",
  "Hill", "Spring", "Temple", "Riverside", "Colorado", "York", "Marengo", "Lincoln", "Garfield", "Roosevelt",
  "Madison", "Monroe", "Jackson", "Harrison", "Cleveland", "Grant", "Euclid", "Evergreen", "Magnolia", "Palms",
  "Cahuenga", "Kester", "Balboa", "Nordhoff", "Parthenia", "Devonshire", "Chatsworth", "Tujunga", "Sunland", "Lockwood",
  "Sheridan", "Esperanza", "Mariposa", "Alta Loma", "Arleta", "El Sereno", "Belmont", "Edison", "Castelar", "Dayton Heights",
];
const STREET_KINDS = [" Street", " Avenue", " Boulevard", " Drive", " Park", " Heights", ""];

/**
 * A deterministic synthetic large urban district for the playground, training and tests: elementary,
 * middle, high and span schools (60/15/15/10 per cent, counted exactly by largest remainder) with
 * log-normal enrollments by level, grade bands consistent with each school's grades, poverty shares
 * spread as in a large urban district (most schools 0.7-0.98 low income, an affluent tail), and money
 * in the BSA pattern: a flat general fund per pupil with small noise ("Unrestricted spending"), a few
 * schools that are Low or High spenders for their poverty (about 4.5% each, 12-28% off the flat rate),
 * and need-based categorical money ("Restricted spending") rising with FRL, EL and special education.
 * "Prior-year allocation" is last year's general-fund allocation: this year's unrestricted spending
 * moved by last year's enrollment (a few per cent either way), the baseline protection rules compare with.
 *
 * Columns, exactly: School ID, School, Level, Region, Enrollment, Grades K-3, Grades 4-6, Grades 7-8,
 * Grades 9-12, Low income (FRL), English learners, Special education, Foster youth, Unduplicated pupils,
 * Prior-year allocation, Unrestricted spending, Restricted spending; then, in `after` (written after the helper
 * columns), Instructional staff FTE and State/local salaries, and the district's `titleIAllocation` (see
 * `sampleTitleIColumns`, drawn from a separate stream). Counts and dollars are integers;
 * grade bands add up to enrollment; no count exceeds enrollment; unduplicated pupils lie between the
 * largest of FRL, EL and foster youth and the smaller of their sum and enrollment.
 *
 * The stream is Mulberry32 seeded with `seed`, so a seed names a district on every machine. The data
 * are invented; names echo Los Angeles streets but describe no real school.
 *
 * Cost O(n) time and memory for n schools (names are drawn with retries, still O(1) expected each).
 *
 * @throws WsfError VALUE when `schools` is not a whole number >= 1 or `seed` is not a finite number.
 * @example generateSampleDistrict({ schools: 3, seed: 7 }).rows.length // 3
 */
export function generateSampleDistrict(options: SampleDistrictOptions = {}): SampleTable {
  const schools = options.schools ?? 850;
  const seed = options.seed ?? 2012;
  if (!Number.isInteger(schools) || schools < 1) {
    throw valueError({ fn: "generateSampleDistrict", arg: "schools" }, `is ${schools}, expected a whole number >= 1`);
  }
  if (!Number.isFinite(seed)) {
    throw valueError({ fn: "generateSampleDistrict", arg: "seed" }, `is ${seed}, expected a number`);
  }
  const random = mulberry32(seed);
  const normal = normalSource(random);
  const uniform = (low: number, high: number) => low + (high - low) * random();

  const levels = shuffle(levelsInProportion(schools), random);
  const idWidth = Math.max(4, String(schools).length);
  const usedNames = new Set<string>();
  const lastNumber = new Map<string, number>();
  const rows: (string | number)[][] = [];

  for (let i = 0; i < schools; i++) {
    const level = levels[i];
    const region = pick(REGIONS, (r) => r.share, random);
    const span = pick(GRADE_SPANS[level], (s) => s.chance, random);

    const size = ENROLLMENT[level];
    const enrollment = Math.round(clamp(size.median * Math.exp(size.spread * normal()), size.min, size.max));
    const bands = splitByLargestRemainder(
      enrollment,
      span.grades.map((g) => g * (1 + 0.06 * normal())),
    );

    // High schools report fewer low-income pupils than their neighbourhoods (older pupils stop applying).
    const logit = region.povertyLogit + 0.8 * normal() - (level === "High" ? 0.3 : 0);
    const frlShare = clamp(1 / (1 + Math.exp(-logit)), 0.03, 0.99);
    const elShare = clamp(frlShare * uniform(0.2, 0.55) * EL_LEVEL_FACTOR[level] + 0.02 * normal(), 0.005, 0.8);
    const spedShare = clamp(0.085 + 0.05 * frlShare + 0.02 * normal(), 0.03, 0.3);
    const fosterShare = clamp(0.012 * frlShare * uniform(0.2, 1.8), 0, 0.05);
    const frl = Math.round(frlShare * enrollment);
    const el = Math.round(elShare * enrollment);
    const sped = Math.round(spedShare * enrollment);
    const foster = Math.round(fosterShare * enrollment);
    // Most English learners and foster youth are also low income, so only a part of them adds.
    const largest = Math.max(frl, el, foster);
    const unduplicated = Math.min(enrollment, largest + Math.round(uniform(0.05, 0.3) * (frl + el + foster - largest)));

    const kind = random();
    const spendingFactor =
      kind < LOW_SPENDER_CHANCE
        ? uniform(0.72, 0.88)
        : kind < LOW_SPENDER_CHANCE + HIGH_SPENDER_CHANCE
          ? uniform(1.12, 1.28)
          : clamp(1 + 0.015 * normal(), 0.95, 1.05);
    const unrestricted = Math.round(enrollment * GENERAL_FUND_PER_PUPIL * spendingFactor);
    const priorYear = Math.round(unrestricted * (1 + clamp(0.01 + 0.035 * normal(), -0.1, 0.12)));
    const r = RESTRICTED_RATES;
    const frlRate = frlShare >= r.schoolwideThreshold ? r.frlSchoolwide : r.frlTargeted;
    const restricted = Math.round((frl * frlRate + el * r.el + sped * r.sped + foster * r.foster) * clamp(1 + 0.04 * normal(), 0.88, 1.12));

    const id = `S${String(i + 1).padStart(idWidth, "0")}`;
    const name = uniqueName(span.label, usedNames, random, lastNumber);
    rows.push([
      id, name, level, region.name, enrollment, bands[0], bands[1], bands[2], bands[3],
      frl, el, sped, foster, unduplicated, priorYear, unrestricted, restricted,
    ]);
  }

  const headers = [
    "School ID", "School", "Level", "Region", "Enrollment", "Grades K-3", "Grades 4-6", "Grades 7-8", "Grades 9-12",
    "Low income (FRL)", "English learners", "Special education", "Foster youth", "Unduplicated pupils",
    "Prior-year allocation", "Unrestricted spending", "Restricted spending",
  ];
  // Comparability columns and the Title I allocation come from a stream of their own: the columns above stay
  // exactly what they were before these were added.
  const titleI = sampleTitleIColumns({ headers, rows }, seed);
  return { headers, rows, after: { headers: titleI.headers, rows: titleI.rows }, titleIAllocation: titleI.districtAllocation };
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

/** Standard normal deviates by Box-Muller; the second deviate of each pair is kept for the next call. */
function normalSource(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - random(); // in (0, 1], so the log is finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Picks one entry with chance proportional to `weight`. */
function pick<T>(items: readonly T[], weight: (item: T) => number, random: () => number): T {
  let total = 0;
  for (const item of items) total += weight(item);
  let u = random() * total;
  for (const item of items) {
    u -= weight(item);
    if (u < 0) return item;
  }
  return items[items.length - 1];
}

/**
 * Splits a whole number into whole parts proportional to `shares` (Hamilton's largest-remainder
 * method), so the parts always add up exactly and a zero share stays zero.
 */
function splitByLargestRemainder(total: number, shares: readonly number[]): number[] {
  const positive = shares.map((s) => Math.max(0, s));
  const sumOfShares = positive.reduce((a, b) => a + b, 0);
  const exact = positive.map((s) => (total * s) / sumOfShares);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, k) => ({ k, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  for (let j = 0; left > 0; j = (j + 1) % byRemainder.length) {
    if (positive[byRemainder[j].k] > 0) {
      parts[byRemainder[j].k]++;
      left--;
    }
  }
  return parts;
}

/** The level of every school, in level order, with counts in exact proportion (largest remainder). */
function levelsInProportion(schools: number): Level[] {
  const counts = splitByLargestRemainder(schools, LEVEL_SHARES.map(([, share]) => share));
  const out: Level[] = [];
  LEVEL_SHARES.forEach(([level], k) => {
    for (let j = 0; j < counts[k]; j++) out.push(level);
  });
  return out;
}

/** Fisher-Yates shuffle in place, driven by the seeded stream. */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * "Figueroa Street Elementary"-style names, unique within the district. Random draws first; once the
 * street list is nearly used up for a level (districts far larger than 850 schools) a "No. k" suffix
 * keeps names unique, as districts do with a second campus.
 */
function uniqueName(levelLabel: string, used: Set<string>, random: () => number, lastNumber: Map<string, number>): string {
  let candidate = "";
  for (let attempt = 0; attempt < 200; attempt++) {
    const street = STREETS[Math.floor(random() * STREETS.length)];
    const kind = STREET_KINDS[Math.floor(random() * STREET_KINDS.length)];
    candidate = `${street}${kind} ${levelLabel}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
  // Only this loop makes "No. k" names, each candidate's in the order 2, 3, ...: starting after the last one
  // given yields the same names without rescanning them (the rescan made 50,000 schools take 11 s).
  for (let k = (lastNumber.get(candidate) ?? 1) + 1; ; k++) {
    const numbered = `${candidate} No. ${k}`;
    if (!used.has(numbered)) {
      used.add(numbered);
      lastNumber.set(candidate, k);
      return numbered;
    }
  }
}
