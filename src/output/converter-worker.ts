// A worker thread that owns one pandoc-wasm instance (and, for PDF, one Typst compiler), so the
// DOCX and PDF paths run side by side. It warms pandoc up as soon as it starts, while the main
// thread is still validating and rendering.
import { parentPort } from "node:worker_threads";
import type { DocumentInput, DocumentOptions } from "./document.js";
import type { PdfOptions } from "./pdf.js";

export type ConverterRequest =
  | { kind: "docx"; input: DocumentInput; referenceDocPath: string; options: DocumentOptions }
  | { kind: "pdf"; input: DocumentInput; options: PdfOptions };

export type ConverterReply =
  | { ok: true; bytes: Uint8Array; ms: number }
  | { ok: false; message: string; stack?: string };

const port = parentPort;
if (!port) throw new Error("converter-worker must run in a worker thread");

const warm = import("pandoc-wasm").then(({ convert }) =>
  convert({ from: "markdown", to: "plain" }, "uppvärmning", {}),
);

port.on("message", async (request: ConverterRequest) => {
  const start = performance.now();
  try {
    await warm;
    let bytes: Uint8Array;
    if (request.kind === "docx") {
      const { renderDocx } = await import("./docx.js");
      bytes = await renderDocx(request.input, request.referenceDocPath, request.options);
    } else {
      const { renderPdf } = await import("./pdf.js");
      bytes = await renderPdf(request.input, request.options);
    }
    const reply: ConverterReply = { ok: true, bytes, ms: performance.now() - start };
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error as Error;
    const reply: ConverterReply = {
      ok: false,
      message: e.message,
      ...(e.stack && { stack: e.stack }),
    };
    port.postMessage(reply);
  }
});
