import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { OutputFile } from "./write.js";

/** The folder exists already: init never overwrites a year. */
export class FolderExistsError extends Error {}

/**
 * Writes a new folder as one unit: every file goes into a hidden sibling first, which is then
 * renamed to its name, so an interrupted init leaves no half-made year behind.
 */
export async function writeNewFolder(dir: string, files: readonly OutputFile[]): Promise<void> {
  if (existsSync(dir)) throw new FolderExistsError(dir);
  const staging = path.join(
    path.dirname(dir),
    `.${path.basename(dir)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  try {
    for (const file of files) {
      const target = path.join(staging, ...file.name.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.bytes);
    }
    await mkdir(staging, { recursive: true });
    // Checked again at the last moment: rename would replace an empty folder made meanwhile.
    if (existsSync(dir)) throw new FolderExistsError(dir);
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
