import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { workingTreeFile, workingTreeText } from "../load/working-tree.js";
import { ANCHOR_PREFIX } from "../output/docx-anchors.js";
import type { SourceRef } from "../output/docx-sources.js";
import { hashInputs } from "../output/manifest.js";
import { mapReview, type ReviewFinding } from "./map.js";
import { ReviewReadError, readReviewedDocx } from "./read.js";

export { ReviewReadError } from "./read.js";

export interface ReviewOptions {
  /** The reviewed DOCX, absolute. */
  docx: string;
  dataRoot: string;
  /** Where the build that made the DOCX may be: `dist/<year>` of the project by default. */
  outDirFor: (year: number) => string;
  year?: number;
}

export interface ReviewResult {
  findings: ReviewFinding[];
  warnings: Diagnostic[];
  /** The manifest whose mapping was used, or null. */
  manifest: string | null;
}

interface Manifest {
  inputs?: { file: string; sha256: string }[];
  sources?: { "report.docx"?: Record<string, SourceRef> };
}

/** Far above any report (the 2025 DOCX is about 1 MB, most of it fonts). */
const MAX_DOCX = 256 * 1024 * 1024;

function readDocx(file: string): Uint8Array {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new ReviewReadError({ code: "review/unreadable", args: { problem: "not-a-file" } });
    }
    if (stat.size > MAX_DOCX) {
      throw new ReviewReadError({
        code: "review/unreadable",
        args: { problem: "too-large", megabytes: MAX_DOCX / 1024 / 1024 },
      });
    }
    return readFileSync(file);
  } catch (error) {
    if (error instanceof ReviewReadError) throw error;
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ReviewReadError({
      code: "review/unreadable",
      args: { problem: "read", detail: reason },
    });
  }
}

/** The first manifest beside the DOCX or in the build folder that maps this DOCX's anchors. */
function findManifest(candidates: readonly string[], anchors: readonly string[]) {
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    try {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      const sources = validSources(manifest.sources?.["report.docx"]);
      if (anchors.some((a) => Object.hasOwn(sources, a))) return { file, manifest, sources };
    } catch {
      // Not a manifest of ours (or broken): the next place may have one.
    }
  }
  return undefined;
}

/** The manifest is a file anyone can edit: only entries that name a place inside the data root. */
function validSources(raw: unknown): Record<string, SourceRef> {
  if (!raw || typeof raw !== "object") return {};
  const valid = (s: Partial<SourceRef>) =>
    typeof s.file === "string" &&
    !s.file.split(/[\\/]/).includes("..") &&
    !/^([a-zA-Z]:|[\\/])/.test(s.file) &&
    Number.isInteger(s.line) &&
    Number.isInteger(s.column);
  return Object.fromEntries(
    Object.entries(raw as Record<string, Partial<SourceRef>>).filter(
      ([name, s]) => name.startsWith(ANCHOR_PREFIX) && s && typeof s === "object" && valid(s),
    ),
  ) as Record<string, SourceRef>;
}

/** Inputs whose bytes differ from the manifest's checksums, or that are gone. */
async function changedInputs(root: string, manifest: Manifest): Promise<string[]> {
  const recorded = manifest.inputs ?? [];
  const present = recorded.flatMap((r) => {
    const file = workingTreeFile(root, r.file);
    return file ? [file] : [];
  });
  const now = new Map((await hashInputs(present)).map((h) => [h.file, h.sha256]));
  return recorded.filter((r) => now.get(r.file) !== r.sha256).map((r) => r.file);
}

/** Reads a reviewed DOCX and maps each comment and tracked change to its source. */
export async function reviewDocx(options: ReviewOptions): Promise<ReviewResult> {
  const document = readReviewedDocx(readDocx(options.docx), ANCHOR_PREFIX);
  const year =
    options.year ?? Number(/^_nch(\d{4})_/.exec(document.anchors[0] ?? "")?.[1] ?? Number.NaN);
  const candidates = [path.join(path.dirname(options.docx), "manifest.json")];
  if (Number.isInteger(year)) candidates.push(path.join(options.outDirFor(year), "manifest.json"));
  const found = findManifest(candidates, document.anchors);
  const warnings: Diagnostic[] = [];
  if (!found && document.items.length > 0)
    warnings.push(noSources(document.anchors.length, candidates));
  const changed = found ? await changedInputs(options.dataRoot, found.manifest) : [];
  if (changed.length > 0) warnings.push(inputsChanged(changed));
  const read = (file: string) => workingTreeText(options.dataRoot, file);
  return {
    findings: mapReview(document.items, found?.sources, read, new Set(changed)),
    warnings,
    manifest: found?.file ?? null,
  };
}

function noSources(anchors: number, looked: readonly string[]): Diagnostic {
  return finding(
    "review/no-sources",
    { file: "", line: 0, column: 0 },
    { anchors, looked: looked.map((l) => path.relative(process.cwd(), l) || l) },
  );
}

function inputsChanged(files: readonly string[]): Diagnostic {
  return finding(
    "review/inputs-changed",
    { file: "", line: 0, column: 0 },
    { count: files.length, shown: files.slice(0, 8) },
  );
}
