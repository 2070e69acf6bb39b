import { strFromU8, unzipSync } from "fflate";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { textWidth } from "../src/output/charts/font-metrics.js";
import { documentInput } from "../src/output/document.js";
import { renderDocx } from "../src/output/docx.js";
import { obfuscateFont } from "../src/output/docx-layout.js";
import { renderPdf } from "../src/output/pdf.js";
import type { RenderedReport } from "../src/render/index.js";
import { renderYear } from "./render-year.js";

// Layout checks of the 2023 report as a reader gets it, read back from the PDF and the DOCX XML.
const date = new Date("2024-03-01T00:00:00Z");
let report: RenderedReport;
beforeAll(async () => {
  [report] = (await renderYear("data", 2023, ["pandoc"])) as [RenderedReport];
}, 120_000);

/** A page's text with pdfjs' line ends as "\n". */
async function pageLines(pdf: PDFDocumentProxy, n: number): Promise<string[]> {
  const content = await (await pdf.getPage(n)).getTextContent();
  let text = "";
  for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
  return text.split("\n").map((l) => l.trim());
}

// A line may end after "/" ("Konsulttjänster/ arvoden"): a break without a hyphen.
const oneLine = (lines: readonly string[]) =>
  lines.join(" ").replace(/\s+/g, " ").replace(/\/ /g, "/");

describe("PDF layout", () => {
  let pdf: PDFDocumentProxy;
  let pages: string[][];
  let outline: { title: string; page: number; level: number }[];
  beforeAll(async () => {
    const bytes = await renderPdf(documentInput(report), {
      standard: "ua-1",
      templatePath: "templates/typst/report.typ",
      fontDir: "templates/fonts",
      stamp: "",
      date,
    });
    pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await pageLines(pdf, n));
    outline = [];
    const walk = async (
      items: Awaited<ReturnType<PDFDocumentProxy["getOutline"]>>,
      level: number,
    ) => {
      for (const item of items) {
        const dest =
          typeof item.dest === "string" ? await pdf.getDestination(item.dest) : item.dest;
        const page = (await pdf.getPageIndex(dest?.[0] as never)) + 1;
        outline.push({ title: item.title, page, level });
        await walk(item.items, level + 1);
      }
    };
    await walk(await pdf.getOutline(), 1);
  }, 180_000);

  it("opens with the cover, the colophon, the Förord and then the table of contents", () => {
    expect(pages[0]).toEqual([
      "Årlig redovisning av verksamheten",
      "2023",
      "Nationellt centrum mot hedersrelaterat våld och förtryck",
      "Nationellt centrum",
      "mot hedersrelaterat våld och förtryck",
      "Länsstyrelsen Östergötland",
    ]);
    expect(pages[2]?.[0]).toBe("Förord");
    expect(pages[3]?.[0]).toBe("Innehållsförteckning");
    expect(pages.at(-1)).toEqual([
      "Länsstyrelsen Östergötland",
      "581 86 Linköping",
      "www.lansstyrelsen.se/ostergotland",
    ]);
  });

  it("starts every chapter at the top of a page", () => {
    const chapters = outline.filter((o) => o.level === 1);
    expect(chapters.map((c) => c.title)).toContain("6. Stöd till yrkesverksamma");
    for (const chapter of chapters)
      expect(oneLine(pages[chapter.page - 1] ?? []).startsWith(chapter.title), chapter.title).toBe(
        true,
      );
  });

  it("never hyphenates a heading or a table-of-contents entry", () => {
    const tocPages = pages.filter((_, i) => pages[i]?.[0] === "Innehållsförteckning" || i === 4);
    const toc = oneLine(tocPages.flat());
    for (const heading of outline) {
      expect(oneLine(pages[heading.page - 1] ?? [])).toContain(heading.title);
      if (heading.level <= 3) expect(toc).toContain(heading.title);
    }
    expect(outline.map((o) => o.title)).toContain(
      "8.3.4 Nationellt centrum för kvinnofrids (NCK:s) myndighetssamverkan och kunskapsutbyte för kvinnofrid",
    );
  });

  it("keeps every table whole on one page, header words unbroken and total rows included", () => {
    const tables: string[][] = [
      ["Projektomgång", "Genomförandefas", "Västernorrland", "Älvsborg (RCH", "Östergötland"],
      [
        "Prognosavvikelse",
        "Upparbetningsgrad",
        "Utfall",
        "Konsulttjänster/arvoden",
        "Övriga kostnader 53 1 885 1 832",
      ],
      ["Projektsaldo 2023", "Kostnader", "Totalt lämnade bidrag", "Totalsumma"],
      ["Belopp (kr)", "Leverantör", "Länsstyrelsen i Örebro", "13 913 620", "Summa"],
    ];
    for (const cells of tables) {
      const page = pages.find((p) => oneLine(p).includes(cells[0] as string));
      expect(page, cells[0]).toBeDefined();
      for (const cell of cells) expect(oneLine(page ?? [])).toContain(cell);
    }
    const hyphenatedHeader = /(Progno|Uppar|Projekt|Genomföran)[a-zåäö]*-$/;
    expect(pages.flat().filter((line) => hyphenatedHeader.test(line))).toEqual([]);
  });
});

describe("DOCX layout", () => {
  let files: Record<string, Uint8Array>;
  const xml = (name: string) => strFromU8(files[name] as Uint8Array);
  beforeAll(async () => {
    const bytes = await renderDocx(documentInput(report), "templates/reference.docx", {
      stamp: "",
      date,
    });
    files = unzipSync(bytes);
  }, 180_000);

  it("starts the colophon, each chapter, the TOC and the back cover on a new page", () => {
    const styles = xml("word/styles.xml");
    for (const id of ["Heading1", "Abstract", "BackCover"]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
      expect(style?.[0], id).toContain("<w:pageBreakBefore />");
    }
    expect(styles).toMatch(/w:styleId="TOCHeading"[\s\S]*?<w:basedOn w:val="Heading1" \/>/);
    const document = xml("word/document.xml");
    const back =
      /<w:p><w:pPr><w:pStyle w:val="BackCover" \/>[\s\S]*?<\/w:p>/.exec(document)?.[0] ?? "";
    const text = back
      .replace(/<w:br \/>/g, "|")
      .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, "$1")
      .replace(/<[^>]+>/g, "");
    expect(text).toBe(
      "Länsstyrelsen Östergötland|581 86 Linköping|www.lansstyrelsen.se/ostergotland",
    );
  });

  it("has a filled-in table of contents after the Förord, linked to the headings and marked for update", () => {
    const document = xml("word/document.xml");
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(document)?.[0] ?? "";
    expect(toc).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true" />');
    const anchors = [...toc.matchAll(/<w:hyperlink w:anchor="([^"]+)"/g)].map((m) => m[1]);
    // Every heading of levels 1–3 of the report (# to ### in its Markdown).
    expect(anchors.length).toBe(
      report.markdown.split("\n").filter((l) => /^#{1,3} /.test(l)).length,
    );
    expect(anchors.length).toBe(68);
    for (const anchor of anchors) expect(document).toContain(`w:name="${anchor}"`);
    expect(toc).toContain(
      '<w:t xml:space="preserve">5.1.1 Samlad lägesbild för resurscentralänen 2023</w:t>',
    );
    const at = (text: string) => document.indexOf(text);
    expect(at('w:name="förord"')).toBeLessThan(at("<w:sdt>"));
    expect(at("<w:sdt>")).toBeLessThan(at('w:name="sammanfattning"'));
  });

  it("sets each table's columns at least as wide as its longest header word", () => {
    const document = xml("word/document.xml");
    const table = document.slice(document.indexOf("Resurscentraverksamheterna 2023"));
    const grid = [
      ...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(table)?.[1] ?? "").matchAll(/w:w="(\d+)"/g),
    ].map((m) => Number(m[1]));
    const headers = ["Län", "Verksamhet", "Projektomgång", "Fas", "Operativt", "Huvudman"];
    expect(grid).toHaveLength(6);
    const total = grid.reduce((a, b) => a + b, 0);
    headers.forEach((word, i) => {
      // The grid is scaled to the page's text width (9072 twips); the word plus Word's cell margins.
      const needed = (textWidth(word, 9, 700) + 10.8) * 20;
      expect((grid[i] as number) * (9072 / total)).toBeGreaterThan(needed);
    });
  });

  it("indents the resultaträkning's labels by paragraph, so a wrapped label keeps its indent", () => {
    const document = xml("word/document.xml");
    expect(document).toContain(
      '<w:ind w:left="76" /><w:jc w:val="left" /></w:pPr><w:r><w:t xml:space="preserve">Summa intäkter</w:t>',
    );
    expect(document).toContain(
      '<w:ind w:left="228" /><w:jc w:val="left" /></w:pPr><w:r><w:t xml:space="preserve">Resekostnader</w:t>',
    );
  });

  it("embeds Source Sans 3 as obfuscated TrueType fonts", () => {
    const table = xml("word/fontTable.xml");
    const embedded =
      /<w:font w:name="Source Sans 3">[\s\S]*?<w:embedRegular r:id="(\w+)" w:fontKey="(\{[^}]+\})" \/>/.exec(
        table,
      );
    expect(embedded).not.toBeNull();
    const rels = xml("word/_rels/fontTable.xml.rels");
    const target = new RegExp(`Id="${embedded?.[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const font = obfuscateFont(files[`word/${target}`] as Uint8Array, embedded?.[2] as string);
    expect([...font.slice(0, 4)]).toEqual([0, 1, 0, 0]);
    expect(xml("word/settings.xml")).toContain("<w:embedTrueTypeFonts />");
  });

  it("puts a chart's title above it and its provenance note below it", () => {
    const document = xml("word/document.xml");
    const title = document.indexOf(
      '<w:t xml:space="preserve">Figur 3: antal samtal per organisation 2023</w:t>',
    );
    const chart = document.indexOf('<w:pStyle w:val="CaptionedFigure" />', title);
    const note = document.indexOf(
      "Uppgifterna per organisation är rekonstruerade så att de ger de publicerade totalerna",
      chart,
    );
    expect(title).toBeGreaterThan(-1);
    expect(chart - title).toBeLessThan(200);
    expect(note - chart).toBeGreaterThan(0);
    expect(note - chart).toBeLessThan(3000);
  });

  it("uses Swedish quotation marks, continuous footnotes and the title in the footer", () => {
    const document = xml("word/document.xml");
    expect(document).not.toContain("\u201c");
    expect(document).toContain("\u201dsamtliga\u201d");
    expect(document).toContain('<w:numRestart w:val="continuous" />');
    expect(xml("word/footer1.xml")).toContain(
      '<w:t xml:space="preserve">Årlig redovisning av verksamheten 2023</w:t>',
    );
  });
});
