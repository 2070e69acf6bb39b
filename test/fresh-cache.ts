import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openCache } from "../src/cache.js";
import type { CacheKind } from "../src/cache-space.js";

/** A cache in a new temporary folder, and the folder of its `kind` namespace (to look into). */
export function freshCache(kind: CacheKind) {
  const root = mkdtempSync(path.join(tmpdir(), "nch-cache-"));
  return { cache: openCache(root), cacheDir: path.join(root, kind) };
}
