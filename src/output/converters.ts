import { Worker } from "node:worker_threads";
import type { ConverterReply, ConverterRequest } from "./converter-worker.js";

/** A conversion that failed inside a converter worker. */
export class ConverterError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** One worker per output format, started early so pandoc loads while validation runs. */
export interface Converters {
  convert(request: ConverterRequest): Promise<{ bytes: Uint8Array; ms: number }>;
  close(): Promise<void>;
}

export function startConverters(kinds: readonly ConverterRequest["kind"][]): Converters {
  const workers = new Map<ConverterRequest["kind"], Worker>();
  for (const kind of kinds) {
    const worker = new Worker(new URL("./converter-worker.js", import.meta.url));
    worker.unref();
    workers.set(kind, worker);
  }
  return {
    convert(request) {
      const worker = workers.get(request.kind);
      if (!worker)
        return Promise.reject(new Error(`No converter was started for ${request.kind}.`));
      return new Promise((resolve, reject) => {
        const onError = (error: Error) =>
          reject(
            new ConverterError(
              `The ${request.kind} converter failed: ${error.message}`,
              error.stack,
            ),
          );
        worker.once("error", onError);
        worker.once("message", (reply: ConverterReply) => {
          worker.off("error", onError);
          if (reply.ok) resolve({ bytes: reply.bytes, ms: reply.ms });
          else
            reject(
              new ConverterError(
                `The ${request.kind} conversion failed: ${reply.message}`,
                reply.stack,
              ),
            );
        });
        worker.postMessage(request);
      });
    },
    async close() {
      await Promise.all([...workers.values()].map((w) => w.terminate()));
    },
  };
}
