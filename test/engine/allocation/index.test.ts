import * as allocation from "../../../src/engine/allocation";

describe("allocation index", () => {
  it("exports every allocation formula the functions layer calls", () => {
    const expected = [
      "allocate",
      "concentration",
      "eligibleRowProblem",
      "explain",
      "formatAmount",
      "lcff",
      "perPupil",
      "protect",
      "roundHalfUp",
      "solveBase",
      "solveBaseDetailed",
      "upp",
      "weightedPupils",
    ];
    expect(Object.keys(allocation).sort()).toEqual(expected);
    for (const name of expected) expect(typeof (allocation as Record<string, unknown>)[name]).toBe("function");
  });
});
