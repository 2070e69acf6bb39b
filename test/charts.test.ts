import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BUILTIN_CHART_DIR,
  type CallsPerYearPoint,
  CHART_NAMES,
  ChartSpecError,
  callsPerCountyChart,
  callsPerOrganisationChart,
  callsPerYearChart,
  chartSpecPath,
  exposureByTypeChart,
  type FinanceAmount,
  financeCostsChart,
  financeOtherCostsChart,
  type LabelCount,
  renderChartPng,
} from "../src/output/charts/index.js";

const NBSP = "\u00a0";

// Support-line history as published (data/history/support-line.csv) and 2023 from seed 004:
// 2014 counts from 13 March only; 2021 has no figure; 2022 publishes exposed persons, not calls.
const history: CallsPerYearPoint[] = [
  { year: 2014, calls: 187, partial: "från 13 mars" },
  { year: 2015, calls: 298 },
  { year: 2016, calls: 455 },
  { year: 2017, calls: 600 },
  { year: 2018, calls: 959 },
  { year: 2019, calls: 1019 },
  { year: 2020, calls: 784 },
  { year: 2021, calls: null },
  { year: 2022, calls: null },
  { year: 2023, calls: 395 },
];

// data/2023/support-line/calls.csv summed (published: the top three and "uppgift saknas").
const counties: LabelCount[] = Object.entries({
  Stockholm: 25,
  "Västra Götaland": 51,
  Skåne: 27,
  Östergötland: 27,
  "Uppgift saknas": 77,
  Uppsala: 20,
  Jönköping: 18,
  Örebro: 16,
  Västmanland: 14,
  Halland: 14,
  Södermanland: 13,
  Dalarna: 12,
  Gävleborg: 12,
  Kalmar: 10,
  Värmland: 10,
  Kronoberg: 9,
  Västernorrland: 8,
  Västerbotten: 8,
  Norrbotten: 7,
  Blekinge: 7,
  Jämtland: 5,
  Gotland: 5,
}).map(([label, count]) => ({ label, count }));

const organisations: LabelCount[] = Object.entries({
  Socialtjänst: 178,
  "Skola/förskola": 71,
  Övrigt: 33,
  "Annan myndighet/verksamhet": 31,
  "Hälso- och sjukvård": 27,
  Polis: 24,
  "Uppgift saknas": 18,
  "Ideell organisation": 13,
}).map(([label, count]) => ({ label, count }));

const exposure = [
  { label: "Barn-/tvångsäktenskap", thisYear: 58, lastYear: null },
  { label: "Bortförande", thisYear: 90, lastYear: 210 },
  { label: "Könsstympning", thisYear: 19, lastYear: null },
];

// data/2023/finance/income-statement.yaml (tkr).
const columns = { outcomeLabel: "Utfall jan–dec 2023", forecastLabel: "Prognos 2 helår 2023" };
const costs: FinanceAmount[] = [
  { label: "Lönekostnader totalt", outcome: 18420, forecast: 20378 },
  { label: "Driftskostnader", outcome: 3648, forecast: 4333 },
];
const otherCosts: FinanceAmount[] = [
  { label: "Resekostnader", outcome: 419, forecast: 672 },
  { label: "Övriga personalkostnader", outcome: 946, forecast: 704 },
  { label: "Lokalkostnader", outcome: 1, forecast: 0 },
  { label: "Varor och avskrivningar", outcome: 137, forecast: 20 },
  { label: "Extern representation", outcome: 4, forecast: 7 },
  { label: "Intern representation", outcome: 5, forecast: 8 },
  { label: "Information, post och telefon", outcome: 54, forecast: 38 },
  { label: "Konsulttjänster/arvoden", outcome: 2028, forecast: 1000 },
  { label: "Övriga kostnader", outcome: 53, forecast: 1885 },
];

/** The contents of the SVG's mark groups `<g class="mark-… role-…">` (vega nests no group in them). */
function markGroups(svg: string, cls: string): string[] {
  return svg
    .split(`<g class="${cls}`)
    .slice(1)
    .map((group) => group.split("</g>")[0] ?? "");
}
/** x of each `translate(x,y)` in a mark group. */
function translateXs(group: string): number[] {
  return [...group.matchAll(/translate\(([-\d.]+),/g)].map((m) => Number(m[1]));
}
/** The text of each `<text>` in a mark group. */
function texts(group: string | undefined): string[] {
  return [...(group ?? "").matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1] ?? "");
}

describe("alt text from the 2023 data", () => {
  it("calls per year: whole years 2015–2023, why 2014 is left out, peak, latest, gaps", async () => {
    const chart = await callsPerYearChart(history);
    expect(chart.alt).toBe(
      "Linjediagram över antal inkomna samtal till stödtelefonen per helår 2015–2023 " +
        "(2014 visas inte, då uppgiften bara gäller från 13 mars). " +
        `Flest samtal inkom år 2019 (1${NBSP}019); år 2023 inkom 395 samtal, det lägsta antalet ` +
        "sedan 2015 (298); uppgift saknas för 2021 och 2022.",
    );
    expect(chart.title).toBe("Antal inkomna samtal per helår 2015–2023");
    expect(chart.note).toBe("2014 visas inte: uppgiften gäller bara från 13 mars (187 samtal).");
  });

  it("calls per county: the top three and the calls without a county", async () => {
    const chart = await callsPerCountyChart(counties, { year: 2023 });
    expect(chart.alt).toBe(
      "Stapeldiagram över samtal per län 2023: Västra Götaland 51, Skåne 27, Östergötland 27; " +
        "uppgift om län saknas för 77 samtal.",
    );
    expect(chart.title).toBe("Antal samtal per län 2023");
    expect(chart.note).toBeUndefined();
  });

  it("calls per organisation", async () => {
    const chart = await callsPerOrganisationChart(organisations, { year: 2023 });
    expect(chart.alt).toBe(
      "Stapeldiagram över samtal per organisation 2023: Socialtjänst 178, Skola/förskola 71, " +
        "Övrigt 33; uppgift om organisation saknas för 18 samtal.",
    );
  });

  it("exposure types, 2023 against 2022 where 2022 has a figure", async () => {
    const chart = await exposureByTypeChart(exposure, { year: 2023 });
    expect(chart.alt).toBe(
      "Stapeldiagram över typ av utsatthet, antal utsatta individer 2023 jämfört med 2022: " +
        "Bortförande 90 (2022: 210), Barn-/tvångsäktenskap 58, Könsstympning 19; " +
        "uppgift för 2022 saknas för Barn-/tvångsäktenskap och Könsstympning.",
    );
    expect(chart.title).toBe("Typ av utsatthet 2022 och 2023");
  });

  it("finance: Drifts- och lönekostnader and Övriga driftskostnader", async () => {
    const main = await financeCostsChart(costs, columns);
    expect(main.alt).toBe(
      "Stapeldiagram över drifts- och lönekostnader i tkr, utfall jan–dec 2023 jämfört med " +
        `prognos 2 helår 2023: Lönekostnader totalt 18${NBSP}420 (prognos 20${NBSP}378), ` +
        `Driftskostnader 3${NBSP}648 (prognos 4${NBSP}333).`,
    );
    expect(main.title).toBe("Drifts- och lönekostnader");
    const other = await financeOtherCostsChart(otherCosts, columns);
    expect(other.alt).toBe(
      "Stapeldiagram över övriga driftskostnader per kostnadsslag (9) i tkr, utfall jan–dec 2023 " +
        `jämfört med prognos 2 helår 2023. Störst utfall: Konsulttjänster/arvoden 2${NBSP}028 ` +
        `(prognos 1${NBSP}000), Övriga personalkostnader 946 (prognos 704) och Resekostnader 419 ` +
        `(prognos 672); längst från prognos: Övriga kostnader 53 (prognos 1${NBSP}885).`,
    );
    expect(other.title).toBe("Övriga driftskostnader");
  });
});

describe("calls per year alt text in other shapes of history", () => {
  const alt = async (points: CallsPerYearPoint[]) => (await callsPerYearChart(points)).alt;

  it("says when the latest year is the highest, and fills years absent from the input as gaps", async () => {
    expect(
      await alt([
        { year: 2015, calls: 10 },
        { year: 2016, calls: 30 },
        { year: 2020, calls: 40 },
      ]),
    ).toBe(
      "Linjediagram över antal inkomna samtal till stödtelefonen per helår 2015–2020. " +
        "År 2020 inkom 40 samtal, det högsta antalet under perioden; lägst var år 2015 (10); " +
        "uppgift saknas för 2017–2019.",
    );
  });

  it("compares the latest year with the last year at least as low, and names the lowest", async () => {
    expect(
      await alt([
        { year: 2019, calls: 40 },
        { year: 2020, calls: 100 },
        { year: 2021, calls: 200 },
        { year: 2022, calls: 300 },
        { year: 2023, calls: 150 },
      ]),
    ).toBe(
      "Linjediagram över antal inkomna samtal till stödtelefonen per helår 2019–2023. " +
        "Flest samtal inkom år 2022 (300); år 2023 inkom 150 samtal, det lägsta antalet sedan " +
        "2020 (100); lägst var år 2019 (40).",
    );
    expect(
      await alt([
        { year: 2022, calls: 300 },
        { year: 2023, calls: 300 },
      ]),
    ).toBe(
      "Linjediagram över antal inkomna samtal till stödtelefonen per helår 2022–2023. " +
        "Flest samtal inkom år 2022 (300); år 2023 inkom 300 samtal, lika många som år 2022.",
    );
  });

  it("has words for a history without any figure", async () => {
    expect(await alt([{ year: 2021, calls: null }])).toBe(
      "Linjediagram över antal inkomna samtal till stödtelefonen per helår 2021. " +
        "Uppgift saknas för samtliga år.",
    );
  });
});

describe("SVG", () => {
  it("uses Swedish number format and the documents' font", async () => {
    const { svg } = await callsPerYearChart(history);
    expect(svg).toContain(`>1${NBSP}019</text>`); // value label
    expect(svg).toContain(`>1${NBSP}000</text>`); // y axis
    expect(svg).toContain(">Antal samtal</text>");
    expect(svg).toContain(">År</text>");
    expect(svg).toContain('font-family="Source Sans 3"');
    expect(svg).not.toMatch(/font-family="(?!Source Sans 3")/);
    const finance = await financeCostsChart(costs, columns);
    expect(finance.svg).toContain(`>18${NBSP}420</text>`);
    expect(finance.svg).toContain(`>20${NBSP}000</text>`);
  });

  it("keeps every year on the axis and draws no mark for a year without a figure", async () => {
    const { svg } = await callsPerYearChart(history);
    const [xAxis] = markGroups(svg, "mark-text role-axis-label");
    const labels = texts(xAxis).map(Number);
    expect(labels).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    const axisX = new Map(labels.map((year, i) => [year, translateXs(xAxis ?? "")[i]]));

    const [symbols] = markGroups(svg, "mark-symbol role-mark");
    const pointXs = translateXs(symbols ?? "");
    expect(pointXs).toEqual(
      [2015, 2016, 2017, 2018, 2019, 2020, 2023].map((year) => axisX.get(year)),
    );
    // The line breaks at the gap: one subpath 2015–2020, one for 2023 alone.
    const [line] = markGroups(svg, "mark-line role-mark");
    const path = /<path[^>]* d="([^"]+)"/.exec(line ?? "")?.[1] ?? "";
    expect(path.match(/M/g)).toHaveLength(2);
    expect(svg.match(/>uppgift saknas<\/text>/g)).toHaveLength(2);
  });

  it("is the same bytes for the same input, with no generated ids", async () => {
    const first = await callsPerCountyChart(counties, { year: 2023 });
    await callsPerYearChart(history);
    const second = await callsPerCountyChart(counties, { year: 2023 });
    expect(second.svg).toBe(first.svg);
    const [a, b] = await Promise.all([
      exposureByTypeChart(exposure, { year: 2023 }),
      exposureByTypeChart(exposure, { year: 2023 }),
    ]);
    expect(b.svg).toBe(a.svg);
    expect(first.svg).not.toMatch(/\sid="/);
  });

  it("sorts counties by count, ties alphabetically, and puts Uppgift saknas last", async () => {
    const { svg } = await callsPerCountyChart(counties, { year: 2023 });
    const [, yAxis] = markGroups(svg, "mark-text role-axis-label");
    const labels = texts(yAxis);
    expect(labels.slice(0, 4)).toEqual(["Västra Götaland", "Skåne", "Östergötland", "Stockholm"]);
    expect(labels.slice(-3)).toEqual(["Gotland", "Jämtland", "Uppgift saknas"]);
  });

  it("escapes labels from data", async () => {
    const label = '<script>alert("x")</script> & Co';
    const chart = await callsPerCountyChart([{ label, count: 5 }], { year: 2023 });
    expect(chart.svg).not.toContain("<script");
    expect(chart.svg).toContain('>&lt;script&gt;alert("x")&lt;/script&gt; &amp; Co</text>');
    expect(chart.alt).toBe(`Stapeldiagram över samtal per län 2023: ${label} 5.`);
  });
});

describe("small-number suppression", () => {
  it("does not draw counts from 1 to suppressBelow, and says so", async () => {
    const chart = await callsPerCountyChart(counties, { year: 2023, suppressBelow: 9 });
    expect(chart.alt).toBe(
      "Stapeldiagram över samtal per län 2023: Västra Götaland 51, Skåne 27, Östergötland 27; " +
        "färre än 10 samtal för 7 län; uppgift om län saknas för 77 samtal.",
    );
    expect(chart.note).toBe("–: färre än 10 samtal, redovisas inte på grund av röjanderisk.");
    const [bars] = markGroups(chart.svg, "mark-rect role-mark");
    expect(bars?.match(/<path/g)).toHaveLength(22 - 7);
    expect(chart.svg.match(/>–<\/text>/g)).toHaveLength(7);
    for (const hidden of ["9", "8", "7", "5"]) expect(chart.svg).not.toContain(`>${hidden}</text>`);
    // Alphabetical, so the order does not tell the hidden counts.
    const [, yAxis] = markGroups(chart.svg, "mark-text role-axis-label");
    const labels = texts(yAxis);
    expect(labels.slice(-8)).toEqual([
      "Blekinge",
      "Gotland",
      "Jämtland",
      "Kronoberg",
      "Norrbotten",
      "Västerbotten",
      "Västernorrland",
      "Uppgift saknas",
    ]);
  });

  it("names up to three suppressed rows, and covers exposure and a small 'uppgift saknas'", async () => {
    const org = await callsPerOrganisationChart(organisations, { year: 2023, suppressBelow: 20 });
    expect(org.alt).toBe(
      "Stapeldiagram över samtal per organisation 2023: Socialtjänst 178, Skola/förskola 71, " +
        "Övrigt 33; färre än 21 samtal för Ideell organisation; uppgift om organisation saknas " +
        "för färre än 21 samtal.",
    );
    const exp = await exposureByTypeChart(exposure, { year: 2023, suppressBelow: 20 });
    expect(exp.alt).toContain("Könsstympning färre än 21;");
    expect(exp.svg).not.toContain(">19</text>");
  });
});

describe("PNG", () => {
  it("renders at 300 dpi by default, with the resolution in the file", async () => {
    const { svg } = await callsPerYearChart(history);
    const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
    const png = await renderChartPng(svg);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(Math.round((Number(width) * 300) / 96));
    expect(png.readUInt32BE(20)).toBe(Math.round((Number(height) * 300) / 96));
    expect(png.toString("latin1", 37, 41)).toBe("pHYs");
    expect(png.readUInt32BE(41)).toBe(11811); // pixels per metre = 300 dpi
    const small = await renderChartPng(svg, { dpi: 96 });
    expect(small.readUInt32BE(16)).toBe(Math.round(Number(width)));
    expect(await renderChartPng(svg)).toEqual(png);
  });
});

describe("specs", () => {
  it("ships a built-in spec for every chart", () => {
    expect(readdirSync(BUILTIN_CHART_DIR).sort()).toEqual(
      CHART_NAMES.map((name) => `${name}.vl.json`).sort(),
    );
  });

  it("uses <templates>/charts/<name>.vl.json over the built-in spec", async () => {
    const templatesDir = mkdtempSync(join(tmpdir(), "nch-charts-"));
    mkdirSync(join(templatesDir, "charts"));
    const override = join(templatesDir, "charts", "calls-per-county.vl.json");
    writeFileSync(
      override,
      JSON.stringify({
        data: { name: "values" },
        mark: { type: "bar", color: "#c0ffee" },
        encoding: {
          y: { field: "label", type: "nominal", title: "Län" },
          x: { field: "calls", type: "quantitative", axis: { format: ",d" } },
        },
      }),
    );
    expect(chartSpecPath("calls-per-county", templatesDir)).toBe(override);
    expect(chartSpecPath("calls-per-year", templatesDir)).toBe(
      join(BUILTIN_CHART_DIR, "calls-per-year.vl.json"),
    );
    const chart = await callsPerCountyChart([{ label: "Gotland", count: 1234 }], {
      year: 2023,
      templatesDir,
    });
    expect(chart.svg).toContain('fill="#c0ffee"');
    expect(chart.svg).toContain(">Län</text>");
    expect(chart.svg).toContain(`>1${NBSP}200</text>`); // the Swedish locale applies to overrides

    writeFileSync(override, "{ not json");
    await expect(callsPerCountyChart([], { year: 2023, templatesDir })).rejects.toBeInstanceOf(
      ChartSpecError,
    );
    writeFileSync(override, JSON.stringify({ data: { values: [] }, mark: "bar" }));
    await expect(callsPerCountyChart([], { year: 2023, templatesDir })).rejects.toThrow(
      /Unrecognized data set: values/,
    );
    writeFileSync(override, JSON.stringify({ data: { name: "values" }, mark: "nonsense" }));
    await expect(callsPerCountyChart([], { year: 2023, templatesDir })).rejects.toMatchObject({
      name: "ChartSpecError",
      file: override,
    });
  });

  it("loads vega, vega-lite and resvg only when a chart is rendered", () => {
    const dir = "src/output/charts";
    const staticImports = readdirSync(dir).flatMap((file) =>
      [...readFileSync(join(dir, file), "utf8").matchAll(/^import (?!type )[^;]*from "([^"]+)"/gm)]
        .map((m) => m[1])
        .filter((spec) => /^(vega|vega-lite|@resvg\/resvg-js)$/.test(spec ?? "")),
    );
    expect(staticImports).toEqual([]);
  });
});
