import { formatAmount } from "../../../src/engine/allocation/formatAmount";

describe("formatAmount", () => {
  it("groups thousands and shows cents only when there are any", () => {
    expect(formatAmount(1_250_000)).toBe("1,250,000");
    expect(formatAmount(1_961_280_000)).toBe("1,961,280,000");
    expect(formatAmount(999)).toBe("999");
    expect(formatAmount(1234.5678)).toBe("1,234.57");
    expect(formatAmount(999_999.5)).toBe("999,999.50");
    expect(formatAmount(-12.345)).toBe("-12.35");
    expect(formatAmount(0)).toBe("0");
  });
});
