import { assertScenarioStoreFits } from "../../../src/workbook/shared/assertScenarioStoreFits";

describe("assertScenarioStoreFits", () => {
  it("accepts a store within the budget and refuses a larger one with TOO_LARGE", () => {
    expect(() => assertScenarioStoreFits('{"scenarios":[]}', 100)).not.toThrow();
    // JSON text of a 200-character string is 202 bytes, over a 100-byte budget.
    expect(() => assertScenarioStoreFits("x".repeat(200), 100)).toThrow(/Delete scenarios you no longer need/);
  });
});
