import { beforeAll, describe, expect, it } from "vitest";
import { loadYear } from "../src/load/dataset.js";
import { buildReportModel } from "../src/model/index.js";
import { validateYear } from "../src/pipeline/validate.js";
import type { RenderedReport } from "../src/render/index.js";
import { renderYear } from "./render-year.js";

const FIXTURE = "test/fixtures/provenance";
const ORGANISATION_NOTE =
  "Uppgifterna per organisation är rekonstruerade så att de ger de publicerade totalerna; publicerat är bara att socialtjänsten ringde flest samtal, följd av skola/förskola.";
const THEMES_NOTE =
  "Vilka verksamheter som rapporterat varje tema är rekonstruerat ur länens texter; rapporten anger bara ”samtliga”, ”flera” eller ”några” län, så antalen är inte publicerade uppgifter.";

describe("data/2023: every reconstructed figure says so in the report", () => {
  let gfm: RenderedReport;
  beforeAll(async () => {
    [gfm] = (await renderYear("data", 2023, ["gfm"])) as [RenderedReport];
  }, 60_000);

  it("prints the note under Figur 3 and puts it in the alt text", () => {
    const lines = gfm.markdown.split("\n");
    const caption = lines.indexOf("*Figur 3: antal samtal per organisation 2023*");
    // Caption, chart, note: the note under the chart, the caption above it as published.
    expect(lines[caption + 4]).toBe(`*${ORGANISATION_NOTE}*`);
    expect(lines[caption + 2]).toMatch(
      new RegExp(
        `^!\\[Stapeldiagram över samtal per organisation 2023: .* ${ORGANISATION_NOTE.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\]\\(figurer/calls-per-organisation\\.svg\\)$`,
      ),
    );
  });

  it("marks the reconstructed cells of the status table and explains the mark", () => {
    const rows = gfm.markdown
      .split("\n")
      .filter(
        (l) =>
          l.startsWith("| Skåne |") || l.startsWith("| Uppsala |") || l.startsWith("| Dalarna |"),
      );
    expect(rows).toEqual([
      "| Dalarna | – | 2 | Utvecklingsfas | – | – |",
      "| Skåne | Resurscentrum Heder Skåne (RCH Skåne) | 2 | Genomförandefas | april 2023\\* | Malmö stad (planerad) |",
      "| Uppsala | – | 3 | Orienteringsfas\\* | – | – |",
    ]);
    expect(gfm.markdown).toContain(
      "*\\* Månaden då det operativa stödet började är rekonstruerad: rapporten anger ingen månad för Skåne, Västmanland och Västra Götaland Skaraborg. Uppsalas fas är härledd ur texten (”kommer 2024 gå in i en utvecklingsfas”); rapporten anger den inte.*",
    );
  });

  it("labels every 'n av 11' line and gives the note once per list", () => {
    const lines = gfm.markdown.split("\n").filter((l) => l.startsWith("*Rapporterad av "));
    expect(lines).toHaveLength(10);
    for (const line of lines)
      expect(line).toMatch(/^\*Rapporterad av \d+ av 11 verksamheter \(rekonstruerad uppgift\): /);
    expect(gfm.markdown.split(`*${THEMES_NOTE}*`)).toHaveLength(3);
  });

  it("lists what is not published, and where it is printed, for manifest.json", () => {
    expect(gfm.provenance.map((p) => [p.about, p.status, p.sources.length])).toEqual([
      ["Tabell 1: Resurscentraverksamheterna 2023", "reconstructed", 4],
      ["Framgångsfaktorer: Rapporterad av n av m verksamheter", "reconstructed", 11],
      ["Utmaningar: Rapporterad av n av m verksamheter", "reconstructed", 11],
      ["Figur 1: Organisation", "reconstructed", 1],
      ["Figur 3: antal samtal per organisation 2023", "reconstructed", 1],
      ["Figur 4: antal samtal per län 2023", "reconstructed", 1],
      ["Figur 5: typ av utsatthet, jämförelse för perioden 2022 och 2023", "reconstructed", 3],
    ]);
    expect(gfm.provenance[4]?.sources).toEqual(["2023/support-line/calls.csv#organisation"]);
  });

  it("leaves published figures without a note: Figur 2, the finance tables", () => {
    const lines = gfm.markdown.split("\n");
    const figure2 = lines.findIndex((l) => l.startsWith("*Figur 2: "));
    expect(lines[figure2 + 2]?.startsWith("*")).toBe(false);
    expect(
      gfm.provenance.some((p) => /Figur 2|Resultaträkning|Anslagsredovisning|bidrag/.test(p.about)),
    ).toBe(false);
  });
});

describe("provenance in the data: rows, columns, files", () => {
  it("counts calls whose row says preliminary and notes them under the county table", async () => {
    const { data } = await loadYear(FIXTURE, 2025);
    expect(data.calls?.unpublished).toEqual({ preliminary: 2 });
    const model = buildReportModel(data);
    expect(model.provenance.supportLine.county).toEqual({
      status: "reconstructed",
      label: "rekonstruerad uppgift",
      text: "Uppgifterna är rekonstruerade och har inte publicerats. 2 av 5 samtal är preliminära.",
      sources: ["2025/support-line/calls.csv#county", "2025/support-line/calls.csv#provenance"],
    });
    expect(model.provenance.supportLine.years?.text).toBe("2 av 5 samtal är preliminära.");
    expect(model.provenance.grants).toBeNull();
  });

  it("reports a bad row status, and declarations that mark nothing, with their positions", async () => {
    const { diagnostics } = await validateYear(FIXTURE, 2025);
    const found = diagnostics
      .filter((d) => d.code === "provenance/unknown-source" || d.file.endsWith("calls.csv"))
      .map((d) => [d.code, d.file, d.line, d.column, d.message]);
    expect(found).toEqual([
      [
        "provenance/unknown-source",
        "2025/report.yaml",
        21,
        7,
        'provenance: the file has no field "organization", so its status marks nothing.',
      ],
      [
        "provenance/unknown-source",
        "2025/report.yaml",
        22,
        3,
        'provenance: "finance/grants.csv" is no file of 2025, so its status marks nothing.',
      ],
      [
        "csv/invalid-value",
        "2025/support-line/calls.csv",
        6,
        27,
        '"utkast" is not a provenance status.',
      ],
    ]);
  });
});
