import { readFile } from "node:fs/promises";
import path from "node:path";
import type { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import type { ConverterError } from "./converters.js";
import type { DocumentInput, DocumentOptions } from "./document.js";
import { baseName, documentInput, flattenImagePaths, PANDOC_MARKDOWN } from "./document.js";
import { unprintableDiagnostics } from "./font-coverage.js";
import { PDF_STANDARDS, type PdfStandard } from "./pdf-standards.js";
import { type MakeFiles, TemplateError } from "./recipe.js";
import { BUILTIN_TEMPLATES, templateFile } from "./templates-path.js";
import { typstDiagnostics } from "./typst-problems.js";
import { makeTypstRoot, removeTypstRoot } from "./typst-root.js";

export { PDF_STANDARDS, type PdfStandard };

export interface PdfOptions extends DocumentOptions {
  standard: PdfStandard;
  /** templates/typst/report.typ or the project's override. */
  templatePath: string;
  fontDir: string;
}

let compiler: NodeCompiler | undefined;
/** The compiler's private root (typst-root.ts): given by the main thread, or made on first use. */
let root: string | undefined;

/** The folder the converter worker was given by the main thread, which also removes it. */
export function useTypstRoot(dir: string): void {
  root = dir;
}

/** In-process use (tests): drops the compiler and removes the root this module made. */
export function releaseTypst(): void {
  if (root && compiler) removeTypstRoot(root);
  compiler = undefined;
  root = undefined;
}

/** Where the house template is mapped in Typst's virtual file system (inside the root). */
const MAIN_FILE = "/report.typ";

interface TypstDiagnostic {
  message: string;
  path: string;
  range: { start: { line: number; character: number } } | null;
}

/** A Typst problem where Typst saw it: its virtual file ("/body.typ", "/report.typ"), line and text. */
export interface TypstProblem {
  message: string;
  file: string;
  line: number;
  column: number;
  /** The text of the line, to find it again in the chapters and data. */
  excerpt: string;
}

/** Typst could not set the PDF; the problems cross the worker boundary as data. */
export class TypstError extends Error {
  constructor(readonly problems: TypstProblem[]) {
    super(problems.map((p) => p.message).join("\n"));
    this.name = "TypstError";
  }
}

function typstProblem(d: TypstDiagnostic, text: string): TypstProblem {
  const line = d.range ? d.range.start.line + 1 : 0;
  return {
    message: d.message,
    file: d.path,
    line,
    column: d.range ? d.range.start.character + 1 : 0,
    excerpt: line > 0 ? (text.split("\n")[line - 1] ?? "") : "",
  };
}

/** The messages of the exporter's `[SourceDiagnostic { … message: "…" … }]` text. */
export function exportProblems(raw: string): TypstProblem[] {
  const messages = [...raw.matchAll(/message: "((?:[^"\\]|\\.)*)"/g)].map((m) =>
    (m[1] as string).replace(/\\(.)/g, "$1"),
  );
  const unique = [...new Set(messages.length > 0 ? messages : [raw.split("\n")[0] ?? raw])];
  return unique.map((message) => ({ message, file: "", line: 0, column: 0, excerpt: "" }));
}

/** One compiler per process: creating it scans fonts, which is the slow part. */
async function typst(fontDir: string): Promise<NodeCompiler> {
  if (!compiler) {
    const { NodeCompiler } = await import("@myriaddreamin/typst-ts-node-compiler");
    root ??= makeTypstRoot();
    compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths: [fontDir] }] });
  }
  return compiler;
}

/** Creates the compiler (scanning the fonts) and compiles a page, so the real compile starts warm. */
export async function warmTypst(fontDir = path.join(BUILTIN_TEMPLATES, "fonts")): Promise<void> {
  const compiler = await typst(fontDir);
  compiler.compile({
    mainFileContent: '#set text(font: "Source Sans 3", lang: "sv")\nUppvärmning',
  });
}

/** Markdown → Typst with pandoc-wasm (body only; the house template supplies the rest). */
export async function markdownToTypst(markdown: string): Promise<string> {
  const { convert } = await import("pandoc-wasm");
  const result = await convert(
    { from: PANDOC_MARKDOWN, to: "typst" },
    flattenImagePaths(markdown, "svg"),
    {},
  );
  if (typeof result.stdout !== "string" || result.stdout === "")
    throw new Error(`pandoc produced no Typst: ${result.stderr}`);
  return result.stdout;
}

/** Typst → PDF in-process, tagged (PDF/UA-1 by default), with the shipped fonts and a fixed date. */
export async function typstToPdf(
  body: string,
  input: DocumentInput,
  options: PdfOptions,
): Promise<Uint8Array> {
  const [template, typstCompiler] = await Promise.all([
    readFile(options.templatePath, "utf8"),
    typst(options.fontDir),
  ]);
  typstCompiler.resetShadow();
  // Only these files exist for Typst: in memory, inside its otherwise empty private root.
  const inRoot = (file: string) => path.join(root as string, file);
  const meta = { ...input.meta, stamp: options.stamp, wordmark: input.wordmark !== null };
  typstCompiler.mapShadow(inRoot("/meta.json"), Buffer.from(JSON.stringify(meta)));
  typstCompiler.mapShadow(inRoot("/body.typ"), Buffer.from(body));
  if (input.wordmark !== null)
    typstCompiler.mapShadow(inRoot("/wordmark.svg"), Buffer.from(input.wordmark));
  for (const chart of input.charts) {
    typstCompiler.mapShadow(inRoot(`/${baseName(chart.fileName)}.svg`), Buffer.from(chart.svg));
  }
  // Mapped as a file (not passed as content) so that Typst's diagnostics carry line and column.
  typstCompiler.mapShadow(inRoot(MAIN_FILE), Buffer.from(template));
  const compiled = typstCompiler.compile({ mainFilePath: inRoot(MAIN_FILE) });
  const error = compiled.takeError();
  // Paths inside the private root are shown as Typst sees them: from the root, "/x".
  const shown = (text: string) => text.split(`${root}${path.sep}`).join("/");
  if (error || !compiled.result) {
    const located = error
      ? (typstCompiler.fetchDiagnostics(error) as TypstDiagnostic[])
          .map((d) => ({ ...d, path: shown(d.path), message: shown(d.message) }))
          .map((d) =>
            typstProblem(d, d.path === "/body.typ" ? body : d.path === MAIN_FILE ? template : ""),
          )
      : [{ message: "Typst produced no document.", file: "", line: 0, column: 0, excerpt: "" }];
    throw new TypstError(located);
  }
  try {
    return typstCompiler.pdf(compiled.result, {
      pdfStandard: options.standard,
      creationTimestamp: Math.floor(options.date.getTime() / 1000),
    });
  } catch (error) {
    // The exporter throws its diagnostics as Rust's debug text, without positions.
    throw new TypstError(exportProblems(shown((error as Error).message)));
  }
}

export async function renderPdf(input: DocumentInput, options: PdfOptions): Promise<Uint8Array> {
  return typstToPdf(await markdownToTypst(input.markdown), input, options);
}

/** The PDF output: pandoc (its worker) turns the Markdown into Typst, the Typst worker sets the PDF. */
export const pdfFiles: MakeFiles = async (report, context) => {
  if (!context.converters) throw new Error("The PDF recipe needs the converter workers.");
  const input = documentInput(report);
  const fontDir = path.join(BUILTIN_TEMPLATES, "fonts");
  const templatePath = templateFile(context.templatesDir, "typst/report.typ");
  const printed = `${input.markdown}\n${JSON.stringify(input.meta)}`;
  const unprintable = await unprintableDiagnostics(printed, context.data, fontDir);
  if (unprintable.length > 0) throw new TemplateError(unprintable);
  const body = await context.converters.typst(input.markdown);
  const bytes = await context.converters
    .pdf({
      body,
      input,
      options: {
        standard: context.pdfStandard,
        templatePath,
        fontDir,
        stamp: context.stamp,
        date: context.date,
      },
    })
    .catch(async (error: unknown) => {
      const problems = (error as ConverterError).problems;
      if (!problems) throw error;
      throw new TemplateError(await typstDiagnostics(problems, context.data, templatePath));
    });
  return [{ name: "report.pdf", bytes }];
};
