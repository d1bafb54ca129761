import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { sdLogs } from "../../../src/engine/stats/sdLogs";
import { errorOf, toSample, units } from "./support";

describe("sdLogs", () => {
  it("is the population SD of ln x (hand calculation: 1 and e^2 -> logs 0 and 2, SD 1)", () => {
    expect(sdLogs(sampleOf([1, Math.E ** 2]))).toBeCloseTo(1, 14);
    // Weighted: logs 0 (3 pupils) and 4 (1 pupil): mean 1, variance (3 x 1 + 9) / 4 = 3.
    expect(sdLogs(sampleOf([1, Math.E ** 4], [3, 1]))).toBeCloseTo(Math.sqrt(3), 13);
  });

  it("agrees with a naive two-pass loop, is 0 for equal values, and unchanged by scaling", () => {
    fc.assert(
      fc.property(units(), fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const m = rows.reduce((t, r) => t + r.pupils * Math.log(r.value), 0) / W;
        const naive = Math.sqrt(rows.reduce((t, r) => t + r.pupils * (Math.log(r.value) - m) ** 2, 0) / W);
        expect(Math.abs(sdLogs(toSample(rows)) - naive)).toBeLessThan(1e-9);
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        expect(Math.abs(sdLogs(toSample(scaled)) - sdLogs(toSample(rows)))).toBeLessThan(1e-9);
      }),
    );
    expect(sdLogs(sampleOf([7, 7, 7], [1, 2, 3]))).toBeLessThan(1e-15);
  });

  it("gives #NUM! naming the row of a value <= 0", () => {
    expect(errorOf(() => sdLogs(sampleOf([3, 4, -2])))).toMatchObject({
      code: "NUM",
      message: "WSF.SDLOGS: values row 3 is -2, expected a number > 0 (this statistic takes its logarithm)",
    });
  });
});
