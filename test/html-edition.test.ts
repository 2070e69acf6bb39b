import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_CACHE } from "../src/cache-space.js";
import { loadYear } from "../src/load/dataset.js";
import { buildReportModel } from "../src/model/index.js";
import { chartCsv } from "../src/output/html/chart-html.js";
import { scopeTables } from "../src/output/html/fragment.js";
import { pageSlug, splitChapters } from "../src/output/html/pages.js";
import { htmlFiles } from "../src/output/html/site.js";
import {
  cachedPageSources,
  type PageSources,
  pageSources,
  placeOf,
} from "../src/output/html/sources.js";
import { personalDataGate } from "../src/output/personal-data-gate.js";
import type { RecipeContext } from "../src/output/recipe.js";
import { renderReport } from "../src/render/index.js";

// The HTML edition as `build --format html` writes it, from the shipped 2023 data.
const work = mkdtempSync(path.join(tmpdir(), "nch-html-"));
const env = { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: path.join(work, "cache") };
const build = (out: string, ...more: string[]) =>
  spawnSync(
    process.execPath,
    ["bin/nch-report.js", "build", "2023", "--out", out, "--quiet", ...more],
    {
      encoding: "utf8",
      env,
    },
  );
const first = path.join(work, "a");
const second = path.join(work, "b");
const page = (name: string) => readFileSync(path.join(first, "html", name), "utf8");
const pages = () => readdirSync(path.join(first, "html")).filter((f) => f.endsWith(".html"));

beforeAll(() => {
  expect(build(first, "--format", "html,md").status).toBe(0);
  // A second build, from the cache: the same bytes.
  expect(build(second, "--format", "html,md").status).toBe(0);
}, 180_000);

describe("build 2023 --format html", () => {
  it("writes one page per top-level chapter, listed in manifest.json with checksums", () => {
    expect(pages().sort()).toEqual([
      "1-arlig-redovisning-av-verksamheten-2023.html",
      "10-ovrigt-arbete.html",
      "2-verksamhetsutveckling.html",
      "3-regeringsuppdrag.html",
      "4-egeninitierade-uppdrag.html",
      "5-regionala-resurscentra-mot-hedersrelaterat-vald.html",
      "6-stod-till-yrkesverksamma.html",
      "7-nationell-funktion-for-stod-till-utsatta-och.html",
      "8-samverkan.html",
      "9-kommunikation.html",
      "finansiell-redovisning.html",
      "forord.html",
      "index.html",
      "kallforteckning.html",
      "sammanfattning.html",
    ]);
    const manifest = JSON.parse(readFileSync(path.join(first, "manifest.json"), "utf8"));
    const listed = manifest.outputs.map((o: { file?: string; name?: string }) => o.file ?? o.name);
    expect(listed).toContain("html/index.html");
    expect(listed).toContain("html/figurer/calls-per-year.csv");
    expect(listed).toContain("html/fonts/SourceSans3_400Regular.ttf");
    expect(Object.keys(manifest.converters)).toEqual(["pandoc", "pandoc-wasm"]);
  });

  it("is byte-identical for the same inputs", () => {
    const files = (dir: string) =>
      readdirSync(path.join(dir, "html"), { recursive: true }).map(String).sort();
    expect(files(second)).toEqual(files(first));
    for (const f of files(first).filter((f) => /\.(html|csv|css)$/.test(f)))
      expect(readFileSync(path.join(second, "html", f), "utf8"), f).toBe(
        readFileSync(path.join(first, "html", f), "utf8"),
      );
  });

  it("has language, skip link, landmarks and one h1 on every page", () => {
    for (const name of pages()) {
      const html = page(name);
      expect(html, name).toContain('<html lang="sv">');
      expect(html).toContain('<a class="skip" href="#innehall">Hoppa till innehållet</a>');
      expect(html).toContain('<main id="innehall" tabindex="-1">');
      expect(html).toContain('<nav class="chapters" aria-label="Kapitel">');
      expect(html).toContain(`<a href="${name}" aria-current="page">`);
      expect(html.match(/<h1\b/g)?.length, name).toBe(1);
    }
  });

  it("asks for nothing outside html/: every src and stylesheet is a file of the site", () => {
    for (const name of pages()) {
      const html = page(name);
      for (const m of html.matchAll(
        /<(?:img|script|link|iframe)\b[^>]*\s(?:src|href)="([^"]+)"/g,
      )) {
        expect(m[1], name).not.toMatch(/^(?:[a-z]+:|\/\/)/);
        expect(existsSync(path.join(first, "html", m[1] as string)), m[1]).toBe(true);
      }
      expect(html).not.toMatch(/<script/);
    }
    expect(readFileSync(path.join(first, "html", "style.css"), "utf8")).not.toMatch(
      /url\((?!"fonts\/)/,
    );
  });

  it("gives every table a caption and header cells with scope; numbers right-aligned", () => {
    const html = page("finansiell-redovisning.html");
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables.length).toBe(5);
    for (const table of tables) {
      expect(table).toMatch(/^<table>\s*<caption>/);
      expect(table).not.toMatch(/<th(?![^>]*scope="(?:col|row)")[\s>]/);
    }
    expect(html).toContain(
      '<details class="chart-data"><summary>Siffrorna i diagrammet ”Drifts- och lönekostnader”</summary>\n<table><caption>Drifts- och lönekostnader</caption>',
    );
    expect(html).toMatch(/<td class="num">18\u00a0420<\/td>/);
    // The grants table starts with its amounts: no row headers there.
    expect(html).toContain(
      '<td style="text-align: right;"><strong>13\u00a0913\u00a0620</strong></td>',
    );
  });

  it("puts each chart inline with its alt text, its figures in a table and as CSV", () => {
    const html = page("6-stod-till-yrkesverksamma.html");
    expect(html.match(/<svg role="img" aria-label="/g)?.length).toBe(4);
    expect(html).toContain(
      '<a href="figurer/calls-per-county.csv" download>Siffrorna i Figur 4 som CSV-fil</a>',
    );
    expect(html).toMatch(/<tr><th scope="row">2023<\/th><td class="num">395<\/td><\/tr>/);
    expect(html).not.toMatch(/\srole="graphics/);
    const csv = readFileSync(path.join(first, "html", "figurer", "calls-per-year.csv"), "utf8");
    expect(csv.split("\r\n").slice(0, 4)).toEqual([
      "\ufeffÅr,Antal samtal",
      "2015,298",
      "2016,455",
      "2017,600",
    ]);
    expect(csv).toContain("\r\n2021,\r\n");
  });

  it("numbers footnotes through the report as the PDF does, with their links on each page", () => {
    const notes = (name: string) => ({
      refs: [
        ...page(name).matchAll(
          /<a href="#fn(\d+)" class="footnote-ref" id="fnref(\d+)" role="doc-noteref"><sup>(\d+)<\/sup>/g,
        ),
      ].map((m) => [m[1], m[2], m[3]].join("/")),
      list: /<section id="footnotes"[^>]*>\s*<hr \/>\s*(<ol[^>]*>)/.exec(page(name))?.[1],
      items: [
        ...page(name).matchAll(
          /<li id="fn(\d+)">[\s\S]*?<a href="#fnref(\d+)" class="footnote-back"/g,
        ),
      ].map((m) => `${m[1]}/${m[2]}`),
    });
    expect(notes("2-verksamhetsutveckling.html")).toEqual({
      refs: ["1/1/1", "2/2/2", "3/3/3"],
      list: "<ol>",
      items: ["1/1", "2/2", "3/3"],
    });
    expect(notes("3-regeringsuppdrag.html")).toEqual({
      refs: ["4/4/4"],
      list: '<ol start="4">',
      items: ["4/4"],
    });
    expect(notes("4-egeninitierade-uppdrag.html")).toEqual({
      refs: ["5/5/5"],
      list: '<ol start="5">',
      items: ["5/5"],
    });
    expect(notes("7-nationell-funktion-for-stod-till-utsatta-och.html")).toEqual({
      refs: ["6/6/6", "7/7/7", "8/8/8"],
      list: '<ol start="6">',
      items: ["6/6", "7/7", "8/8"],
    });
    expect(page("7-nationell-funktion-for-stod-till-utsatta-och.html")).toMatch(
      /<li id="fn7"><p>Ansvariga för finansiering av telefonlinjen för våldsutövare/,
    );
  });

  it("folds the chapter list on a phone and shows it beside the text from 60rem", () => {
    const forord = page("forord.html");
    const nav =
      /<nav class="chapters" aria-label="Kapitel">([\s\S]*?)<\/nav>\n<main/.exec(forord)?.[1] ?? "";
    expect(nav).toMatch(/^\n<details class="narrow">\n<summary>Kapitel<\/summary>\n<ul>/);
    expect(nav).toContain('<div class="wide">\n<p class="nav-title">Kapitel</p>\n<ul>');
    expect(nav.match(/<a href="forord.html" aria-current="page">Förord<\/a>/g)).toHaveLength(2);
    const css = readFileSync(path.join(first, "html", "style.css"), "utf8");
    expect(css).toContain("nav.chapters .wide { display: none; }");
    expect(css).toContain(
      "  nav.chapters .narrow { display: none; }\n  nav.chapters .wide { display: block; }",
    );
  });

  it("lists in manifest.json the input lines each section prints, and finds a finding's place", () => {
    const manifest = JSON.parse(readFileSync(path.join(first, "manifest.json"), "utf8"));
    const sources = Object.fromEntries(
      Object.entries(manifest.sources as Record<string, PageSources>).map(([k, v]) => [
        k.replace(/^html\//, ""),
        v,
      ]),
    );
    const chapter7 = "7-nationell-funktion-for-stod-till-utsatta-och.html";
    expect(sources[chapter7]?.["utlysning-av-pilotverksamhet"]).toEqual([
      { file: "2023/chapters/08-nationell-funktion.md", line: 11 },
      { file: "2023/chapters/08-nationell-funktion.md", line: 13 },
      { file: "2023/chapters/08-nationell-funktion.md", line: 15 },
    ]);
    // A paragraph's line, the line between two paragraphs, a county's status report, a theme.
    expect(placeOf(sources, "2023/chapters/08-nationell-funktion.md", 13)).toBe(
      `${chapter7}#utlysning-av-pilotverksamhet`,
    );
    expect(placeOf(sources, "2023/chapters/08-nationell-funktion.md", 16)).toBe(
      `${chapter7}#utlysning-av-pilotverksamhet`,
    );
    const resurscentra = "5-regionala-resurscentra-mot-hedersrelaterat-vald.html";
    expect(placeOf(sources, "2023/counties/dalarna.yaml", 7)).toBe(`${resurscentra}#dalarna`);
    expect(placeOf(sources, "2023/chapters/01-sammanfattning.md", 1)).toBe(
      "sammanfattning.html#sammanfattning",
    );
    expect(placeOf(sources, "2023/support-line/calls.csv", 2)).toBeUndefined();
  });

  it("has the title page, colophon, Förord with signatures and the contents", () => {
    const index = page("index.html");
    expect(index).toContain("<h1>Årlig redovisning av verksamheten 2023</h1>");
    expect(index).toContain("<dt>ISBN</dt><dd>978-91-89819-08-5</dd>");
    expect(index).toContain('<nav class="contents" aria-labelledby="innehallsforteckning">');
    expect(index).toContain('<a href="forord.html">Förord</a>');
    expect(page("forord.html")).toMatch(/Linköping, den 1 mars 2024/);
    // No links to formats this build did not make.
    expect(index).not.toContain("report.pdf");
  });
});

describe("the HTML recipe on its own", () => {
  it("keeps data text literal: the injection fixture's markup is shown, never run", async () => {
    const { data } = await loadYear("test/fixtures/injection", 2025);
    const report = await renderReport(buildReportModel(data), { target: "pandoc" });
    const context = {
      data,
      stamp: "UTKAST · abc1234 · 2026-01-01",
      templatesDir: "test/fixtures/injection/templates",
      formats: ["html", "pdf", "docx"],
      cache: NO_CACHE,
    } as unknown as RecipeContext;
    const files = await htmlFiles(report, context);
    const html = files
      .filter((f) => f.name.endsWith(".html"))
      .map((f) => String(f.bytes))
      .join("\n");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script/);
    expect(html).not.toMatch(/<h\d[^>]*>Rubrik/);
    expect(html).toContain("{{supportLine.thisYear.total}}");
    expect(html).toContain('<p class="stamp">UTKAST · abc1234 · 2026-01-01</p>');
    expect(html).toContain('<li><a href="../report.pdf">Rapporten som PDF</a></li>');
    expect(html).toContain('<li><a href="../report.docx">Rapporten som Word-fil (DOCX)</a></li>');
  }, 60_000);

  it("cuts chapters at # headings outside code, and names pages in ASCII", () => {
    const { front, chapters } = splitChapters(
      "> notis\n# Förord\ntext\n```\n# kod\n```\n# 6. Stöd till yrkesverksamma\nx",
    );
    expect(front).toBe("> notis");
    expect(chapters).toEqual([
      "# Förord\ntext\n```\n# kod\n```",
      "# 6. Stöd till yrkesverksamma\nx",
    ]);
    expect(pageSlug("6. Stöd till yrkesverksamma {#stod}")).toBe("6-stod-till-yrkesverksamma");
    expect(pageSlug("???")).toBe("kapitel");
  });

  it("scopes header cells and quotes CSV fields, defusing spreadsheet formulas", () => {
    const table =
      "<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x</td>\n<td>1</td>\n</tr>\n</tbody>\n</table>";
    expect(scopeTables(table)).toBe(
      '<div class="table-wrap" tabindex="0"><table>\n<thead>\n<tr>\n<th scope="col">A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<th scope="row">x</th>\n<td>1</td>\n</tr>\n</tbody>\n</table></div>',
    );
    expect(
      chartCsv({
        columns: ["Län", "Antal"],
        rows: [
          ["=HYPERLINK(1)", -3],
          ['a, "b"', null],
        ],
      }),
    ).toBe('\ufeffLän,Antal\r\n\'=HYPERLINK(1),-3\r\n"a, ""b""",\r\n');
  });

  it("caches the pages' sources by the pages and the inputs' texts", async () => {
    const { data } = await loadYear("data", 2025);
    const kept = new Map<string, unknown>();
    let computed = 0;
    const cache = {
      read: () => undefined,
      write: async () => undefined,
      result: async <T>(entry: { key: string; compute: () => T | Promise<T> }) => {
        if (!kept.has(entry.key)) {
          computed++;
          kept.set(entry.key, structuredClone(await entry.compute()));
        }
        return kept.get(entry.key) as T;
      },
    };
    const pages = [
      { file: "forord.html", html: '<h1 id="forord">Förord</h1>\n<p>Ett år av arbete.</p>' },
    ];
    const first = await cachedPageSources(pages, data, cache);
    expect(first).toEqual(pageSources(pages, data));
    expect(await cachedPageSources(pages, data, cache)).toEqual(first);
    expect(computed).toBe(1);
    // Another page's HTML, or an input's text on another line, is another key.
    await cachedPageSources([{ file: "forord.html", html: "<p>Annat.</p>" }], data, cache);
    expect(computed).toBe(2);
    const moved = {
      ...data,
      chapters: data.chapters.map((c, i) => (i === 0 ? { ...c, text: `\n${c.text}` } : c)),
    };
    await cachedPageSources(pages, moved, cache);
    expect(computed).toBe(3);
  });

  it("the personal-data gate reads the HTML pages as a reader does", async () => {
    const { data } = await loadYear("data", 2023);
    const files = [
      { name: "html/forord.html", bytes: "<p>Ärende 850101<strong>-</strong>1236 avslutat.</p>" },
      { name: "html/kapitel.html", bytes: '<h2 id="arende-850101-1236">Ärende</h2>' },
    ];
    const found = await personalDataGate(files, {
      data,
      dataRoot: path.resolve("data"),
      outDir: path.resolve("dist/2023"),
    });
    expect(found.map((d) => [d.code, d.file])).toEqual([
      ["personal-data/in-output", "../dist/2023/html/forord.html"],
      ["personal-data/in-output", "../dist/2023/html/kapitel.html"],
    ]);
    expect(found[0]?.message).toContain(
      "A personnummer would be published in html/forord.html (its text)",
    );
  });
});
