import { describe, expect, it } from "vitest";
import { loadYear } from "../src/load/dataset.js";
import { computedTotals, financeRows, roundingTolerance } from "../src/model/finance.js";
import { formatSwedishInteger } from "../src/model/format.js";
import type { FinanceLine } from "../src/schema/finance.js";

const tree: FinanceLine[] = [
  {
    label: "Utfall",
    outcome: 100,
    forecast: 120,
    children: [
      { label: "Intäkter", outcome: -10, forecast: 0 },
      {
        label: "Kostnader",
        children: [
          { label: "Löner", outcome: 80, forecast: 100 },
          { label: "Drift", outcome: 31, forecast: 0 },
        ],
      },
    ],
  },
];

describe("formatSwedishInteger", () => {
  it("groups with U+00A0 and uses the minus sign", () => {
    expect(formatSwedishInteger(13913620)).toBe("13\u00a0913\u00a0620");
    expect(formatSwedishInteger(21751)).toBe("21\u00a0751");
    expect(formatSwedishInteger(-317)).toBe("\u2212317");
    expect(formatSwedishInteger(999)).toBe("999");
  });
  it("rounds half away from zero and never prints −0", () => {
    expect(formatSwedishInteger(2.5)).toBe("3");
    expect(formatSwedishInteger(-2.5)).toBe("\u22123");
    expect(formatSwedishInteger(-0.4)).toBe("0");
  });
  it("writes what Intl.NumberFormat's sv-SE writes, with U+00A0 as its group space", () => {
    const intl = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
    const values = [0, 7, 999, 1000, -1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000];
    for (let v = 1; v < Number.MAX_SAFE_INTEGER / 7; v = v * 7 + 3) values.push(v, -v, v + 0.5);
    values.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, -2.5e22);
    for (const value of values) {
      const rounded = Math.sign(value) * Math.round(Math.abs(value));
      const expected = intl.format(rounded).replace(/[\u202f\u2009 ]/g, "\u00a0");
      expect(formatSwedishInteger(value), String(value)).toBe(expected);
    }
  });
});

describe("finance model", () => {
  it("computes sums from the children, not from stated totals", () => {
    expect(computedTotals(tree[0] as FinanceLine)).toEqual({ outcome: 101, forecast: 100 });
  });

  it("flattens the tree in reading order with depth, path and deviations", () => {
    const rows = financeRows(tree);
    expect(rows.map((r) => [r.label, r.depth, r.isSum])).toEqual([
      ["Utfall", 0, true],
      ["Intäkter", 1, false],
      ["Kostnader", 1, true],
      ["Löner", 2, false],
      ["Drift", 2, false],
    ]);
    expect(rows[2]?.path).toEqual(["lines", 0, "children", 1]);
    expect(rows[0]?.stated).toEqual({ outcome: 100, forecast: 120 });
    expect(rows[2]?.stated).toEqual({});
    const loner = rows[3];
    expect(loner?.deviation).toBe(20);
    expect(loner?.deviationPercent).toBeCloseTo(0.2);
    expect(loner?.utilisation).toBeCloseTo(0.8);
    // forecast 0: no percentage, no utilisation.
    expect(rows[4]?.deviationPercent).toBeUndefined();
    expect(rows[4]?.utilisation).toBeUndefined();
    expect(rows[0]?.leafCount).toEqual({ outcome: 3, forecast: 3 });
  });

  it("tolerates half a unit per rounded part plus the stated total's own", () => {
    expect(roundingTolerance(9)).toBe(5);
    expect(roundingTolerance(1)).toBe(1);
  });

  it("reproduces seed 004's resultaträkning within its ±1 tkr rounding", async () => {
    const { data } = await loadYear("data", 2023);
    const rows = financeRows(data.incomeStatement?.data.lines ?? []);
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    const drift = byLabel.get("Driftskostnader");
    expect([drift?.outcome, drift?.forecast]).toEqual([3647, 4334]);
    expect(drift?.stated).toEqual({ outcome: 3648, forecast: 4333 });
    expect(Math.round((drift?.utilisation ?? 0) * 100)).toBe(84);
    expect(Math.round((drift?.deviationPercent ?? 0) * 100)).toBe(16);
    const loner = byLabel.get("Lönekostnader totalt");
    expect([loner?.outcome, loner?.forecast, loner?.deviation]).toEqual([18420, 20378, 1958]);
    expect(Math.round((loner?.utilisation ?? 0) * 100)).toBe(90);
    const utfall = byLabel.get("Utfall");
    expect([utfall?.outcome, utfall?.forecast]).toEqual([21750, 24712]);
    expect(Math.round((utfall?.utilisation ?? 0) * 100)).toBe(88);
  });
});
