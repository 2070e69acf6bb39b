import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { inUse, isSafeName, MANIFEST_FILE, STAGING_PREFIX } from "./commit.js";
import { OutputFolderError } from "./folder-errors.js";

/**
 * The files of the previous build, from its manifest.json: the only files a build may replace or
 * remove. Empty when there is no manifest; refused when manifest.json is not one of ours.
 */
export async function previousOutputs(outDir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  let outputs: unknown;
  try {
    const manifest = JSON.parse(text) as { tool?: { name?: unknown }; outputs?: unknown };
    outputs = manifest.tool?.name === "nch-report" ? manifest.outputs : undefined;
  } catch {
    outputs = undefined;
  }
  const files = Array.isArray(outputs) ? outputs.map((o) => (o as { file?: unknown }).file) : [];
  if (!Array.isArray(outputs) || !files.every(isSafeName)) {
    throw new OutputFolderError(
      outDir,
      `its ${MANIFEST_FILE} was not written by nch-report; move it away or choose another --out`,
    );
  }
  return [...new Set(files)].filter((f) => f !== MANIFEST_FILE);
}

/** A new file must not replace one the previous build did not write (a user's own file). */
export function refuseForeignFiles(
  outDir: string,
  names: readonly string[],
  previous: readonly string[],
): void {
  const ours = new Set([...previous, MANIFEST_FILE]);
  const foreign = names.find((n) => !ours.has(n) && existsSync(path.join(outDir, ...n.split("/"))));
  if (foreign) {
    throw new OutputFolderError(
      outDir,
      `${foreign} there was not written by nch-report (it is not in ${MANIFEST_FILE}); move it away or choose another --out`,
    );
  }
}

const OLD_TEMPORARY = /^.+\.tmp-(\d+)-[0-9a-f]{8}$/;
const STAGING = new RegExp(`^${STAGING_PREFIX.replace(".", "\\.")}(\\d+)-[0-9a-f]+$`);

async function removeUnlessInUse(pid: number, at: string): Promise<void> {
  // One that cannot go now (a file held open on Windows) is tried again by the next build.
  if (!(await inUse(pid, at))) await rm(at, { recursive: true, force: true }).catch(() => {});
}

/**
 * Removes what killed builds left: staging folders (`.nch-staging-<pid>-<hex>`) and the
 * `<name>.tmp-<pid>-<hex>` files of earlier versions, unless their process still runs.
 */
export async function removeLeftovers(outDir: string): Promise<void> {
  const removals: Promise<void>[] = [];
  for (const folder of [outDir, path.join(outDir, "figurer")]) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = (folder === outDir && STAGING.exec(name)?.[1]) || OLD_TEMPORARY.exec(name)?.[1];
      const at = path.join(folder, name);
      if (pid) removals.push(removeUnlessInUse(Number(pid), at));
    }
  }
  await Promise.all(removals);
}
