import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { FindingArgs } from "../diagnostics/args.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { controlCharacters, normaliseText } from "./text.js";

/** Size limits: a year's data is kilobytes; calls.csv may hold a million rows. */
export const SIZE_LIMITS = {
  yaml: 1024 * 1024,
  markdown: 2 * 1024 * 1024,
  csv: 512 * 1024 * 1024,
} as const;

/** A file of the data set: where it is on disk and how diagnostics name it. */
export interface DataFile {
  /** Relative to the data root, forward slashes. */
  rel: string;
  abs: string;
  /** The folder the file must stay inside, also through symbolic links: the data root. */
  root: string;
}

export type Resolved = { file: DataFile } | { diagnostic: Diagnostic };

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join("/");
}

function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

function realPath(target: string): string | undefined {
  try {
    return realpathSync(target);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a path written in the data (chapter list, template names) against a folder,
 * refusing anything that leaves the data root — also through symbolic links.
 */
export function resolveInside(
  root: string,
  baseRel: string,
  written: string,
  at: { file: string; line: number; column: number },
): Resolved {
  const outside = (): Resolved => ({
    diagnostic: finding("path/outside-data", at, { problem: "path", path: written }),
  });
  if (path.isAbsolute(written) || /^[a-zA-Z]:|^[\\/]/.test(written)) return outside();
  const abs = path.resolve(root, baseRel, written);
  if (!isInside(root, abs)) return outside();
  const real = realPath(abs);
  // Missing files are reported by whoever reads them, with their own code.
  if (real !== undefined && !isInside(realPath(root) ?? root, real)) return outside();
  return { file: { rel: toRel(root, abs), abs, root } };
}

export function dataFile(root: string, rel: string): DataFile {
  return { rel, abs: path.join(root, ...rel.split("/")), root };
}

/**
 * Why a data file may not be read: it (or a folder or link on its way) leads outside its root.
 * Every read of the data goes through here (statLimited), before a byte of the file is read;
 * the message names the file as the data names it, never where the link points.
 */
export function confine(file: DataFile): Diagnostic | undefined {
  const real = realPath(file.abs);
  // Missing files are reported by whoever reads them, with their own code.
  if (real === undefined) return undefined;
  const root = realPath(file.root) ?? path.resolve(file.root);
  if (real === root || isInside(root, real)) return undefined;
  return finding("path/outside-data", wholeFile(file), { problem: "symlink", file: file.rel });
}

export type ReadResult = { bytes: Buffer } | { diagnostic: Diagnostic };

const wholeFile = (file: DataFile) => ({ file: file.rel, line: 0, column: 0 });

function fileDiagnostic<C extends DiagnosticCode>(file: DataFile, code: C, args: FindingArgs[C]) {
  return { diagnostic: finding(code, wholeFile(file), args) } as const;
}

/** The size of a file, or why it cannot be read: missing, not a file, or larger than the limit. */
export async function statLimited(
  file: DataFile,
  limit: number,
): Promise<{ size: number } | { diagnostic: Diagnostic }> {
  const outside = confine(file);
  if (outside) return { diagnostic: outside };
  let size: number;
  try {
    const info = statSync(file.abs);
    if (!info.isFile()) {
      return fileDiagnostic(file, "file/unreadable", { problem: "not-a-file", file: file.rel });
    }
    size = info.size;
  } catch {
    return fileDiagnostic(file, "file/missing", { problem: "file", file: file.rel });
  }
  if (size > limit) {
    return fileDiagnostic(file, "file/too-large", {
      file: file.rel,
      size: formatSize(size),
      limit: formatSize(limit),
    });
  }
  return { size };
}

/** A read that failed after the file was found (permissions, I/O). */
export function unreadable(file: DataFile, error: unknown): { diagnostic: Diagnostic } {
  return fileDiagnostic(file, "file/unreadable", {
    problem: "read",
    file: file.rel,
    detail: (error as Error).message,
  });
}

/** Reads a whole file, refusing it when it is missing or larger than the limit. */
export async function readLimited(file: DataFile, limit: number): Promise<ReadResult> {
  const checked = await statLimited(file, limit);
  if ("diagnostic" in checked) return checked;
  try {
    return { bytes: readFileSync(file.abs) };
  } catch (error) {
    return unreadable(file, error);
  }
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes a YAML or Markdown file, which must be UTF-8 (a BOM is allowed), normalised (LF, NFC)
 * and with its refused invisible characters as `problems`.
 */
export function decodeUtf8(
  file: DataFile,
  bytes: Buffer,
): { text: string; problems: Diagnostic[] } | { diagnostic: Diagnostic } {
  let text: string;
  try {
    text = normaliseText(utf8.decode(bytes).replace(/^\uFEFF/, ""));
  } catch {
    return fileDiagnostic(file, "encoding/not-utf8", { problem: "text", file: file.rel });
  }
  return { text, problems: controlCharacters(file.rel, text) };
}
