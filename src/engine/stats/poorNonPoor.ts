import { WeightedSample } from "../core/WeightedSample";
import { divZeroError, valueError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { requireAligned } from "./requireAligned";
import { totalPupils } from "./totalPupils";

/**
 * Poor / non-poor ratio (Urban Institute style): the value per poor pupil over the value per non-poor pupil,
 * each school's pupils split by its poverty share f_i:
 * [sum w_i f_i x_i / sum w_i f_i] / [sum w_i (1 - f_i) x_i / sum w_i (1 - f_i)]. Above 1: the money a
 * typical poor pupil sees is higher. Units with 0 pupils contribute nothing.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when a poverty share is outside [0, 1] (callers validate; this guards engine callers)
 *   or poverty does not line up; DIV0 when there are no poor pupils, no non-poor pupils, the non-poor mean is 0,
 *   or total pupils is 0.
 * @example poorNonPoor(sampleOf([100, 200], [10, 10]), Float64Array.of(0, 0.5)) // 200 / (2000 / 15) = 1.5
 */
export function poorNonPoor(s: WeightedSample, poverty: Float64Array, fn = "WSF.POORNONPOOR"): number {
  requireAligned(s, poverty, fn, "poverty");
  totalPupils(s, fn);
  const { values, weights, rows } = s;
  const poorMoney = new CompensatedSum();
  const poorPupils = new CompensatedSum();
  const otherMoney = new CompensatedSum();
  const otherPupils = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const f = poverty[i];
    if (!(f >= 0 && f <= 1)) throw valueError({ fn, arg: "poverty", row: rows[i] }, `is ${f}, expected a share between 0 and 1`);
    const w = weights[i];
    if (w === 0) continue;
    poorMoney.add(w * f * values[i]);
    poorPupils.add(w * f);
    otherMoney.add(w * (1 - f) * values[i]);
    otherPupils.add(w * (1 - f));
  }
  if (poorPupils.value === 0) throw divZeroError(fn, "no pupil is poor (every poverty share is 0), so the ratio is undefined");
  if (otherPupils.value === 0) throw divZeroError(fn, "every pupil is poor (every poverty share is 1), so the ratio is undefined");
  const otherMean = otherMoney.value / otherPupils.value;
  if (otherMean === 0) throw divZeroError(fn, "the non-poor pupils' mean is 0, so the ratio is undefined");
  return poorMoney.value / poorPupils.value / otherMean;
}
