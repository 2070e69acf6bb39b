import { beforeAll, describe, expect, it } from "vitest";
import { loadYear } from "../src/load/dataset.js";
import { loadEarlierCalls } from "../src/load/earlier-calls.js";
import { buildReportModel, type ReportModel } from "../src/model/index.js";

async function modelOf(year: number): Promise<ReportModel> {
  const { data } = await loadYear("data", year);
  const { calls } = await loadEarlierCalls("data", year);
  return buildReportModel(data, { earlierCalls: calls });
}

let m2023: ReportModel;
let m2025: ReportModel;
beforeAll(async () => {
  [m2023, m2025] = await Promise.all([modelOf(2023), modelOf(2025)]);
});

describe("operations (2023)", () => {
  it("groups the eleven operations in ten counties by round, in Swedish order", () => {
    expect(m2023.operationCount).toBe(11);
    expect(m2023.countyCount).toBe(10);
    expect(m2023.rounds.map((r) => [r.label, r.operations.map((o) => o.name)])).toEqual([
      ["Projektomgång 2", ["Dalarna", "Skåne", "Västernorrland", "Västmanland"]],
      [
        "Projektomgång 3",
        [
          "Jämtland",
          "Jönköping",
          "Uppsala",
          "Västra Götaland Skaraborg",
          "Västra Götaland Älvsborg",
          "Örebro",
          "Östergötland",
        ],
      ],
    ]);
    expect(m2023.rounds[1]?.countyCount).toBe(6);
  });

  it("carries Swedish labels and county forms", () => {
    const skane = m2023.operations.find((o) => o.county.code === "12");
    expect(skane).toMatchObject({
      name: "Skåne",
      roundLabel: "Projektomgång 2",
      phaseLabel: "Genomförandefas",
      operationalSinceText: "april 2023",
      principal: { name: "Malmö stad", text: "Malmö stad (planerad)" },
      county: {
        officialName: "Skåne län",
        genitive: "Skånes",
        officialGenitive: "Skåne läns",
        authority: "Länsstyrelsen Skåne",
      },
    });
    expect(m2023.rounds[0]?.phases.map((p) => [p.label, p.names])).toEqual([
      ["Utvecklingsfas", ["Dalarna", "Västernorrland"]],
      ["Genomförandefas", ["Skåne", "Västmanland"]],
    ]);
  });

  it("lists the counties without a centre apart from the operations (2025)", () => {
    expect(m2025.countiesWithoutCentre.map((c) => [c.name, c.expectedEstablishedText])).toEqual([
      ["Blekinge", expect.any(String)],
      ["Gotland", expect.any(String)],
      ["Stockholm", "december 2026"],
      ["Södermanland", expect.any(String)],
      ["Västerbotten", expect.any(String)],
    ]);
    expect(m2025.operations.every((o) => o.round !== null)).toBe(true);
  });
});

describe("themes (2023)", () => {
  it("counts and names the operations that reported each theme", () => {
    const counts = Object.fromEntries(
      [...m2023.themes.successFactors, ...m2023.themes.challenges].map((t) => [
        t.id,
        `${t.count} av ${t.of}`,
      ]),
    );
    expect(counts).toEqual({
      "aktorerna-ser-behovet": "7 av 11",
      "lardomar-av-andra-lan": "8 av 11",
      "befintliga-strukturer": "6 av 11",
      glesbygd: "3 av 11",
      "intern-samverkan-och-forankring": "4 av 11",
      lagkonjunkturen: "11 av 11",
      malgruppsanalys: "2 av 11",
      "befintliga-strukturer-utmaning": "4 av 11",
      "rutiner-och-kunskaper": "3 av 11",
      "skolan-som-aktor": "3 av 11",
    });
    expect(m2023.themes.challenges.find((t) => t.id === "glesbygd")?.reportedBy).toEqual([
      "Dalarna",
      "Västernorrland",
      "Jämtland",
    ]);
  });
});

describe("support line", () => {
  it("states 2023 as the lowest number since 2015 and 2019 as the peak", () => {
    const sl = m2023.supportLine;
    expect(sl?.thisYear.total).toBe(395);
    expect(sl?.facts.lowestSince).toEqual({ year: 2015, total: 298 });
    expect(sl?.facts.unknownYearsSinceLowest).toEqual(["2021", "2022"]);
    expect(sl?.facts.peak).toEqual({ year: 2019, total: 1019 });
    expect(sl?.facts.lowestOnRecord).toBe(false);
  });

  it("says that the change 2022→2023 is unknown instead of inventing it", () => {
    expect(m2023.supportLine?.facts.change).toEqual({
      year: 2022,
      known: false,
      lastYearTotal: null,
      absolute: null,
      ratio: null,
      direction: null,
      sentence:
        "För 2022 saknas uppgift om antalet samtal, så någon jämförelse med föregående år går inte att göra.",
    });
  });

  it("keeps gaps as null, takes each year with a calls.csv from it, marks a partial year", () => {
    const years = m2025.supportLine?.years.map((y) => [y.year, y.total, y.source]);
    expect(years).toEqual([
      [2014, 187, "history"],
      [2015, 298, "history"],
      [2016, 455, "history"],
      [2017, 600, "history"],
      [2018, 959, "history"],
      [2019, 1019, "history"],
      [2020, 784, "history"],
      [2021, null, null],
      [2022, null, null],
      [2023, 395, "calls"],
      [2024, null, null],
      [2025, 342, "calls"],
    ]);
    expect(m2025.supportLine?.years[0]?.partial).toBe("från 13 mars");
    expect(m2025.supportLine?.gapYears).toEqual(["2021", "2022", "2024"]);
    expect(m2025.supportLine?.facts.lowestSince).toEqual({ year: 2015, total: 298 });
  });

  it("counts per county with 'Uppgift saknas' last and the published top three", () => {
    const sl = m2023.supportLine;
    expect(sl?.topCounties.map((c) => [c.name, c.count])).toEqual([
      ["Västra Götaland", 51],
      ["Skåne", 27],
      ["Östergötland", 27],
    ]);
    expect(sl?.byCounty?.at(-1)).toMatchObject({ name: "Uppgift saknas", count: 77 });
    expect(sl?.byCounty).toHaveLength(22);
  });

  it("takes last year's exposure from history (2023) and says when last year is unknown (2025)", () => {
    expect(
      m2023.supportLine?.exposure?.map((e) => [e.label, e.lastYear.count, e.thisYear.count]),
    ).toEqual([
      ["Barn-/tvångsäktenskap", null, 58],
      ["Bortförande", 210, 90],
      ["Könsstympning", null, 19],
    ]);
    expect(m2025.supportLine?.exposure?.map((e) => e.lastYear.display)).toEqual([
      "uppgift saknas",
      "uppgift saknas",
      "uppgift saknas",
    ]);
  });

  it("suppresses counts 1..min_count as '–', hides the count, and orders them by name", () => {
    const sl = m2025.supportLine;
    const hidden = sl?.byCounty?.filter((c) => c.suppressed);
    expect(hidden?.map((c) => [c.name, c.count, c.display])).toEqual([
      ["Blekinge", null, "–"],
      ["Gotland", null, "–"],
      ["Jämtland", null, "–"],
      ["Västerbotten", null, "–"],
    ]);
    expect(sl?.byOrganisation?.find((o) => o.code === "ideell")).toMatchObject({
      count: null,
      display: "–",
    });
    expect(sl?.suppressed).toEqual({ organisation: true, county: true, exposure: false });
    expect(m2025.disclosure.note).toBe("– Antal mellan 1 och 3 redovisas inte (röjandeskydd).");
    expect(m2023.disclosure).toEqual({ minCount: null, note: null });
  });
});

describe("finance (2023)", () => {
  it("shows stated totals and computes deviation, deviation % and upparbetningsgrad from them", () => {
    const rows = m2023.finance.incomeStatement?.rows ?? [];
    const row = (label: string) => rows.find((r) => r.label === label);
    expect(row("Utfall")).toMatchObject({
      outcome: 21751,
      forecast: 24711,
      deviation: 2960,
      showDeviationPercent: false,
      showUtilisation: true,
    });
    expect(Math.round((row("Utfall")?.utilisation ?? 0) * 100)).toBe(88);
    expect(row("Driftskostnader")).toMatchObject({
      outcome: 3648,
      forecast: 4333,
      deviation: 685,
      computedOutcome: 3647,
      computedForecast: 4334,
      differsFromParts: true,
      showDeviationPercent: true,
    });
    expect(row("Konsulttjänster/arvoden")?.outcomeKronor).toBe(2028000);
    expect(m2023.finance.incomeStatement?.costGroups.map((r) => r.label)).toEqual([
      "Lönekostnader totalt",
      "Driftskostnader",
    ]);
  });

  it("totals the grants and keeps the difference to the appropriation's grants line", () => {
    expect(m2023.finance.grants).toMatchObject({
      total: 13913620,
      count: 10,
      appropriationLine: 13791180,
      differenceFromAppropriation: 122440,
    });
    expect(m2023.finance.appropriation?.total).toEqual({ outcome: 17132210, forecast: 18000000 });
    expect(m2023.finance.appropriation?.grantsAssignment?.ceiling).toBe(15000000);
  });
});
