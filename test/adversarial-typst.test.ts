// The Typst compiler in-process, with every PDF standard: a template's reads, images, includes,
// plugins and packages find only the build's own files in its private root; raw Typst from
// Markdown reaches the PDF as text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, describe, expect, it } from "vitest";
import type { DocumentInput } from "../src/output/document.js";
import { markdownToTypst, releaseTypst, typstToPdf } from "../src/output/pdf.js";
import { PDF_STANDARDS } from "../src/output/pdf-standards.js";
import { SECRET } from "./adversarial-helpers.js";

const outside = mkdtempSync(path.join(os.tmpdir(), "nch-confine-typst-"));
afterAll(() => {
  releaseTypst();
  rmSync(outside, { recursive: true, force: true });
});
writeFileSync(path.join(outside, "secret.txt"), SECRET);
writeFileSync(
  path.join(outside, "secret.svg"),
  `<svg xmlns="http://www.w3.org/2000/svg"><text>${SECRET}</text></svg>`,
);
writeFileSync(path.join(outside, "secret.typ"), SECRET);

const input: DocumentInput = {
  markdown: "",
  charts: [],
  meta: {
    title: "Titel",
    organisation: "NCH",
    publisher: "Länsstyrelsen Östergötland",
    isbn: "978-91-89819-08-5",
    reportNumber: "2024:2",
    registrationNumber: "2445-2024",
    published: 2024,
    cover: { subtitle: "NCH", wordmark: null },
    backCover: { lines: ["Länsstyrelsen Östergötland"], web: null },
    lang: "sv-SE",
  },
  wordmark: null,
};
const options = (standard: (typeof PDF_STANDARDS)[number], templatePath: string) => ({
  standard,
  templatePath,
  fontDir: "templates/fonts",
  stamp: "",
  date: new Date("2024-03-01T00:00:00Z"),
});

const ATTEMPTS = [
  `#read("${path.join(outside, "secret.txt")}")`,
  `#read("../../../../../../..${path.join(outside, "secret.txt")}")`,
  '#read("/proc/self/environ")',
  `#image("${path.join(outside, "secret.svg")}")`,
  `#include "${path.join(outside, "secret.typ")}"`,
  `#plugin("${path.join(outside, "secret.wasm")}")`,
  '#import "@local/hemlig:0.1.0": x',
];

describe("Typst in its private root", () => {
  it.each(PDF_STANDARDS)(
    "finds nothing outside with --pdf-standard %s",
    async (standard) => {
      const templates = path.join(outside, standard);
      mkdirSync(templates, { recursive: true });
      for (const [i, attempt] of ATTEMPTS.entries()) {
        const template = path.join(templates, `${i}.typ`);
        writeFileSync(template, `${attempt}\n`);
        const failed = await typstToPdf("", input, options(standard, template)).then(
          () => "compiled",
          (error: Error) => error.message,
        );
        expect(failed).toMatch(/file not found|outside of project root|package not found/);
        expect(failed).not.toContain(SECRET);
      }
    },
    60_000,
  );

  it.each(PDF_STANDARDS)(
    "sets raw Typst from Markdown as text with --pdf-standard %s",
    async (standard) => {
      const body = await markdownToTypst(
        `Text\n\n\`\`\`{=typst}\n#read("${path.join(outside, "secret.txt")}")\n\`\`\`\n\nSe \`#read("/proc/self/environ")\`{=typst}.\n`,
      );
      const bytes = await typstToPdf(body, input, options(standard, "templates/typst/report.typ"));
      const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
      let text = "";
      for (let i = 1; i <= pdf.numPages; i++) {
        const content = await (await pdf.getPage(i)).getTextContent();
        text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      }
      expect(text).toContain("/proc/self/environ");
      expect(text).not.toContain(SECRET);
      expect(Buffer.from(bytes).toString("latin1")).not.toContain(SECRET);
    },
    60_000,
  );
});
