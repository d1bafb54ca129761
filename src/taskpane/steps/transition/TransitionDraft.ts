import type { TransitionSettings } from "../../../engine/transition/TransitionSettings";
import { formatDraftNumber } from "../formula/parseDraftNumber";

/** One year of the plan as typed: percentages as text, the projected-enrollment header ("" for none). */
export interface TransitionYearDraft {
  rate: string;
  maxLoss: string;
  maxGain: string;
  poolGrowth: string;
  projected: string;
}

/** The transition step's form: the number of years as typed, and five years of rules (the first N are used). */
export interface TransitionDraft {
  years: string;
  rows: TransitionYearDraft[];
}

export const MAX_YEARS = 5;

const percent = (x: number | null): string => (x === null ? "" : formatDraftNumber(Number((x * 100).toPrecision(6))));

/** A blank year: close all of the gap, no band, no growth, today's enrollment. */
export function blankYear(): TransitionYearDraft {
  return { rate: "", maxLoss: "", maxGain: "", poolGrowth: "", projected: "" };
}

/** The form opens on three years closing a third of the remaining gap each year. */
export function defaultTransitionDraft(): TransitionDraft {
  return { years: "3", rows: Array.from({ length: MAX_YEARS }, () => ({ ...blankYear(), rate: percent(1 / 3) })) };
}

/** A stored plan (a restored scenario) back into the form. */
export function draftFromSettings(settings: TransitionSettings): TransitionDraft {
  const rows = Array.from({ length: MAX_YEARS }, (_, k) => {
    const y = settings.years[k];
    if (!y) return blankYear();
    return { rate: percent(y.rate), maxLoss: percent(y.maxLoss), maxGain: percent(y.maxGain), poolGrowth: percent(y.poolGrowth), projected: settings.projectedEnrollment[k] ?? "" };
  });
  return { years: String(settings.years.length), rows };
}
