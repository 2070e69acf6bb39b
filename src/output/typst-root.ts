// The Typst compiler's private root: an empty folder made for this process, into which the
// build maps its own files (template, body, metadata, charts, the year's images) in memory.
// Typst resolves every path (`/x`, `../x`) inside its root, so nothing else can be read.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Makes the folder (mode 0700) and points Typst's package folders into it, so that
 * `#import "@local/…"` or a cached `@preview` package from the user's home is not found
 * either. Set here, in the main thread: a worker's process.env does not reach native code.
 */
export function makeTypstRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nch-typst-"));
  process.env.XDG_DATA_HOME = path.join(dir, ".data");
  process.env.XDG_CACHE_HOME = path.join(dir, ".cache");
  process.once("exit", () => removeTypstRoot(dir));
  return dir;
}

export function removeTypstRoot(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
