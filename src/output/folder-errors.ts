import { mkdir, stat } from "node:fs/promises";
import path from "node:path";

/** The output folder cannot be written (read-only, full, a file, in use): exit 2, one line. */
export class OutputFolderError extends Error {
  override name = "OutputFolderError";
  constructor(outDir: string, cause: string) {
    super(`cannot write the output folder ${outDir}: ${cause}`);
  }
}

/** A SIGINT or SIGTERM arrived while the output folder was being written: exit 128 + signal. */
export class BuildInterrupted extends Error {
  override name = "BuildInterrupted";
  constructor(
    readonly signal: NodeJS.Signals,
    outDir: string,
  ) {
    super(`interrupted by ${signal}; the output folder ${outDir} holds one whole build`);
  }
}

const CAUSES: Record<string, string> = {
  EROFS: "read-only file system",
  EACCES: "permission denied",
  EPERM: "not permitted, or it is open in another program",
  EBUSY: "it is open in another program",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EIO: "input/output error of the device",
  ENAMETOOLONG: "a path is too long",
  ENOENT: "a folder cannot be created there",
  EXDEV: "a folder inside it is on another disk",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
};

/** The nearest existing ancestor of a path (the path itself when it exists). */
async function nearestExisting(
  target: string,
): Promise<{ at: string; isDir: boolean; what: string } | undefined> {
  for (let at = target; ; at = path.dirname(at)) {
    try {
      const found = await stat(at);
      return {
        at,
        isDir: found.isDirectory(),
        what: found.isFile() ? "is a file, not a folder" : "is not a folder",
      };
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
  }
}

/** "report.pdf: " when the error names a file of the folder (not one of its staging area). */
function fileOf(outDir: string, error: unknown): string {
  const at = (error as NodeJS.ErrnoException).path;
  const rel = at ? path.relative(outDir, at) : "";
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel) || rel.startsWith(".nch-")) return "";
  return `${rel.split(path.sep).join("/")}: `;
}

/** One line that says why the folder cannot be written, from the file system's error. */
export async function outputFolderError(outDir: string, error: unknown): Promise<Error> {
  if (error instanceof OutputFolderError || error instanceof BuildInterrupted) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOTDIR" || code === "EEXIST") {
    const found = await nearestExisting(outDir);
    if (found && !found.isDir)
      return new OutputFolderError(outDir, `${found.at} ${found.what} (${code})`);
  }
  const cause = code && CAUSES[code];
  if (cause) return new OutputFolderError(outDir, `${fileOf(outDir, error)}${cause} (${code})`);
  if (code) return new OutputFolderError(outDir, `${(error as Error).message}`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Creates the output folder one level at a time (Node's recursive mkdir loops forever under a
 * parent that refuses new folders, such as /proc); refused when a file stands in the way.
 */
export async function createOutputFolder(outDir: string): Promise<void> {
  const found = await nearestExisting(outDir);
  if (found && !found.isDir) {
    const code = found.at === outDir ? "EEXIST" : "ENOTDIR";
    throw new OutputFolderError(outDir, `${found.at} ${found.what} (${code})`);
  }
  const missing: string[] = [];
  for (let at = outDir; at !== found?.at && path.dirname(at) !== at; at = path.dirname(at))
    missing.unshift(at);
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  }
}
