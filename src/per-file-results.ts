// Per-file results of the text rules and parsers, kept by a long-running process (preview,
// build --watch; switched on by keepCacheInMemory in src/cache.ts) while a file's text is unchanged.
let kept = false;

/** From now on, perFileResult keeps what it computes. */
export function keepPerFileResults(): void {
  kept = true;
}

/** Per-file results of the text rules and parsers, in a process that keeps the cache in memory. */
const perFile = new Map<string, { text: string; value: unknown }>();

/**
 * `compute()`, or what it gave for the same file and the same text (compared whole) the last
 * time, when this process keeps the cache in memory: a rebuild re-checks only edited files.
 * `compute` must depend on nothing but `text` and `slot` (the rule and file name).
 */
export function perFileResult<T>(slot: string, text: string, compute: () => T): T {
  if (!kept) return compute();
  const hit = perFile.get(slot);
  if (hit?.text === text) return hit.value as T;
  const value = compute();
  perFile.set(slot, { text, value });
  return value;
}
