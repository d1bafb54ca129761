import { validateFormulaSpec } from "../../../src/engine/scenario/validateFormulaSpec";
import { needSpec } from "./threeSchools";

describe("validateFormulaSpec", () => {
  it("accepts a well-formed spec, and checks its columns against the headers when given", () => {
    expect(validateFormulaSpec(needSpec(1000))).toEqual([]);
    expect(validateFormulaSpec(needSpec(1000), ["Enrollment", "FRL", "EL"])).toEqual([]);
    expect(validateFormulaSpec(needSpec(1000), ["Enrollment", "FRL"])).toEqual(['categoryWeights 2 (English learners): column "EL" is not in the schools table']);
  });

  it("lists each problem in plain words", () => {
    const bad = {
      version: 1,
      base: { mode: "fixed", amount: -5 },
      gradeWeights: [{ header: "K-5", weight: 1 }, { header: "K-5", weight: 1.1 }],
      categoryWeights: [{ header: "EL", label: "English learners", weight: -0.4 }],
      concentration: [{ header: "FRL", label: "Ramp", threshold: 0.6, weight: 0.5, mode: "ramp", upper: 0.5 }],
      fixed: { mode: "column" },
      protection: { maxLoss: 1.5, maxGain: -1 },
    };
    expect(validateFormulaSpec(bad)).toEqual([
      "base amount is -5, expected a number >= 0",
      'gradeWeights 2 (K-5): column "K-5" is weighted twice',
      "categoryWeights 1 (English learners): weight is -0.4, expected a number >= 0",
      "concentration 1 (Ramp): upper is 0.5, expected a share above the threshold and at most 1",
      "fixed amounts: column header is missing",
      "maxLoss is 1.5, expected a share between 0 and 1 or none",
      "maxGain is -1, expected a share >= 0 or none",
    ]);
  });

  it("rejects what is not a spec at all", () => {
    expect(validateFormulaSpec(null)).toEqual(["the formula is not an object"]);
    expect(validateFormulaSpec({ version: 2 })).toEqual([
      "formula version is 2, expected 1",
      "base is missing",
      "gradeWeights is not a list",
      "categoryWeights is not a list",
      "concentration is not a list",
      "fixed amounts are missing",
      "protection is missing",
    ]);
  });
});
