// What a stage that caches is given: a namespace of the cache, never the folder (src/cache.ts
// opens that, once per command).
/** What cachedResult looks up, checks and, on a miss, computes and stores. */
export interface CachedEntry<T> {
  slot: string;
  key: string;
  valid: (value: unknown) => value is T;
  compute: () => T | Promise<T>;
  storable?: (value: T) => boolean;
}

/** One namespace of the cache (a folder of sealed entries): what a stage that caches is given. */
export interface CacheSpace {
  read(key: string): unknown;
  write(key: string, value: unknown): Promise<void>;
  result<T>(entry: CachedEntry<T>): Promise<T>;
}

export type CacheKind = "spelling" | "charts" | "yaml" | "templates" | "html";

/** The cache, one namespace per kind of result; created once per command and passed to the stages. */
export type Cache = Readonly<Record<CacheKind, CacheSpace>>;

export const CACHE_KINDS: readonly CacheKind[] = [
  "spelling",
  "charts",
  "yaml",
  "templates",
  "html",
];

const nothingKept: CacheSpace = {
  read: () => undefined,
  write: async () => undefined,
  result: async (entry) => entry.compute(),
};

/** A cache that keeps nothing: every result computed (a stage called without the pipeline's cache). */
export const NO_CACHE: Cache = Object.fromEntries(
  CACHE_KINDS.map((kind) => [kind, nothingKept]),
) as Cache;
