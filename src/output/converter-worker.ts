// A worker thread that owns one converter, so DOCX and PDF are made side by side: the "pandoc"
// worker (pandoc-wasm: Markdown → Typst and Markdown → DOCX) or the "typst" worker (Typst →
// PDF). Each loads its converter as soon as it starts, while the main thread still validates.
import { parentPort, workerData } from "node:worker_threads";
import type { DocumentInput, DocumentOptions } from "./document.js";
import type { PdfOptions } from "./pdf.js";

export type ConverterKind = "pandoc" | "typst";

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
  | { ok: true; result: Uint8Array | string }
  | { ok: false; message: string; stack?: string }
);

const port = parentPort;
if (!port) throw new Error("converter-worker must run in a worker thread");
const kind = (workerData as { kind: ConverterKind }).kind;

const warm =
  kind === "pandoc"
    ? import("pandoc-wasm").then(({ convert }) =>
        convert({ from: "markdown", to: "plain" }, "uppvärmning", {}),
      )
    : import("./pdf.js").then(({ warmTypst }) => warmTypst());

async function handle(request: ConverterRequest): Promise<Uint8Array | string> {
  await warm;
  if (request.op === "typst") return (await import("./pdf.js")).markdownToTypst(request.markdown);
  if (request.op === "docx") {
    const { renderDocx } = await import("./docx.js");
    return renderDocx(request.input, request.referenceDocPath, request.options, request.pngs);
  }
  return (await import("./pdf.js")).typstToPdf(request.body, request.input, request.options);
}

// One conversion at a time: a pandoc-wasm or Typst instance is not re-entrant.
let queue: Promise<unknown> = Promise.resolve();
port.on("message", ({ id, request }: { id: number; request: ConverterRequest }) => {
  queue = queue.then(async () => {
    try {
      const result = await handle(request);
      const reply: ConverterReply = { id, ok: true, result };
      port.postMessage(reply, typeof result === "string" ? [] : [result.buffer as ArrayBuffer]);
    } catch (error) {
      const e = error as Error;
      const reply: ConverterReply = {
        id,
        ok: false,
        message: e.message,
        ...(e.stack && { stack: e.stack }),
      };
      port.postMessage(reply);
    }
  });
});
