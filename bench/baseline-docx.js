// P3 baseline (a): the irreducible DOCX work — load pandoc-wasm and convert the build's Markdown.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { convert } from "pandoc-wasm";

const dir = process.argv[2];
const markdown = readFileSync(path.join(dir, "report.pandoc.md"), "utf8");
const files = { "reference.docx": new Blob([readFileSync("templates/reference.docx")]) };
// Word needs PNG: rendering the charts from SVG is part of the irreducible DOCX work.
for (const name of readdirSync(path.join(dir, "figurer")).filter((n) => n.endsWith(".svg"))) {
  const svg = readFileSync(path.join(dir, "figurer", name));
  const png = new Resvg(svg, {
    fitTo: { mode: "zoom", value: 300 / 96 },
    font: {
      fontDirs: ["templates/fonts"],
      loadSystemFonts: false,
      defaultFontFamily: "Source Sans 3",
    },
  })
    .render()
    .asPng();
  files[name.replace(/\.svg$/, ".png")] = new Blob([png]);
}
const result = await convert(
  {
    from: "markdown",
    to: "docx",
    "output-file": "out.docx",
    "reference-doc": "reference.docx",
    "table-of-contents": true,
  },
  markdown.replace(/\]\(figurer\/([^)]+)\.(svg|png)\)/g, "]($1.png)"),
  files,
);
if (!result.files["out.docx"]) process.exitCode = 1;
