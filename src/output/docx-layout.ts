import { strFromU8, strToU8 } from "fflate";
import { escapeXml } from "../text/xml.js";

/**
 * What pandoc's DOCX lacks for a finished Swedish report, added to its XML: Swedish quotation
 * marks, footnotes numbered through the document, a table of contents already filled in (so
 * viewers that never update fields show it) at the place the report marks, and the title in the
 * footer. Fonts are embedded by embedFonts.
 */

/** Placeholder in the reference document's footer that each build replaces with the title. */
export const TITLE_PLACEHOLDER = "NCH_REPORT_TITLE";

/** Text width of A4 with 2.5 cm margins, in twentieths of a point: the TOC's right tab. */
const TEXT_WIDTH_TWIPS = 9072;

/** Pandoc writes English quotes (“…”, ‘…’); Swedish uses ”…” and ’…’ (as the PDF has). */
export function swedishQuotes(xml: string): string {
  return xml.replace(/\u201c/g, "\u201d").replace(/\u2018/g, "\u2019");
}

/** Pandoc restarts footnote numbers per section, which LibreOffice shows as per page. */
export function continuousFootnotes(xml: string): string {
  return xml.replace(
    /<w:numRestart w:val="eachSect"\s*\/>/g,
    '<w:numRestart w:val="continuous" />',
  );
}

interface TocEntry {
  level: number;
  anchor: string;
  text: string;
}

const HEADING =
  /<w:bookmarkStart w:id="\d+" w:name="([^"]+)"\s*\/>\s*<w:p><w:pPr><w:pStyle w:val="Heading([1-3])"\s*\/>[\s\S]*?<\/w:p>/g;

/** Headings of levels 1–3 with the bookmark pandoc put before each. */
function tocEntries(xml: string): TocEntry[] {
  return [...xml.matchAll(HEADING)].map((m) => ({
    anchor: m[1] as string,
    level: Number(m[2]),
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  }));
}

function tocParagraph(entry: TocEntry, fieldStart: string): string {
  const indent = (entry.level - 1) * 240;
  return `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}" /><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH_TWIPS}" /></w:tabs><w:spacing w:before="0" w:after="60" /><w:ind w:left="${indent}" /></w:pPr>${fieldStart}<w:hyperlink w:anchor="${entry.anchor}" w:history="1"><w:r><w:t xml:space="preserve">${entry.text}</w:t></w:r><w:r><w:tab /></w:r><w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF ${entry.anchor} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r></w:hyperlink></w:p>`;
}

const TOC_SDT =
  /<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"[\s\S]*?<\/w:sdt>/;
const TOC_FIELD =
  /<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"\s*\/><w:instrText xml:space="preserve">(TOC [^<]*)<\/w:instrText><w:fldChar w:fldCharType="separate"\s*\/><w:fldChar w:fldCharType="end"\s*\/><\/w:r><\/w:p>/;
/** The report's marker ([]{#nch-toc}): a paragraph with nothing but its bookmark. */
const TOC_MARKER =
  /<w:p><w:pPr><w:pStyle w:val="[^"]*" \/><\/w:pPr><w:bookmarkStart w:id="(\d+)" w:name="nch-toc"\s*\/><w:bookmarkEnd w:id="\1"\s*\/><\/w:p>/;

/**
 * The TOC field with its entries filled in — each a link to its heading, page numbers as PAGEREF
 * fields — still marked dirty so Word refreshes the page numbers; moved to the report's marker.
 */
export function filledToc(xml: string): string {
  const sdt = TOC_SDT.exec(xml)?.[0];
  if (!sdt) return xml;
  const entries = tocEntries(xml);
  const filled = sdt.replace(TOC_FIELD, (_, instruction: string) => {
    const begin = `<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r>`;
    const paragraphs = entries.map((e, i) => tocParagraph(e, i === 0 ? begin : ""));
    const end = '<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>';
    return entries.length === 0 ? _ : `${paragraphs.join("")}${end}`;
  });
  if (!TOC_MARKER.test(xml)) return xml.replace(sdt, filled);
  return xml.replace(sdt, "").replace(TOC_MARKER, filled);
}

const FIGURE_AND_CAPTION =
  /(<w:p><w:pPr><w:pStyle w:val="CaptionedFigure" \/><\/w:pPr>(?:(?!<\/w:p>)[\s\S])*<\/w:p>)\s*<w:p><w:pPr><w:pStyle w:val="ImageCaption" \/><\/w:pPr>((?:(?!<\/w:p>)[\s\S])*)<\/w:p>/g;
const NOTE_BREAK = "<w:r><w:br /></w:r>";

/**
 * The chart's title above the chart, as published (pandoc puts the caption below); a provenance
 * note, on the caption's second line, stays below it. The caption style keeps with the next paragraph.
 */
export function captionsAbove(xml: string): string {
  return xml.replace(FIGURE_AND_CAPTION, (_, figure: string, runs: string) => {
    const split = runs.indexOf(NOTE_BREAK);
    const title = split === -1 ? runs : runs.slice(0, split);
    const note = split === -1 ? "" : runs.slice(split + NOTE_BREAK.length);
    const paragraph = (content: string) =>
      `<w:p><w:pPr><w:pStyle w:val="ImageCaption" /></w:pPr>${content}</w:p>`;
    return `${paragraph(title)}${figure}${note ? paragraph(note) : ""}`;
  });
}

const INDENTED_CELL =
  /<w:p><w:pPr><w:pStyle w:val="Compact" \/>((?:<w:jc [^>]*\/>)?)<\/w:pPr>(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:t xml:space="preserve">)(\u00a0+)/g;
/** One no-break space of 10 pt Source Sans 3, in twentieths of a point. */
const NBSP_TWIPS = 38;

/**
 * A table label indented with no-break spaces ({{indent depth}}) gets a paragraph indent instead,
 * so that its second line keeps the indent when the label wraps.
 */
export function indentedCells(xml: string): string {
  return xml.replace(
    INDENTED_CELL,
    (_, jc: string, run: string, spaces: string) =>
      `<w:p><w:pPr><w:pStyle w:val="Compact" /><w:ind w:left="${spaces.length * NBSP_TWIPS}" />${jc}</w:pPr>${run}`,
  );
}

/** The title in the running footer (the reference document has a placeholder). */
export function footerTitle(xml: string, title: string): string {
  return xml.replace(TITLE_PLACEHOLDER, escapeXml(title));
}

/** Applies the text rewrites to the parts that have text. */
export function layoutDocx(files: Record<string, Uint8Array>, title: string): void {
  const rewrite = (name: string, change: (xml: string) => string) => {
    const part = files[name];
    if (part) files[name] = strToU8(change(strFromU8(part)));
  };
  rewrite("word/document.xml", (xml) =>
    filledToc(captionsAbove(indentedCells(continuousFootnotes(swedishQuotes(xml))))),
  );
  rewrite("word/footnotes.xml", swedishQuotes);
  for (const name of Object.keys(files).filter((n) => /^word\/footer\d*\.xml$/.test(n)))
    rewrite(name, (xml) => footerTitle(xml, title));
}

/** Source Sans 3 as Word embeds fonts: one obfuscated TrueType file per style. */
export interface EmbeddedFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

const FONT_NAME = "Source Sans 3";
// Fixed keys keep the DOCX byte-identical from build to build.
const FONT_KEYS: Record<keyof EmbeddedFonts, string> = {
  regular: "{4E434852-0001-4000-8000-536F75726365}",
  bold: "{4E434852-0002-4000-8000-536F75726365}",
  italic: "{4E434852-0003-4000-8000-536F75726365}",
  boldItalic: "{4E434852-0004-4000-8000-536F75726365}",
};
const ELEMENTS: Record<keyof EmbeddedFonts, string> = {
  regular: "embedRegular",
  bold: "embedBold",
  italic: "embedItalic",
  boldItalic: "embedBoldItalic",
};

/** ECMA-376 font obfuscation: the first 32 bytes XORed with the key's bytes, last hex pair first. */
export function obfuscateFont(font: Uint8Array, guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, "");
  const key = Array.from({ length: 16 }, (_, i) =>
    Number.parseInt(hex.slice(30 - 2 * i, 32 - 2 * i), 16),
  );
  const out = new Uint8Array(font);
  for (let i = 0; i < 32; i++) out[i] = (out[i] as number) ^ (key[i % 16] as number);
  return out;
}

/** Embeds the fonts in the DOCX (Word and LibreOffice use them where Source Sans 3 is not installed). */
export function embedFonts(files: Record<string, Uint8Array>, fonts: EmbeddedFonts): void {
  const styles = Object.keys(fonts) as (keyof EmbeddedFonts)[];
  styles.forEach((style, i) => {
    files[`word/fonts/font${i + 1}.odttf`] = obfuscateFont(fonts[style], FONT_KEYS[style]);
  });
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
  files["word/_rels/fontTable.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${styles.map((_, i) => `<Relationship Id="rIdFont${i + 1}" Type="${rel}" Target="fonts/font${i + 1}.odttf" />`).join("")}</Relationships>`,
  );
  const embeds = styles
    .map((s, i) => `<w:${ELEMENTS[s]} r:id="rIdFont${i + 1}" w:fontKey="${FONT_KEYS[s]}" />`)
    .join("");
  const entry = `<w:font w:name="${FONT_NAME}"><w:altName w:val="Arial" /><w:charset w:val="00" /><w:family w:val="swiss" /><w:pitch w:val="variable" />${embeds}</w:font>`;
  const table = strFromU8(files["word/fontTable.xml"] ?? strToU8("<w:fonts></w:fonts>"))
    .replace(new RegExp(`<w:font w:name="${FONT_NAME}">[\\s\\S]*?</w:font>`), "")
    .replace(
      /<w:fonts([^>]*)>/,
      (_, attrs: string) =>
        `<w:fonts${attrs.includes("xmlns:r=") ? attrs : `${attrs} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`}>${entry}`,
    );
  files["word/fontTable.xml"] = strToU8(table);
  const types = strFromU8(files["[Content_Types].xml"] as Uint8Array);
  if (!types.includes('Extension="odttf"'))
    files["[Content_Types].xml"] = strToU8(
      types.replace(
        /(<Types[^>]*>)/,
        '$1<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" />',
      ),
    );
  const settings = strFromU8(files["word/settings.xml"] as Uint8Array);
  if (!settings.includes("w:embedTrueTypeFonts"))
    files["word/settings.xml"] = strToU8(
      settings.replace(/(<w:settings[^>]*>)/, "$1<w:embedTrueTypeFonts />"),
    );
}
