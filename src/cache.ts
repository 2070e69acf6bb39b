// The cache folder: content-addressed results (parsed YAML, templates, spelling, charts), opened
// once per command. A cache is an optimisation: any failure reads as a miss, and a key always covers everything the cached result depends on.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  CACHE_KINDS,
  type Cache,
  type CachedEntry,
  type CacheKind,
  type CacheSpace,
} from "./cache-space.js";
import { keepPerFileResults } from "./per-file-results.js";
import { projectRootOrCwd } from "./project-root.js";
import { unusualFolderReason } from "./unusual-path.js";

/** The cache folder: NCH_REPORT_CACHE (relative to the working directory) or `.nch-cache`. */
export function cacheRoot(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  return env.NCH_REPORT_CACHE
    ? path.resolve(cwd, env.NCH_REPORT_CACHE)
    : path.join(projectRootOrCwd(cwd), ".nch-cache");
}

/** `.nch-cache/<kind>/` at the project root (or the working directory outside a project). */
export function cacheDir(
  kind: CacheKind,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  return path.join(cacheRoot(env, cwd), kind);
}

const writableDirs = new Map<string, boolean>();

/** A cache folder that cannot be written (under /proc …) is never tried: mkdir would not return. */
function writable(dir: string): boolean {
  let known = writableDirs.get(dir);
  if (known === undefined) {
    known = unusualFolderReason(dir) === undefined;
    writableDirs.set(dir, known);
  }
  return known;
}

/** What binds an entry to its name: a hash of the name and the value, stored beside the value. */
function seal(key: string, json: string): string {
  return createHash("sha256").update(key).update("\0").update(json).digest("hex");
}

/**
 * An entry, or undefined: also when its seal does not match its name and content (edited,
 * truncated, or copied from another name). Read synchronously: an entry is small, and a warm
 * run reads dozens, for which the thread pool's round trips cost two to three times a plain read.
 */
function readCacheEntry(dir: string, key: string): unknown {
  try {
    const text = readFileSync(path.join(dir, `${key}.json`), "utf8");
    const split = text.indexOf("\n");
    const json = text.slice(split + 1);
    return split === 64 && text.slice(0, 64) === seal(key, json) ? JSON.parse(json) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a temporary file and renames it, so a reader never sees half an entry. */
async function writeCacheEntry(dir: string, key: string, value: unknown): Promise<void> {
  if (!writable(dir)) return;
  const temporary = path.join(dir, `${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const json = JSON.stringify(value);
    await writeFile(temporary, `${seal(key, json)}\n${json}`);
    await rename(temporary, path.join(dir, `${key}.json`));
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

/**
 * A result from the cache when `slot` holds it under `key` and `valid` accepts it, else computed
 * and stored (unless `storable` refuses it). The key is a hash of the input's bytes and of the
 * code that makes the result; the entry carries it and its seal binds it to the result. A slot
 * per input (a file, a chart) keeps one entry for it however often it changes; a slot named by
 * the key itself keeps one per version.
 */
async function cachedResult<T>(entry: CachedEntry<T> & { dir: string }): Promise<T> {
  const stored = readEntry(entry.dir, entry.slot) as { key?: unknown; result?: unknown };
  if (stored?.key === entry.key && entry.valid(stored.result)) return stored.result;
  const result = await entry.compute();
  if (entry.storable?.(result) ?? true) {
    await writeEntry(entry.dir, entry.slot, { key: entry.key, result });
  }
  return result;
}

/** Entries a long-running process (preview, build --watch) has read or written, by file. */
let kept: Map<string, unknown> | undefined;

/**
 * From now on this process keeps every entry it meets in memory too: a rebuild reads no entry
 * from disk twice. Names and keys still decide, so an edited input is never answered from old.
 */
export function keepCacheInMemory(): void {
  kept ??= new Map();
  keepPerFileResults();
}

/** A copy, as a read from disk gives: a stage that changes what it got changes no later build. */
function keep(file: string, value: unknown): void {
  try {
    kept?.set(file, structuredClone(value));
  } catch {
    kept?.delete(file); // not copyable: read from disk next time
  }
}

function readEntry(dir: string, key: string): unknown {
  const file = path.join(dir, key);
  if (kept?.has(file)) return structuredClone(kept.get(file));
  const value = readCacheEntry(dir, key);
  if (value !== undefined) keep(file, value);
  return value;
}

function writeEntry(dir: string, key: string, value: unknown): Promise<void> {
  keep(path.join(dir, key), value);
  return writeCacheEntry(dir, key, value);
}

function space(dir: string): CacheSpace {
  return {
    read: (key) => readEntry(dir, key),
    write: (key, value) => writeEntry(dir, key, value),
    result: (entry) => cachedResult({ dir, ...entry }),
  };
}

/** The cache in `root` (default: NCH_REPORT_CACHE, else `.nch-cache` at the project root). */
export function openCache(root: string = cacheRoot()): Cache {
  return Object.fromEntries(
    CACHE_KINDS.map((kind) => [kind, space(path.join(root, kind))]),
  ) as Cache;
}
