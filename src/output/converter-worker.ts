// A worker thread that owns one converter, so DOCX and PDF are made side by side. Its kind
// (startConverters in converters.ts starts up to three): "docx" (a pandoc-wasm instance:
// Markdown → DOCX), "markdown-to-typst" (another pandoc-wasm instance: the PDF's Markdown →
// Typst, warmed with a small document) or "typst" (the Typst compiler: Typst → PDF). Each loads
// its converter as soon as it starts, while the main thread still validates.
import { parentPort, workerData } from "node:worker_threads";
import { type DocumentInput, type DocumentOptions, PANDOC_MARKDOWN } from "./document.js";
import type { DocxResult } from "./docx.js";
import type { PdfOptions, TypstProblem } from "./pdf.js";

/** "markdown-to-typst" and "docx" each own a pandoc instance; "typst" owns the Typst compiler. */
export type ConverterKind = "markdown-to-typst" | "docx" | "typst";

export type ConverterRequest =
  | { op: "typst"; markdown: string }
  | {
      op: "docx";
      input: DocumentInput;
      pngs: Record<string, Uint8Array>;
      referenceDocPath: string;
      options: DocumentOptions;
    }
  | { op: "pdf"; body: string; input: DocumentInput; options: PdfOptions };

export type ConverterReply = { id: number } & (
  | { ok: true; result: Uint8Array | string | DocxResult }
  | { ok: false; message: string; stack?: string; problems?: TypstProblem[] }
);

const port = parentPort;
if (!port) throw new Error("converter-worker must run in a worker thread");
const { kind, typstRoot } = workerData as { kind: ConverterKind; typstRoot?: string };

// pandoc's first conversion of real content costs about a second more than later ones, and a
// tiny warm-up does not pay that: the Markdown → Typst worker (on the PDF's longer path)
// converts a small document with a report's constructs while validation runs. The DOCX worker
// only loads pandoc: measured on 2 cores, warming it as well slows the whole build, because
// the warm-ups then compete with validation and rendering for the same cores.
const WARM_UP = `# 1. Rubrik

## 1.1 Underrubrik

Text med *kursiv* och **fet** stil, en fotnot[^1] och en [länk](https://example.org).

- punkt ett
- punkt två

| Län | Antal |
|:-------------------|------:|
| Skåne | 27 |

Table: Tabell 1: Exempel

![Figur 1: Diagram](bild.svg){alt="Beskrivning"}

[^1]: Fotnot.
`;

async function warm(): Promise<unknown> {
  if (kind === "typst") {
    const pdf = await import("./pdf.js");
    if (typstRoot) pdf.useTypstRoot(typstRoot);
    return pdf.warmTypst();
  }
  const { convert } = await import("pandoc-wasm");
  return kind === "markdown-to-typst"
    ? convert({ from: PANDOC_MARKDOWN, to: "typst" }, WARM_UP, {})
    : undefined;
}
const warmed = warm();
// A failed warm-up is reported with the first request it fails, not as a crash of the worker.
warmed.catch(() => undefined);

async function handle(request: ConverterRequest): Promise<Uint8Array | string | DocxResult> {
  await warmed;
  if (request.op === "typst") return (await import("./pdf.js")).markdownToTypst(request.markdown);
  if (request.op === "docx") {
    const { renderDocxWithSources } = await import("./docx.js");
    return renderDocxWithSources(
      request.input,
      request.referenceDocPath,
      request.options,
      request.pngs,
    );
  }
  return (await import("./pdf.js")).typstToPdf(request.body, request.input, request.options);
}

// One conversion at a time: a pandoc-wasm or Typst instance is not re-entrant.
let queue: Promise<unknown> = Promise.resolve();
port.on("message", ({ id, request }: { id: number; request: ConverterRequest }) => {
  queue = queue.then(async () => {
    try {
      const handled = await handle(request);
      // The Typst compiler's Buffer is not transferable on Node 22 and 24 ("Cannot transfer
      // object of unsupported type"): a copy into a plain ArrayBuffer is, on every version.
      const result = handled instanceof Uint8Array ? new Uint8Array(handled) : handled;
      const bytes =
        typeof result === "string"
          ? undefined
          : result instanceof Uint8Array
            ? result
            : result.bytes;
      const reply: ConverterReply = { id, ok: true, result };
      port.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
    } catch (error) {
      const e = error as Error & { problems?: TypstProblem[] };
      const reply: ConverterReply = {
        id,
        ok: false,
        message: e.message,
        ...(e.stack && { stack: e.stack }),
        ...(e.problems && { problems: e.problems }),
      };
      port.postMessage(reply);
    }
  });
});
