import { describe, expect, it } from "vitest";
import { findings, sv, where } from "./check-helpers.js";

describe("grants (grants/*)", () => {
  it("finds seed 004's real difference between the payments and the appropriation, as a warning", async () => {
    const all = await findings("data", 2023, "grants/total-mismatch");
    expect(all.map(where)).toEqual([
      ["warning", "grants/total-mismatch", "2023/finance/appropriation.yaml", 45, 18],
    ]);
    expect(all[0]?.message).toBe(
      `The grants paid in finance/grants.csv add up to ${sv("13 913 620")} kr, but the appropriation's line "Totalt lämnade bidrag" says ${sv("13 791 180")} kr: a difference of ${sv("122 440")} kr (more paid than booked).`,
    );
  });

  it("warns that Östergötland (round 3) has a status report but no payment in 2023", async () => {
    const found = await findings("data", 2023, "grants/");
    expect(found.map(where)).toEqual([
      ["warning", "grants/no-payment", "2023/counties/ostergotland.yaml", 8, 8],
      ["warning", "grants/total-mismatch", "2023/finance/appropriation.yaml", 45, 18],
    ]);
    expect(found[0]?.message).toBe(
      "Östergötland is in round 3, which received grants in 2023, but finance/grants.csv has no payment to it.",
    );
  });

  it("reports a payment outside the year, a funded county without a report, a report without payment", async () => {
    const found = await findings("test/fixtures/grants-bad", 2025, "grants/");
    expect(found.map(where)).toEqual([
      ["warning", "grants/no-payment", "2025/counties/gotland.yaml", 2, 8],
      ["warning", "grants/total-mismatch", "2025/finance/appropriation.yaml", 17, 18],
      ["error", "grants/paid-outside-year", "2025/finance/grants.csv", 3, 33],
      ["warning", "grants/no-status-report", "2025/finance/grants.csv", 4, 13],
    ]);
    // Kalmar has no payment either, but its payment_note says why: no finding.
    expect(found.map((d) => d.message)).toEqual([
      "Gotland is in round 3, which received grants in 2025, but finance/grants.csv has no payment to it.",
      `The grants paid in finance/grants.csv add up to ${sv("1 750 000")} kr, but the appropriation's line "Totalt lämnade bidrag" says ${sv("1 000 000")} kr: a difference of ${sv("750 000")} kr (more paid than booked).`,
      `The payment of ${sv("250 000")} kr to Länsstyrelsen Uppsala on 2024-12-30 is outside the report year 2025.`,
      `Halland received a grant (${sv("500 000")} kr, round 3) but has no status report in counties/.`,
    ]);
  });

  it("reports grants above the ceiling of the grants sub-assignment", async () => {
    const found = await findings("test/fixtures/grants-ceiling", 2025, "grants/");
    expect(found.map(where)).toEqual([
      ["error", "grants/above-ceiling", "2025/finance/appropriation.yaml", 23, 14],
    ]);
    expect(found[0]?.message).toBe(
      `The grants paid in 2025, ${sv("1 000 000")} kr, exceed the ceiling of ${sv("900 000")} kr by ${sv("100 000")} kr.`,
    );
  });

  it("warns when no appropriation line has role: grants to reconcile the payments with", async () => {
    const found = await findings("test/fixtures/grants-no-line", 2025, "grants/");
    expect(found.map(where)).toEqual([
      ["warning", "grants/no-grants-line", "2025/finance/appropriation.yaml", 7, 3],
    ]);
    expect(found[0]?.message).toBe(
      "There is 1 grant payment in finance/grants.csv, but no line of the appropriation has role: grants to check them against.",
    );
  });

  it("finds nothing in the minimal example", async () => {
    expect(await findings("examples/minimal", 2025, "grants/")).toEqual([]);
  });
});
