import { beforeAll, describe, expect, it } from "vitest";
import type { RenderedReport } from "../src/render/index.js";
import { headingsOf, plainText } from "../src/render/toc.js";
import { renderYear } from "./render-year.js";

// The published 2023 report (seed 004) must come out of the build figure for figure.
// "~" stands for U+00A0 NO-BREAK SPACE in the expected rows: every thousands separator is one.
const nb = (row: string) => row.replaceAll("~", "\u00a0");

let gfm: RenderedReport;
let pandoc: RenderedReport;
beforeAll(async () => {
  [gfm, pandoc] = (await renderYear("data", 2023, ["gfm", "pandoc"])) as [
    RenderedReport,
    RenderedReport,
  ];
}, 60_000);

/** The rows of the pipe table that follows the line `caption` starts. */
function tableAfter(markdown: string, caption: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.includes(caption));
  expect(start, `no caption "${caption}"`).toBeGreaterThan(-1);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("|")) rows.push(line);
    else if (rows.length > 0) break;
  }
  return rows;
}

describe("2023: the published tables, figure for figure", () => {
  it("resultaträkning (tkr): stated totals, deviation, deviation % and upparbetningsgrad", () => {
    expect(tableAfter(gfm.markdown, "Tabell 2: Resultaträkning")).toEqual(
      [
        "| | Utfall jan–dec 2023 | Prognos 2 helår 2023 | Prognosavvikelse | Prognosavvikelse (%) | Upparbetningsgrad |",
        "|:--------------------------|---------:|---------:|---------:|---------:|---------:|",
        "| **Utfall** | 21~751 | 24~711 | 2~960 |  | 88~% |",
        "| ~~Summa intäkter | −317 | 0 | 317 |  |  |",
        "| ~~**Summa kostnader** | 22~068 | 24~711 | 2~643 |  |  |",
        "| ~~~~**Lönekostnader totalt** | 18~420 | 20~378 | 1~958 | 10~% | 90~% |",
        "| ~~~~~~Lönekostnader | 18~610 | 20~456 | 1~846 |  |  |",
        "| ~~~~~~Avsättningar löneskuld | −190 | 120 | 310 |  |  |",
        "| ~~~~~~Justeringspost | 0 | −198 | −198 |  |  |",
        "| ~~~~**Driftskostnader** | 3~648 | 4~333 | 685 | 16~% | 84~% |",
        "| ~~~~~~Resekostnader | 419 | 672 | 253 |  |  |",
        "| ~~~~~~Övriga personalkostnader | 946 | 704 | −242 |  |  |",
        "| ~~~~~~Lokalkostnader | 1 | 0 | −1 |  |  |",
        "| ~~~~~~Varor och avskrivningar | 137 | 20 | −117 |  |  |",
        "| ~~~~~~Extern representation | 4 | 7 | 3 |  |  |",
        "| ~~~~~~Intern representation | 5 | 8 | 3 |  |  |",
        "| ~~~~~~Information, post och telefon | 54 | 38 | −16 |  |  |",
        "| ~~~~~~Konsulttjänster/arvoden | 2~028 | 1~000 | −1~028 |  |  |",
        "| ~~~~~~Övriga kostnader | 53 | 1~885 | 1~832 |  |  |",
      ].map(nb),
    );
  });

  it("anslagsredovisning (kr), with Totalsumma at the foot as published", () => {
    expect(tableAfter(gfm.markdown, "Tabell 3: Anslagsredovisning")).toEqual(
      [
        "| | Projektsaldo 2023 | Prognos helår 2023 |",
        "|:--------------------------------|------------:|------------:|",
        "| **Kostnader** | 17~132~210 | 18~000~000 |",
        "| ~~Lönekostnader totalt | 848~912 | 706~188 |",
        "| ~~**Driftskostnader** | 2~071~036 | 2~210~534 |",
        "| ~~~~Information, post och telefon | 66~068 | 26~080 |",
        "| ~~~~Resekostnader | 61~533 | 33~861 |",
        "| ~~~~Övriga personalkostnader | 258~154 | 90~138 |",
        "| ~~~~Konsulttjänster/arvoden | 1~679~281 | 650~168 |",
        "| ~~~~Övriga kostnader | 6~000 | 1~410~286 |",
        "| ~~OH | 421~082 | 302~869 |",
        "| ~~**Totalt lämnade bidrag** | 13~791~180 | 14~780~410 |",
        "| ~~~~Lämnade bidrag | 13~791~180 | 14~780~410 |",
        "| **Totalsumma** | **17~132~210** | **18~000~000** |",
      ].map(nb),
    );
  });

  it("the ten grants paid, summing to 13 913 620", () => {
    expect(
      tableAfter(gfm.markdown, "Tabell 4: Lämnade bidrag till länsstyrelserna under 2023"),
    ).toEqual(
      [
        "| Belopp (kr) | Grupp | Leverantör | Bet.datum |",
        "|-----------:|:---------|:----------------------------|:-----------|",
        "| 1~105~000 | Grupp 3 | Länsstyrelsen i Örebro | 2023-12-11 |",
        "| 570~904 | Grupp 3 | Länsstyrelsen Västra Götaland | 2023-12-08 |",
        "| 855~000 | Grupp 3 | Länsstyrelsen Västra Götaland | 2023-12-08 |",
        "| 1~170~000 | Grupp 3 | Länsstyrelsen i Uppsala Län | 2023-12-08 |",
        "| 940~300 | Grupp 3 | Länsstyrelsen Jönköping | 2023-12-08 |",
        "| 2~032~000 | Grupp 2 | Länsstyrelsen i Västernorrlands län | 2023-12-11 |",
        "| 2~225~960 | Grupp 2 | Länsstyrelsen i Västmanlands Län | 2023-12-11 |",
        "| 1~786~000 | Grupp 2 | Länsstyrelsen Dalarna | 2023-12-11 |",
        "| 2~026~856 | Grupp 2 | Länsstyrelse Skåne | 2023-12-11 |",
        "| 1~201~600 | Grupp 3 | Länsstyrelsen i Jämtland | 2023-12-11 |",
        "| **13~913~620** | **Summa** | | |",
      ].map(nb),
    );
  });

  it("the sub-assignments with their ceilings", () => {
    expect(gfm.markdown).toContain(
      nb("Högst 1~000~000 kronor fick användas under 2023 för att fortsätta detta uppdrag"),
    );
    expect(gfm.markdown).toContain(
      nb("Högst 2~000~000 kronor fick användas under 2023 för att fortsätta detta uppdrag"),
    );
    expect(gfm.markdown).toContain(
      nb("För detta ändamål avsattes 15~000~000 kronor att fördela under 2023"),
    );
  });
});

describe("2023: figures in the prose come from the data, as published", () => {
  it.each([
    "Under 2023 har det inkommit 395 samtal till stödtelefonen, vilket är det lägsta antalet sedan 2015 (298 samtal). Flest samtal inkom 2019 men",
    "det framför allt är Västra Götaland (51 samtal) följt av Skåne (27 samtal) och Östergötland (27 samtal) som har kontaktat NCH under 2023. Det finns dock fler inkomna samtal (77 samtal) där information om län saknas.",
    "Under året har 2~028~000 kronor utgjorts av kostnader för upphandling av externa konsulter.",
    "löner (18~610~000 kronor), olika kompetensutvecklande- och företagshälsovårdliga insatser (946~000 kronor) och tjänsteresor (419~000 kronor)",
    "Under året har 13~913~620 kronor utgjorts av lämnade bidrag.",
    "NCH har under 2023 fördelat medel till tio län med elva verksamheter.",
    "I projektomgång 2 ingår fyra län.",
    "Linköping, den 1 mars 2024",
  ])("%s", (text) => {
    expect(gfm.markdown).toContain(nb(text));
  });
});

describe("2023: structure of seed 004", () => {
  it("has the published headings of levels 1–3, in order", () => {
    const headings = headingsOf(gfm.markdown)
      .filter((h) => h.level <= 3)
      .map((h) => plainText(h.markdown));
    // The table of contents of seed 004, with the body's spelling of 3.2 (the TOC says "könsstämpning").
    expect(headings).toEqual([
      "Årlig redovisning av verksamheten 2023",
      "Förord",
      "Innehållsförteckning",
      "Sammanfattning",
      "1. Årlig redovisning av verksamheten 2023",
      "1.1 Organisation",
      "1.2 Uppdrag",
      "1.3 Arbete framåt",
      "2. Verksamhetsutveckling",
      "2.1 Modell för resultatstyrning",
      "2.1.1 Arbetet under 2023",
      "2.1.2 Fortsatt arbete",
      "2.2 Omvärldsbevakningsarbete",
      "2.2.1 Arbetet under 2023",
      "2.2.2 Effekter av arbetet",
      "3. Regeringsuppdrag",
      "3.1 Myndighetsgemensamt uppdrag om information och vägledning i arbetet mot hedersrelaterad brottslighet",
      "3.1.1 Arbetet under 2023",
      "3.1.2 Fortsatt arbete",
      "3.1.3 Effekter av arbetet",
      "3.2 Uppdrag att förebygga och bekämpa könsstympning av flickor och kvinnor",
      "3.2.1 Arbetet under 2023",
      "3.2.2 Fortsatt arbete",
      "3.2.3 Effekter av arbetet",
      "4. Egeninitierade uppdrag",
      "4.1 Kartläggning av bortförda personer",
      "4.1.1 Arbetet under 2023",
      "4.1.2 Slutsatser och fortsatt arbete",
      "4.1.3 Effekter av arbetet",
      "5. Regionala resurscentra mot hedersrelaterat våld och förtryck",
      "5.1 Resurscentralänen",
      "5.1.1 Samlad lägesbild för resurscentralänen 2023",
      "5.1.2 Framgångsfaktorer",
      "5.1.3 Utmaningar",
      "5.2 Arbetet under 2023",
      "5.3 Fortsatt arbete 2024",
      "6. Stöd till yrkesverksamma",
      "6.1 Stödtelefonen för yrkesverksamma",
      "6.1.1 Antal samtal minskar",
      "6.1.2 Vilka ringer till stödtelefonen",
      "6.1.3 Vilken typ av utsatthet handlar samtalen om?",
      "6.1.4 Fortsatt arbete",
      "6.2 Kunskapshöjande insatser till yrkesverksamma",
      "6.2.1 Kunskapshöjande insatser under 2023",
      "6.2.2 Fortsatt arbete",
      "7. Nationell funktion för stöd till utsatta och deras närstående",
      "7.1 Arbetet under 2023",
      "7.2 Utlysning av pilotverksamhet",
      "7.3 Fortsatt arbete",
      "8. Samverkan",
      "8.1 Myndighetsnätverket",
      "8.2 Civilsamhället",
      "8.3 Deltagande i andra myndigheters nätverk",
      "8.3.1 Länsstyrelsenätverket",
      "8.3.2 Folkhälsomyndighetens nätverk",
      "8.3.3 Jämställdhetsmyndighetens nätverk",
      "8.3.4 Nationellt centrum för kvinnofrids (NCK:s) myndighetssamverkan och kunskapsutbyte för kvinnofrid",
      "8.3.5 Sveriges Kommuner och Regioners (SKR) kvinnofridsnätverk",
      "9. Kommunikation",
      "9.1 Webbplatsen hedersförtryck.se",
      "9.2 Sociala medier",
      "10. Övrigt arbete",
      "10.1 Remissyttranden",
      "10.2 Deltagande i uppdrag och utredningar",
      "Finansiell redovisning",
      "Resultaträkning",
      "Verksamhetens intäkter och kostnader",
      "Anslagsredovisning",
      "Särskilda jämställdhetsåtgärder inom utgiftsområde 13",
      "Källförteckning",
    ]);
  });

  it("numbers the rounds and themes under 5.1.1–5.1.3 and heads each operation", () => {
    const all = headingsOf(gfm.markdown).map(
      (h) => `${"#".repeat(h.level)} ${plainText(h.markdown)}`,
    );
    const from = all.indexOf("### 5.1.1 Samlad lägesbild för resurscentralänen 2023");
    const to = all.indexOf("## 5.2 Arbetet under 2023");
    const level4 = all.slice(from, to).filter((h) => h.startsWith("####"));
    expect(level4).toEqual([
      "#### 5.1.1.1 Projektomgång 2",
      "##### Dalarna",
      "##### Skåne",
      "##### Västernorrland",
      "##### Västmanland",
      "#### 5.1.1.2 Projektomgång 3",
      "##### Jämtland",
      "##### Jönköping",
      "##### Uppsala",
      "##### Västra Götaland Skaraborg",
      "##### Västra Götaland Älvsborg",
      "##### Örebro",
      "##### Östergötland",
      "#### 5.1.2.1 Aktörerna ser behovet av resurscentra",
      "#### 5.1.2.2 Att dra lärdomar av andra län",
      "#### 5.1.2.3 Organisera utifrån befintliga strukturer",
      "#### 5.1.3.1 Glesbygd",
      "#### 5.1.3.2 Intern samverkan och förankring",
      "#### 5.1.3.3 Lågkonjunkturen",
      "#### 5.1.3.4 Målgruppsanalys",
      "#### 5.1.3.5 Organisera utifrån befintliga strukturer",
      "#### 5.1.3.6 Rutiner och kunskaper brister gällande hedersrelaterat våld och förtryck",
      "#### 5.1.3.7 Skolan som aktör",
    ]);
  });

  it("numbers Figur 1–5 as published and leaves the finance charts unnumbered", () => {
    expect(gfm.charts.map((c) => c.caption)).toEqual([
      "Figur 1: Organisation",
      "Figur 2: antal inkomna samtal per helår, en jämförelse över tid för perioden 2015–2023",
      "Figur 3: antal samtal per organisation 2023",
      "Figur 4: antal samtal per län 2023",
      "Figur 5: typ av utsatthet, jämförelse för perioden 2022 och 2023",
      "Drifts- och lönekostnader",
      "Övriga driftskostnader",
    ]);
    expect(gfm.markdown).toContain(
      "*Figur 2: antal inkomna samtal per helår, en jämförelse över tid för perioden 2015–2023*\n\n![Linjediagram över antal inkomna samtal till stödtelefonen per helår 2015–2023",
    );
    expect(gfm.charts.every((c) => c.svg.startsWith("<svg") && c.alt.length > 20)).toBe(true);
  });

  it("links a table of contents after the Förord and its signatures (gfm only)", () => {
    expect(gfm.markdown).toContain(
      "Sandra Petersson\\\nAvdelningschef\n\n# Innehållsförteckning\n\n- [Förord](#förord)\n",
    );
    expect(gfm.markdown).toContain(
      "    - [5.1.1 Samlad lägesbild för resurscentralänen 2023](#511-samlad-lägesbild-för-resurscentralänen-2023)",
    );
    // No raw HTML (an autolink <https://…> is Markdown).
    expect(gfm.markdown).not.toMatch(/<!--|<(?!https?:)[a-z]/);
  });
});

describe("2023: the pandoc target for the DOCX/PDF recipes", () => {
  it("has no title page or Markdown TOC, and gives pandoc captions and alt text", () => {
    expect(pandoc.markdown.startsWith("# Förord\n")).toBe(true);
    expect(pandoc.markdown).not.toContain("Innehållsförteckning");
    expect(pandoc.markdown).toContain(
      "Table: Tabell 2: Resultaträkning, Verksamhetens intäkter och kostnader (tkr)",
    );
    expect(pandoc.markdown).toMatch(
      /!\[Figur 2: antal inkomna samtal per helår, en jämförelse över tid för perioden 2015–2023\]\(figurer\/calls-per-year\.png\)\{alt="Linjediagram [^"]+"\}/,
    );
    expect(pandoc.charts.map((c) => c.fileName)).toContain("figurer/calls-per-year.png");
    expect(pandoc.meta).toEqual({
      title: "Årlig redovisning av verksamheten 2023",
      lang: "sv-SE",
      year: 2023,
      illustrative: false,
      organisation: "Nationellt centrum mot hedersrelaterat våld och förtryck",
      publisher: "Länsstyrelsen Östergötland",
      isbn: "978-91-89819-08-5",
      reportNumber: "2024:2",
      registrationNumber: "2445-2024",
      published: 2024,
      signed: {
        place: "Linköping",
        date: "2024-03-01",
        by: [
          { name: "Carl Fredrik Graf", title: "Landshövding" },
          { name: "Sandra Petersson", title: "Avdelningschef" },
        ],
      },
      cover: {
        subtitle: "Nationellt centrum mot hedersrelaterat våld och förtryck",
        wordmark: "nch-ordmarke",
      },
      backCover: {
        lines: ["Länsstyrelsen Östergötland", "581 86 Linköping"],
        web: "www.lansstyrelsen.se/ostergotland",
      },
    });
  });

  it("keeps U+00A0 in numbers through pandoc: Word gets a no-break space, Typst a ~", async () => {
    const { convert } = await import("pandoc-wasm");
    const { strFromU8, unzipSync } = await import("fflate");
    const typst = await convert({ from: "markdown", to: "typst" }, pandoc.markdown, {});
    expect(typst.stdout).toContain("21~751");
    expect(typst.stdout).toContain("13~913~620 kronor");
    expect(typst.stdout).not.toMatch(/21 751|13 913 620/);
    const docx = await convert(
      { from: "markdown", to: "docx", "output-file": "r.docx" },
      pandoc.markdown,
      {},
    );
    const blob = docx.files["r.docx"] as Blob;
    const xml = strFromU8(
      unzipSync(new Uint8Array(await blob.arrayBuffer()))["word/document.xml"] as Uint8Array,
    );
    expect(xml).toContain("21\u00a0751");
    expect(xml).toContain("88\u00a0%");
  }, 60_000);

  it("renders the same inputs to the same bytes", async () => {
    const [again] = (await renderYear("data", 2023, ["gfm"])) as [RenderedReport];
    expect(again.markdown).toBe(gfm.markdown);
    expect(again.charts.map((c) => c.svg)).toEqual(gfm.charts.map((c) => c.svg));
  }, 30_000);
});
