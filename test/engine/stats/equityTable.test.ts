import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { WsfError } from "../../../src/engine/core/WsfError";
import * as sortModule from "../../../src/engine/stats/sortByKey";
import { equityTable } from "../../../src/engine/stats/equityTable";
import { e5Frl, e5TotalPerPupil } from "./e5District";
import { errorOf } from "./support";

function valueOf(rows: { metric: string; value: number | WsfError }[], metric: string): number | WsfError {
  const row = rows.find((r) => r.metric === metric);
  if (!row) throw new Error(`no row ${metric}`);
  return row.value;
}

describe("equityTable", () => {
  it("lists E5's published statistics under readable names (domain.md section 4)", () => {
    const rows = equityTable(e5TotalPerPupil, e5Frl);
    const published: [string, number, number][] = [
      ["Mean", 8414.8014, 5e-5],
      ["Coefficient of variation", 0.118753, 5e-7],
      ["McLoone index", 0.928066, 5e-7],
      ["Gini coefficient", 0.06672, 5e-7],
      ["Correlation with poverty", 0.962306, 5e-7],
      ["Slope on poverty", 3993.8498, 5e-5],
    ];
    for (const [metric, expected, tolerance] of published) {
      expect(Math.abs((valueOf(rows, metric) as number) - expected)).toBeLessThan(tolerance);
    }
    expect(rows.map((r) => r.metric)).toEqual([
      "Mean",
      "Median",
      "5th percentile",
      "95th percentile",
      "Range",
      "Restricted range (P95 - P5)",
      "Federal range ratio",
      "Coefficient of variation",
      "McLoone index",
      "Verstegen index",
      "Gini coefficient",
      "Theil index",
      "Mean log deviation",
      "Atkinson index (epsilon = 0.5)",
      "Standard deviation of logs",
      "Correlation with poverty",
      "Slope on poverty",
      "Elasticity with poverty",
      "Progressivity (highest / lowest poverty quartile)",
      "Poor / non-poor ratio",
    ]);
    expect(rows.every((r) => typeof r.value === "number")).toBe(true);
  });

  it("leaves out the poverty statistics without poverty", () => {
    expect(equityTable(e5TotalPerPupil)).toHaveLength(15);
    expect(equityTable(e5TotalPerPupil, null)).toHaveLength(15);
  });

  it("puts an undefined statistic's error in its row, named after the table function", () => {
    // A school with $0: log statistics are undefined, the others are not.
    const rows = equityTable(sampleOf([0, 9000, 10000], [10, 20, 30]), Float64Array.of(0, 0.5, 0.9));
    const mld = valueOf(rows, "Mean log deviation");
    expect(mld).toBeInstanceOf(WsfError);
    expect(mld).toMatchObject({ code: "NUM", message: "WSF.EQUITYTABLE: values row 1 is 0, expected a number > 0 (this statistic takes its logarithm)" });
    expect(valueOf(rows, "Elasticity with poverty")).toMatchObject({ code: "NUM" });
    expect(valueOf(rows, "Federal range ratio")).toMatchObject({ code: "DIV0" });
    expect(typeof valueOf(rows, "Gini coefficient")).toBe("number");
    expect(typeof valueOf(rows, "Theil index")).toBe("number");
  });

  it("fails as a whole only when there are no pupils at all", () => {
    expect(errorOf(() => equityTable(sampleOf([1, 2], [0, 0])))).toMatchObject({ code: "DIV0", message: "WSF.EQUITYTABLE: total pupils is 0" });
  });

  it("sorts the values once for all sorting statistics, and not by poverty when the shares are spread out", () => {
    const spy = jest.spyOn(sortModule, "sortByKeyInto");
    try {
      const s = sampleOf([5, 3, 9, 1, 7], [1, 2, 3, 4, 5]);
      const poverty = Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5);
      equityTable(s, poverty);
      // Progressivity finds its outer quartiles with a histogram of poverty (progressivity.ts), not a sort.
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toBe(s.values);
    } finally {
      spy.mockRestore();
    }
  });
});
