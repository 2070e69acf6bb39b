// Builds templates/reference.docx, the DOCX house style, from pandoc's own output:
// Source Sans 3, A4, Swedish, heading and table styles, page breaks, the title and page numbers
// in the footer, a stamp line, a back-cover style.
// Run after changing the style: node scripts/make-reference-docx.mjs
import { writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { convert } from "pandoc-wasm";

const FONT = "Source Sans 3";
const ACCENT = "1F3864";
const sample = `---
title: Titel
lang: sv-SE
---

# Rubrik 1

## Rubrik 2

### Rubrik 3

#### Rubrik 4

##### Rubrik 5

Brödtext med fotnot[^1].

- punkt

| Kolumn | Tal |
|:--|--:|
| a | 1 |

Table: Tabell 1: Tabelltext

[^1]: Fotnot.
`;

const result = await convert(
  { from: "markdown", to: "docx", "output-file": "r.docx", "table-of-contents": true },
  sample,
  {},
);
const files = unzipSync(new Uint8Array(await result.files["r.docx"].arrayBuffer()));
const text = (name) => strFromU8(files[name]);
const put = (name, value) => {
  files[name] = strToU8(value);
};

const fonts = `w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"`;
let styles = text("word/styles.xml")
  .replace(/<w:rFonts w:asciiTheme="minorHAnsi"[^>]*\/>/g, `<w:rFonts ${fonts} />`)
  .replace(/<w:rFonts w:asciiTheme="majorHAnsi"[^>]*\/>/g, `<w:rFonts ${fonts} />`)
  .replace(
    /<w:sz w:val="24" \/>\s*<w:szCs w:val="24" \/>(\s*<w:lang)/,
    '<w:sz w:val="22" />\n        <w:szCs w:val="22" />$1',
  )
  .replace(/<w:color w:themeColor="accent1"[^>]*\/>/g, `<w:color w:val="${ACCENT}" />`);
// Tables: thin grid, bold shaded header row (repeated on each page by pandoc's tblHeader).
styles = styles.replace(
  /<w:style w:default="1" w:styleId="Table" w:type="table">[\s\S]*?<\/w:style>/,
  `<w:style w:default="1" w:styleId="Table" w:type="table">
    <w:name w:val="Table" />
    <w:basedOn w:val="TableNormal" />
    <w:qFormat />
    <w:tblPr>
      <w:tblInd w:type="dxa" w:w="0" />
      <w:tblBorders>
        <w:top w:val="single" w:sz="4" w:space="0" w:color="808080" />
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080" />
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF" />
      </w:tblBorders>
      <w:tblCellMar>
        <w:top w:type="dxa" w:w="40" />
        <w:left w:type="dxa" w:w="108" />
        <w:bottom w:type="dxa" w:w="40" />
        <w:right w:type="dxa" w:w="108" />
      </w:tblCellMar>
    </w:tblPr>
    <w:tblStylePr w:type="firstRow">
      <w:rPr><w:b /></w:rPr>
      <w:tcPr>
        <w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="404040" /></w:tcBorders>
        <w:shd w:val="clear" w:color="auto" w:fill="D9E2F3" />
        <w:vAlign w:val="bottom" />
      </w:tcPr>
    </w:tblStylePr>
  </w:style>`,
);
// Page breaks as the published report has them: each chapter (and the TOC, based on Heading 1),
// the colophon (pandoc's abstract) and the back cover start a page; the title page is left-aligned.
const inStyle = (id, change) => {
  styles = styles.replace(
    new RegExp(`(<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>)`),
    (style) => change(style),
  );
};
inStyle("Heading1", (s) =>
  s.replace("<w:keepLines />", "<w:keepLines />\n      <w:pageBreakBefore />"),
);
inStyle("Abstract", (s) =>
  s.replace("<w:keepLines />", "<w:keepLines />\n      <w:pageBreakBefore />"),
);
inStyle("Title", (s) =>
  s
    .replace('<w:jc w:val="center" />', '<w:jc w:val="left" />')
    .replace(
      '<w:spacing w:after="80" w:line="240" w:lineRule="auto" />',
      '<w:spacing w:before="3400" w:after="240" w:line="240" w:lineRule="auto" />',
    ),
);
// The chart's title stands above it (src/output/docx-layout.ts) and keeps with it.
styles = styles.replace(
  /(<w:style [^>]*w:styleId="ImageCaption"[^>]*>[\s\S]*?<w:basedOn w:val="Caption" \/>)/,
  "$1\n    <w:pPr><w:keepNext /></w:pPr>",
);
inStyle("Author", (s) =>
  s.replace("<w:keepLines />", '<w:keepLines />\n      <w:spacing w:before="240" />'),
);
inStyle("Date", (s) =>
  s.replace("<w:keepLines />", '<w:keepLines />\n      <w:spacing w:before="4400" />'),
);
// Table text 10 pt, header row 9 pt: the widths src/output/table-widths.ts computes assume these.
styles = styles.replace(
  '<w:tblStylePr w:type="firstRow">\n      <w:rPr><w:b /></w:rPr>',
  '<w:tblStylePr w:type="firstRow">\n      <w:rPr><w:b /><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>',
);
styles = styles.replace(
  "    </w:tblPr>\n    <w:tblStylePr",
  '    </w:tblPr>\n    <w:rPr><w:sz w:val="20" /><w:szCs w:val="20" /></w:rPr>\n    <w:tblStylePr',
);
styles = styles.replace(
  "</w:styles>",
  `<w:style w:customStyle="1" w:styleId="BackCover" w:type="paragraph"><w:name w:val="Back Cover" /><w:basedOn w:val="Normal" /><w:qFormat /><w:pPr><w:pageBreakBefore /><w:spacing w:before="9000" w:after="0" /><w:jc w:val="center" /></w:pPr><w:rPr><w:b /><w:color w:val="${ACCENT}" /><w:sz w:val="24" /><w:szCs w:val="24" /></w:rPr></w:style></w:styles>`,
);
put("word/styles.xml", styles);

// Font table: Word substitutes Arial where Source Sans 3 is not installed.
put(
  "word/fontTable.xml",
  text("word/fontTable.xml").replace(
    /<\/w:fonts>/,
    `<w:font w:name="${FONT}"><w:altName w:val="Arial" /><w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font></w:fonts>`,
  ),
);

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
// The stamp line ("UTKAST · commit · datum", "Exempeldata") is filled in per build.
put(
  "word/header1.xml",
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ${W}><w:p><w:pPr><w:pStyle w:val="Header" /><w:jc w:val="right" /></w:pPr><w:r><w:rPr><w:b /><w:color w:val="C00000" /></w:rPr><w:t xml:space="preserve">NCH_REPORT_STAMP</w:t></w:r></w:p></w:hdr>`,
);
put(
  "word/footer1.xml",
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr ${W}><w:p><w:pPr><w:pStyle w:val="Footer" /><w:tabs><w:tab w:val="clear" w:pos="4536" /><w:tab w:val="clear" w:pos="9072" /><w:tab w:val="right" w:pos="9072" /></w:tabs></w:pPr><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t xml:space="preserve">NCH_REPORT_TITLE</w:t></w:r><w:r><w:tab /></w:r><w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p></w:ftr>`,
);
put(
  "word/_rels/document.xml.rels",
  text("word/_rels/document.xml.rels").replace(
    "</Relationships>",
    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Id="rIdNchHeader" Target="header1.xml" /><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Id="rIdNchFooter" Target="footer1.xml" /></Relationships>',
  ),
);
put(
  "[Content_Types].xml",
  text("[Content_Types].xml").replace(
    "</Types>",
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" /><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>',
  ),
);
// A4 with 2.5 cm margins; header and footer on every page.
put(
  "word/document.xml",
  text("word/document.xml").replace(
    /<w:sectPr>[\s\S]*<\/w:sectPr>/,
    `<w:sectPr><w:headerReference w:type="default" r:id="rIdNchHeader" /><w:footerReference w:type="default" r:id="rIdNchFooter" /><w:footnotePr><w:numRestart w:val="continuous" /></w:footnotePr><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0" /></w:sectPr>`,
  ),
);

const fixed = new Date(Date.UTC(2024, 0, 1));
const names = Object.keys(files).sort((a, b) =>
  a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a.localeCompare(b),
);
const ordered = Object.fromEntries(names.map((n) => [n, [files[n], { mtime: fixed }]]));
writeFileSync(
  new URL("../templates/reference.docx", import.meta.url),
  zipSync(ordered, { level: 9 }),
);
console.log("wrote templates/reference.docx");
