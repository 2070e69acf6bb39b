import { describe, expect, it } from "vitest";
import { findings, where } from "./check-helpers.js";

describe("status reports (counties/*)", () => {
  it("finds the 2023 status reports consistent (Skåne's plans are part of its summary: a note)", async () => {
    expect((await findings("data", 2023, "counties/")).map(where)).toEqual([
      ["info", "counties/missing-plans", "2023/counties/skane.yaml", 0, 0],
    ]);
  });

  it("reports duplicates, dates outside the year, suspicious phases and missing establishment dates", async () => {
    // Missing summaries and plans are asserted in strict-values.test.ts.
    const found = (await findings("test/fixtures/counties-bad", 2025, "counties/")).filter(
      (d) => !d.code.startsWith("counties/missing-"),
    );
    expect(found.map(where)).toEqual([
      ["error", "counties/period-reversed", "2025/counties/blekinge.yaml", 3, 9],
      ["error", "counties/period-outside-year", "2025/counties/gotland.yaml", 6, 7],
      ["warning", "counties/phase-suspicious", "2025/counties/gotland.yaml", 7, 8],
      ["error", "counties/operational-after-period", "2025/counties/gotland.yaml", 8, 20],
      ["error", "counties/expected-missing", "2025/counties/halland.yaml", 1, 1],
      ["warning", "counties/expected-in-past", "2025/counties/kalmar.yaml", 2, 23],
      ["error", "counties/duplicate-operation", "2025/counties/uppsala.yaml", 3, 9],
    ]);
    expect(found.map((d) => d.message)).toEqual([
      "The period starts on 2025-12-31, after it ends on 2025-01-01.",
      "The period ends on 2026-06-30, outside the report year 2025.",
      "Suspicious: the phase is orientering, but the status report gives operational support (operational_since 2026-08; serves: professionals).",
      "operational_since 2026-08 is after the end of the period reported on (2026-06).",
      "The status report of Halland has neither round nor phase (no centre), but no expected_established.",
      "expected_established 2024-06 lies before the report year 2025.",
      "2025/counties/uppsala-kopia.yaml and 2025/counties/uppsala.yaml are both the status report of Uppsala.",
    ]);
  });

  it("from 2026 lists each county with neither an operation nor an expected establishment", async () => {
    const found = await findings("test/fixtures/counties-2026", 2026, "counties/not-listed");
    // 21 counties: Uppsala has an operation, Blekinge an expected establishment.
    expect(found).toHaveLength(19);
    expect(found.every((d) => d.severity === "warning" && d.file === "2026/counties")).toBe(true);
    expect(found.map((d) => d.message)).toContain(
      "Stockholm has no status report: from 2026 the report lists every county without a centre with its expected establishment (A2025/01207).",
    );
    expect(found.some((d) => /^(Uppsala|Blekinge) /.test(d.message))).toBe(false);
  });

  it("does not ask for all counties before 2026", async () => {
    expect(await findings("examples/minimal", 2025, "counties/")).toEqual([]);
  });
});
