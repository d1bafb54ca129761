import { CompensatedSum, sum } from "../../../src/engine/core/sum";

describe("sum", () => {
  it("adds 0.1 + 0.2 + 0.3 to exactly 0.6 (a plain loop gives 0.6000000000000001)", () => {
    let naive = 0;
    for (const x of [0.1, 0.2, 0.3]) naive += x;
    expect(naive).not.toBe(0.6);
    expect(sum([0.1, 0.2, 0.3])).toBe(0.6);
  });

  it("keeps a billion-dollar pool exact to the cent over a million cent-valued amounts", () => {
    // 1,000,000 amounts of $1,000.01 each: the exact total is $1,000,010,000.00.
    const amounts = new Float64Array(1_000_000).fill(1000.01);
    expect(Math.abs(sum(amounts) - 1_000_010_000)).toBeLessThan(0.005);
    const acc = new CompensatedSum();
    for (let i = 0; i < amounts.length; i++) acc.add(amounts[i]);
    expect(Math.abs(acc.value - 1_000_010_000)).toBeLessThan(0.005);
  });

  it("recovers a small term added to a huge one and taken away again", () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
  });
});
