import { Worker } from "node:worker_threads";
import type { ConverterKind, ConverterReply, ConverterRequest } from "./converter-worker.js";
import type { DocxResult } from "./docx.js";
import type { TypstProblem } from "./pdf.js";
import { makeTypstRoot, removeTypstRoot } from "./typst-root.js";

/** The converter workers a format may need: pandoc for DOCX; pandoc and Typst for PDF. */
export type ConverterNeed = "docx" | "pdf";

/** A conversion that failed inside a converter worker. */
export class ConverterError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    /** What Typst could not set, where it saw it: mapped to the sources by the PDF recipe. */
    readonly problems?: TypstProblem[],
  ) {
    super(message);
    this.name = "ConverterError";
  }
}

type Request<Op extends ConverterRequest["op"]> = Omit<Extract<ConverterRequest, { op: Op }>, "op">;

/** The converter workers, started before validation so pandoc and Typst load meanwhile. */
export interface Converters {
  typst(markdown: string): Promise<string>;
  docx(request: Request<"docx">): Promise<DocxResult>;
  pdf(request: Request<"pdf">): Promise<Uint8Array>;
  close(): Promise<void>;
}

const WHAT: Record<ConverterRequest["op"], string> = {
  typst: "Markdown → Typst",
  docx: "DOCX",
  pdf: "PDF",
};

function conversionFailed(op: string, reply: ConverterReply & { ok: false }): ConverterError {
  return new ConverterError(
    `The ${op} conversion failed: ${reply.message}`,
    reply.stack,
    reply.problems,
  );
}

function startWorker(kind: ConverterKind, lifetime: ConverterLifetime, typstRoot?: string) {
  const worker = new Worker(new URL("./converter-worker.js", import.meta.url), {
    workerData: { kind, typstRoot },
  });
  worker.unref();
  const pending = new Map<
    number,
    { resolve: (r: unknown) => void; reject: (e: Error) => void; op: string }
  >();
  let next = 0;
  worker.on("message", (reply: ConverterReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(conversionFailed(waiting.op, reply));
  });
  // A worker that died (an error, or exited) answers nothing more: fail what waits and what comes.
  let dead: ConverterError | undefined;
  const die = (reason: string, stack?: string) => {
    dead ??= new ConverterError(reason, stack);
    for (const waiting of pending.values()) {
      waiting.reject(new ConverterError(`The ${waiting.op} converter stopped: ${reason}`, stack));
    }
    pending.clear();
  };
  worker.on("error", (error) => die(error.message, error.stack));
  worker.on("exit", (code) => die(`its worker exited (${code})`));
  return {
    worker,
    send<T>(request: ConverterRequest): Promise<T> {
      if (dead) {
        return Promise.reject(
          new ConverterError(
            `The ${WHAT[request.op]} converter stopped: ${dead.message}`,
            dead.detail,
          ),
        );
      }
      const id = next++;
      const answer = new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (r: unknown) => void, reject, op: WHAT[request.op] });
        worker.postMessage({ id, request });
      });
      if (lifetime === "kept") return answer;
      // Asked once: the worker is stopped as soon as it has answered, and gives its memory back
      // while the next steps work (pandoc's WASM heap after the Markdown → Typst step of the
      // largest data the limits allow: ~150 MB of the build's peak). close() waits for it.
      dead = new ConverterError("it answers one request per build, and had answered it");
      return answer.finally(() => {
        void worker.terminate();
      });
    },
  };
}

/**
 * "one build": each worker answers one request and ends (`build`); "kept": the workers stay
 * loaded for the next build (`build --watch`), until close().
 */
export type ConverterLifetime = "one build" | "kept";

/**
 * DOCX and PDF each get their own pandoc instance (so neither waits for the other's conversion)
 * and PDF also the Typst compiler: up to three workers, all loading while validation runs.
 */
export function startConverters(
  formats: readonly ConverterNeed[],
  lifetime: ConverterLifetime,
): Converters {
  const docx = formats.includes("docx") ? startWorker("docx", lifetime) : undefined;
  const toTypst = formats.includes("pdf") ? startWorker("markdown-to-typst", lifetime) : undefined;
  const typstRoot = formats.includes("pdf") ? makeTypstRoot() : undefined;
  const typst = typstRoot ? startWorker("typst", lifetime, typstRoot) : undefined;
  const missing = (what: string) => Promise.reject(new Error(`No ${what} worker was started.`));
  return {
    typst: (markdown) => toTypst?.send<string>({ op: "typst", markdown }) ?? missing("pandoc"),
    docx: (request) => docx?.send<DocxResult>({ op: "docx", ...request }) ?? missing("DOCX"),
    pdf: (request) => typst?.send<Uint8Array>({ op: "pdf", ...request }) ?? missing("Typst"),
    async close() {
      await Promise.all([docx, toTypst, typst].map((w) => w?.worker.terminate()));
      if (typstRoot) removeTypstRoot(typstRoot);
    },
  };
}
