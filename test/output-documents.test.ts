import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callsPerYearChart } from "../src/output/charts/index.js";
import type { DocumentInput } from "../src/output/document.js";
import { renderDocx } from "../src/output/docx.js";
import { releaseTypst, renderPdf } from "../src/output/pdf.js";

const meta = {
  title: "Årlig redovisning av verksamheten 2023",
  organisation: "Nationellt centrum mot hedersrelaterat våld och förtryck",
  publisher: "Länsstyrelsen Östergötland",
  isbn: "978-91-89819-08-5",
  reportNumber: "2024:2",
  registrationNumber: "2445-2024",
  published: 2024,
  cover: { subtitle: "Nationellt centrum mot hedersrelaterat våld och förtryck", wordmark: null },
  backCover: { lines: ["Länsstyrelsen Östergötland"], web: null },
  lang: "sv-SE",
};
const date = new Date("2024-03-01T00:00:00Z");
const INJECTION =
  "Data som text: #set page(fill: red) <script>alert(1)</script> $x^2$ {{supportLine.thisYear.total}} \\newpage @citat.";

let input: DocumentInput;
// The Typst compiler's private root is removed with the compiler (no exit hook in a test worker).
afterAll(releaseTypst);
beforeAll(async () => {
  const chart = await callsPerYearChart([
    { year: 2019, calls: 1019 },
    { year: 2020, calls: 784 },
    { year: 2021, calls: null },
    { year: 2023, calls: 395 },
  ]);
  input = {
    markdown: readFileSync("test/fixtures/output/report.pandoc.md", "utf8"),
    charts: [{ fileName: "figurer/samtal-per-ar.svg", svg: chart.svg, alt: chart.alt }],
    meta,
    wordmark: null,
  };
}, 30_000);

describe("DOCX", () => {
  let files: Record<string, string>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderDocx(input, "templates/reference.docx", {
      stamp: "UTKAST · 1a2b3c4 · 2024-03-01",
      date,
    });
    files = Object.fromEntries(
      Object.entries(unzipSync(bytes))
        .filter(([n]) => n.endsWith(".xml"))
        .map(([n, b]) => [n, strFromU8(b)]),
    );
  }, 60_000);

  it("has the title, Swedish language and the data's date in its properties, never the clock", () => {
    const core = files["docProps/core.xml"] ?? "";
    expect(core).toContain("<dc:title>Årlig redovisning av verksamheten 2023</dc:title>");
    expect(core).toContain("<dc:language>sv-SE</dc:language>");
    expect(core).toMatch(/<dcterms:created[^>]*>2024-03-01T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2024-03-01T00:00:00Z<\/dcterms:modified>/);
    expect(files["word/styles.xml"]).toContain('w:val="sv-SE"');
  });

  it("uses the house style: A4, Source Sans 3, heading styles, page numbers and the stamp on every page", () => {
    const document = files["word/document.xml"] ?? "";
    expect(document).toMatch(/<w:pgSz w:h="16838" w:w="11906" \/>/);
    expect(files["word/styles.xml"]).toContain('w:ascii="Source Sans 3"');
    expect(document).toContain('<w:pStyle w:val="Heading1" />');
    expect(document).toContain('<w:pStyle w:val="Heading2" />');
    expect(files["word/footer1.xml"]).toContain(
      '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
    );
    expect(files["word/header1.xml"]).toContain(">UTKAST · 1a2b3c4 · 2024-03-01</w:t>");
  });

  it("has a table of contents titled Innehållsförteckning as an updatable field", () => {
    const document = files["word/document.xml"] ?? "";
    expect(document).toContain("Innehållsförteckning");
    expect(document).toMatch(/TOC \\o &quot;1-3&quot;|TOC \\o "1-3"/);
  });

  it("marks table header rows and keeps the caption", () => {
    const document = files["word/document.xml"] ?? "";
    expect(document).toContain('<w:tblHeader w:val="on" />');
    expect(document).toContain("Tabell 1: Samtal per län 2023");
  });

  it("embeds the chart as PNG with its alt text as the image description", () => {
    const names = Object.keys(unzipSync(bytes));
    expect(names.some((n) => /^word\/media\/.*\.png$/.test(n))).toBe(true);
    expect(files["word/document.xml"]).toContain('descr="Linjediagram över antal samtal per år."');
  });

  it("stores the PNGs as they are and deflates the XML (zip method 0 and 8)", () => {
    const methods: Record<string, number> = {};
    unzipSync(bytes, {
      filter: (entry) => {
        methods[entry.name] = entry.compression;
        return false;
      },
    });
    const media = Object.keys(methods).filter((n) => n.startsWith("word/media/"));
    expect(media.length).toBeGreaterThan(0);
    for (const name of media) expect([name, methods[name]]).toEqual([name, 0]);
    expect(methods["word/document.xml"]).toBe(8);
    expect(methods["[Content_Types].xml"]).toBe(8);
  });

  it("keeps data text literal", () => {
    const text = (files["word/document.xml"] ?? "").replace(/<[^>]+>/g, "");
    expect(text).toContain(
      "Data som text: #set page(fill: red) &lt;script&gt;alert(1)&lt;/script&gt; $x^2$ {{supportLine.thisYear.total}} \\newpage @citat.",
    );
  });

  it("gives the same bytes for the same input", async () => {
    const again = await renderDocx(input, "templates/reference.docx", {
      stamp: "UTKAST · 1a2b3c4 · 2024-03-01",
      date,
    });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);
});

describe("PDF", () => {
  const options = {
    standard: "ua-1" as const,
    templatePath: "templates/typst/report.typ",
    fontDir: "templates/fonts",
    stamp: "Exempeldata",
    date,
  };
  let bytes: Uint8Array;
  let pdf: Awaited<ReturnType<typeof getDocument>["promise"]>;
  beforeAll(async () => {
    bytes = await renderPdf(input, options);
    pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  }, 60_000);

  async function pageText(n: number): Promise<string> {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    return content.items.map((i) => ("str" in i ? i.str : "")).join("");
  }

  it("is tagged PDF/UA-1 with title and Swedish language", async () => {
    const { info, metadata } = await pdf.getMetadata();
    expect((info as Record<string, unknown>).Title).toBe("Årlig redovisning av verksamheten 2023");
    expect((info as Record<string, unknown>).Language).toBe("sv-SE");
    expect(metadata?.get("pdfuaid:part")).toBe("1");
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
  });

  it("is A4 on every page, with the stamp and a page number", async () => {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      expect(page.view.map((v) => Math.round(v))).toEqual([0, 0, 595, 842]);
      expect(await pageText(n)).toContain("Exempeldata");
    }
    // The last page is the back cover, without a footer.
    const last = pdf.numPages - 1;
    expect(await pageText(last)).toMatch(new RegExp(`${last}$`));
  });

  it("has bookmarks from the headings and the colophon", async () => {
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual(["Förord", "6. Stöd till yrkesverksamma"]);
    expect(outline[1]?.items.map((o) => o.title)).toEqual(["6.1 Stödtelefonen för yrkesverksamma"]);
    expect(await pageText(2)).toContain("ISBN: 978-91-89819-08-5");
  });

  it("keeps data text literal", async () => {
    let all = "";
    for (let n = 1; n <= pdf.numPages; n++) all += await pageText(n);
    // Typst hyphenates long words at line ends ("\new-page"); the hyphen is layout, not text.
    expect(all.replace(/-/g, "").replace(/\s+/g, " ")).toContain(INJECTION);
  });

  it("gives the same bytes for the same input", async () => {
    const again = await renderPdf(input, options);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);
});
