import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { quoted } from "../diagnostics/quote.js";
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
    diagnostic: {
      severity: "error",
      code: "path/outside-data",
      message: `The path ${quoted(written)} points outside the data folder.`,
      ...at,
      hint: "Write a path relative to the year's folder, without .. and not absolute.",
    },
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
  return {
    severity: "error",
    code: "path/outside-data",
    message: `${file.rel} leads outside the data folder (a symbolic link): it was not read.`,
    file: file.rel,
    line: 0,
    column: 0,
    hint: "Put the file itself inside the data folder instead of a link to somewhere else.",
  };
}

export type ReadResult = { bytes: Buffer } | { diagnostic: Diagnostic };

function fileDiagnostic(file: DataFile, code: Diagnostic["code"], message: string, hint: string) {
  return {
    diagnostic: { severity: "error", code, message, file: file.rel, line: 0, column: 0, hint },
  } as const;
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
      return fileDiagnostic(
        file,
        "file/unreadable",
        `${file.rel} is not a file.`,
        "Replace it with a file.",
      );
    }
    size = info.size;
  } catch {
    return fileDiagnostic(
      file,
      "file/missing",
      `${file.rel} does not exist.`,
      "Create the file, or correct the path that names it.",
    );
  }
  if (size > limit) {
    return fileDiagnostic(
      file,
      "file/too-large",
      `${file.rel} is ${formatSize(size)}, more than the limit of ${formatSize(limit)}.`,
      "Check that this is the right file; a year's data is normally kilobytes.",
    );
  }
  return { size };
}

/** A read that failed after the file was found (permissions, I/O). */
export function unreadable(file: DataFile, error: unknown): { diagnostic: Diagnostic } {
  return fileDiagnostic(
    file,
    "file/unreadable",
    `${file.rel} could not be read: ${(error as Error).message}`,
    "Check the file's permissions.",
  );
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
    return fileDiagnostic(
      file,
      "encoding/not-utf8",
      `${file.rel} is not UTF-8 text.`,
      "Save the file as UTF-8 (in most editors: File › Save with encoding › UTF-8).",
    );
  }
  return { text, problems: controlCharacters(file.rel, text) };
}
