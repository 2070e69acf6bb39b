import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export interface OutputFile {
  /** Relative to the output folder, forward slashes: "report.md", "figurer/figur-2.svg". */
  name: string;
  bytes: Uint8Array | string;
}

/**
 * Writes all outputs so that a failed or killed build never leaves a half-written file under a
 * final name: everything goes to temporary files first, and only then is each renamed into place.
 */
export async function writeAtomically(dir: string, files: readonly OutputFile[]): Promise<void> {
  const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const final = path.join(dir, ...file.name.split("/"));
      await mkdir(path.dirname(final), { recursive: true });
      const temp = final + suffix;
      staged.push({ temp, final });
      await writeFile(temp, file.bytes);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, final } of staged) await rename(temp, final);
}
