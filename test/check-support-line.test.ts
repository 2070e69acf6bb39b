import { describe, expect, it } from "vitest";
import type { CallsSummary } from "../src/load/calls.js";
import { isSuppressed, suppressedCells } from "../src/model/disclosure.js";
import { findings, where } from "./check-helpers.js";

describe("support line (support-line/*)", () => {
  it("lists the years 2021 and 2022 of the real series as gaps, as info", async () => {
    const found = await findings("data", 2023, "support-line/");
    expect(found.map(where)).toEqual([
      ["info", "support-line/gap", "history/support-line.csv", 1, 1],
    ]);
    expect(found[0]?.message).toBe(
      "The support-line series 2014–2023 has gaps: 2021 saknar uppgift, 2022 saknar uppgift (raden saknar cases). The chart shows them as gaps, not as zero.",
    );
  });

  it("reports history rows after the report year and every small published cell", async () => {
    const found = await findings("test/fixtures/support-line-bad", 2025, "support-line/");
    expect(found.map(where)).toEqual([
      ...Array.from({ length: 8 }, () => [
        "info",
        "support-line/small-count",
        "2025/support-line/calls.csv",
        0,
        0,
      ]),
      ["info", "support-line/gap", "history/support-line.csv", 1, 1],
      ["warning", "support-line/history-after-year", "history/support-line.csv", 5, 1],
    ]);
    expect(found[0]?.message).toBe(
      'calls per county: "Stockholm" has 1, at most min_count 1; it is published as "–".',
    );
    expect(found[8]?.message).toContain(
      "2022 saknar uppgift (raden saknar cases), 2023 saknar uppgift.",
    );
    expect(found[9]?.message).toContain("a row for 2026, after the report year 2025");
  });
});

describe("suppressedCells", () => {
  const summary: CallsSummary = {
    file: "2025/support-line/calls.csv",
    calls: 20,
    byOrganisation: {
      socialtjanst: 12,
      skola: 3,
      polis: 0,
      halso_och_sjukvard: 0,
      ideell: 0,
      annan_myndighet: 4,
      ovrigt: 1,
      uppgift_saknas: 0,
    },
    byCounty: { "": 2, "14": 15, "01": 3 },
    exposure: { child_marriage: 4, abduction: 2, fgm: 0 },
    byMonth: Array.from({ length: 12 }, () => 0),
  };

  it("suppresses counts from 1 to min_count, never 0, in table order", () => {
    expect(suppressedCells(summary, 3)).toEqual([
      { table: "county", key: "01", label: "Stockholm", count: 3 },
      { table: "county", key: "", label: "Uppgift saknas", count: 2 },
      { table: "organisation", key: "skola", label: "Skola/förskola", count: 3 },
      { table: "organisation", key: "ovrigt", label: "Övrigt", count: 1 },
      { table: "exposure", key: "abduction", label: "Bortförande", count: 2 },
    ]);
    expect(isSuppressed(0, 3)).toBe(false);
    expect(isSuppressed(4, 3)).toBe(false);
    expect(isSuppressed(1, undefined)).toBe(false);
  });
});
