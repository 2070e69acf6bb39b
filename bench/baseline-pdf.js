// P3 baseline (b): the irreducible PDF work — load pandoc-wasm, convert the build's Markdown to
// Typst, and compile it with the Typst compiler, the house template and the shipped fonts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { convert } from "pandoc-wasm";

const dir = process.argv[2];
const markdown = readFileSync(path.join(dir, "report.pandoc.md"), "utf8").replace(
  /\]\(figurer\/([^)]+)\.png\)/g,
  "]($1.svg)",
);
const { stdout: body } = await convert({ from: "markdown", to: "typst" }, markdown, {});
const compiler = NodeCompiler.create({
  workspace: "/",
  fontArgs: [{ fontPaths: ["templates/fonts"] }],
});
compiler.mapShadow("/body.typ", Buffer.from(body));
compiler.mapShadow("/meta.json", readFileSync(path.join(dir, "bench-meta.json")));
for (const name of readdirSync(path.join(dir, "figurer")).filter((n) => n.endsWith(".svg"))) {
  compiler.mapShadow(`/${name}`, readFileSync(path.join(dir, "figurer", name)));
}
const compiled = compiler.compile({
  mainFileContent: readFileSync("templates/typst/report.typ", "utf8"),
});
if (!compiled.result) throw new Error("Typst failed");
const pdf = compiler.pdf(compiled.result, { pdfStandard: "ua-1", creationTimestamp: 0 });
if (pdf.length === 0) process.exitCode = 1;
