import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { DataFile } from "../load/files.js";
import type { Provenance } from "../load/provenance.js";
import type { OutputFile } from "./write.js";

export interface ManifestInfo {
  tool: { name: string; version: string };
  converters: Record<string, string>;
  provenance: Provenance;
  options: Record<string, unknown>;
  /** What the report marks as not published, and where (RenderedReport.provenance). */
  dataProvenance: readonly unknown[];
}

function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function sha256File(abs: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(abs)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export interface InputHash {
  file: string;
  sha256: string;
}

/** Each input's SHA-256, read again from disk: started as soon as the data is validated. */
export function hashInputs(inputs: readonly DataFile[]): Promise<InputHash[]> {
  return Promise.all(inputs.map(async (f) => ({ file: f.rel, sha256: await sha256File(f.abs) })));
}

/** The audit trail beside the outputs: what went in, what came out, with which tools. No clock time. */
export function buildManifest(
  info: ManifestInfo,
  inputs: readonly InputHash[],
  outputs: readonly OutputFile[],
): string {
  const sourced = outputs.filter((f) => f.sources);
  const manifest = {
    tool: info.tool,
    converters: info.converters,
    commit: info.provenance.commit ?? null,
    dirty: info.provenance.dirty,
    options: info.options,
    provenance: info.dataProvenance,
    inputs,
    outputs: outputs.map((f) => ({ file: f.name, sha256: sha256(f.bytes) })),
    // What each hidden bookmark of report.docx names (`nch-report review` maps comments with it)
    // and what each section of an HTML page prints (`preview` links findings there).
    ...(sourced.length > 0 && {
      sources: Object.fromEntries(sourced.map((f) => [f.name, f.sources])),
    }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
