// Content-addressed caches (spelling verdicts, chart SVGs). A cache is an optimisation: any
// failure reads as a miss, and a key always covers everything the cached result depends on.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** `.nch-cache/<kind>/` in the working directory; NCH_REPORT_CACHE moves the `.nch-cache` part. */
export function cacheDir(
  kind: "spelling" | "charts",
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  const root = env.NCH_REPORT_CACHE
    ? path.resolve(cwd, env.NCH_REPORT_CACHE)
    : path.join(cwd, ".nch-cache");
  return path.join(root, kind);
}

export async function readCacheEntry(dir: string, key: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(dir, `${key}.json`), "utf8"));
  } catch {
    return undefined;
  }
}

/** Writes a temporary file and renames it, so a reader never sees half an entry. */
export async function writeCacheEntry(dir: string, key: string, value: unknown): Promise<void> {
  const temporary = path.join(dir, `${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, JSON.stringify(value));
    await rename(temporary, path.join(dir, `${key}.json`));
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
