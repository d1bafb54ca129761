import type { TransitionSettings } from "../../../engine/transition/TransitionSettings";
import type { TransitionYearRule } from "../../../engine/transition/TransitionPlan";
import { parseDraftNumber } from "../formula/parseDraftNumber";
import type { TransitionDraft } from "./TransitionDraft";

/** Field messages by key: "years", "rate:0", "maxLoss:2", "maxGain:1", "poolGrowth:4". */
export type TransitionErrors = Record<string, string>;

/**
 * Reads the typed plan: the number of years a whole number from 2 to 5; per year the share of the gap
 * closed and the largest loss as percentages from 0 to 100, the largest gain a percentage of at least 0,
 * the pool growth a percentage above -100; blank means "no such rule" (a blank rate closes all of the gap,
 * within the band). `settings` is null while any field has a message, so nothing is written.
 *
 * @example settingsFromDraft({ years: "6", rows }).errors.years // "Enter a whole number of years from 2 to 5."
 */
export function settingsFromDraft(draft: TransitionDraft): { settings: TransitionSettings | null; errors: TransitionErrors; years: number | null } {
  const errors: TransitionErrors = {};
  const typed = parseDraftNumber(draft.years);
  let years: number | null = null;
  if (typed === null || Number.isNaN(typed) || !Number.isInteger(typed) || typed < 2 || typed > draft.rows.length) {
    errors.years = typed === null ? "Enter the number of years, from 2 to 5." : `"${draft.years.trim()}" is not a year count; enter a whole number of years from 2 to 5.`;
  } else years = typed;

  const share = (key: string, text: string, min: number, max: number | null, range: string): number | null => {
    const x = parseDraftNumber(text);
    if (x === null) return null;
    if (Number.isNaN(x)) errors[key] = `"${text.trim()}" is not a number; enter ${range}.`;
    else if (x < min || (max !== null && x > max) || (min === -100 && x === -100)) errors[key] = `${formatTyped(x)}% is outside the range; enter ${range}.`;
    else return x / 100;
    return null;
  };

  const rules: TransitionYearRule[] = [];
  const projected: (string | null)[] = [];
  for (let k = 0; k < (years ?? 0); k++) {
    const row = draft.rows[k];
    rules.push({
      rate: share(`rate:${k}`, row.rate, 0, 100, "a percentage from 0 to 100 (the share of the gap closed this year)"),
      maxLoss: share(`maxLoss:${k}`, row.maxLoss, 0, 100, "a percentage from 0 to 100"),
      maxGain: share(`maxGain:${k}`, row.maxGain, 0, null, "a percentage of at least 0"),
      poolGrowth: share(`poolGrowth:${k}`, row.poolGrowth, -100, null, "a percentage above -100"),
    });
    projected.push(row.projected === "" ? null : row.projected);
  }
  if (years === null || Object.keys(errors).length > 0) return { settings: null, errors, years };
  return { settings: { years: rules, projectedEnrollment: projected }, errors, years };
}

function formatTyped(x: number): string {
  return String(Number(x.toPrecision(12)));
}
