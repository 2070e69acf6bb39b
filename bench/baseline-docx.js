// P3 baseline (a): the irreducible DOCX work — load pandoc-wasm and convert the build's Markdown.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { convert } from "pandoc-wasm";

const dir = process.argv[2];
const markdown = readFileSync(path.join(dir, "report.pandoc.md"), "utf8");
const files = { "reference.docx": new Blob([readFileSync("templates/reference.docx")]) };
for (const name of readdirSync(path.join(dir, "figurer")).filter((n) => n.endsWith(".png"))) {
  files[name] = new Blob([readFileSync(path.join(dir, "figurer", name))]);
}
const result = await convert(
  {
    from: "markdown",
    to: "docx",
    "output-file": "out.docx",
    "reference-doc": "reference.docx",
    "table-of-contents": true,
  },
  markdown.replace(/\]\(figurer\/([^)]+)\.svg\)/g, "]($1.png)"),
  files,
);
if (!result.files["out.docx"]) process.exitCode = 1;
