import { describe, expect, it } from "vitest";
import { findings, sv, where } from "./check-helpers.js";

describe("finance arithmetic (finance/*)", () => {
  it("accepts the published ±1 tkr and ±1 kr roundings of seed 004 silently", async () => {
    expect(await findings("data", 2023, "finance/")).toEqual([]);
  });

  it("reports a stated total beyond rounding at the stated value, with all three numbers", async () => {
    const [found, ...rest] = await findings("test/fixtures/finance-mismatch", 2025, "finance/");
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      severity: "error",
      code: "finance/sum-mismatch",
      message: `"Summa kostnader": the stated outcome ${sv("20 200")} tkr is not the sum of its lines, ${sv("20 100")} tkr (difference 100 tkr; rounding explains at most 1,5 tkr).`,
      file: "2025/finance/income-statement.yaml",
      line: 13,
      column: 18,
      hint: 'Correct the outcome of "Summa kostnader" or one of the 2 figures it adds up, or remove the stated outcome and let the tool compute it.',
    });
  });

  it("reports a sub-assignment spent above its ceiling", async () => {
    const found = await findings("test/fixtures/finance-ceiling", 2025, "finance/");
    expect(found.map(where)).toEqual([
      ["error", "finance/above-ceiling", "2025/finance/appropriation.yaml", 24, 12],
    ]);
    expect(found[0]?.message).toContain(
      `spent ${sv("15 250 000")} kr, ${sv("250 000")} kr more than its ceiling of ${sv("15 000 000")} kr.`,
    );
  });
});
