// Cache keys: what an entry is looked up by and the fingerprint of the code that made it. Pure
// but for reading the code's own files; the stages that cache import these, never the folder.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A short key for a JSON-able value: what a cache entry is looked up by. */
export function contentKey(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

/**
 * A fingerprint of the code that produces a cached result, so that changed code never meets an
 * old entry. In the bundle (`selfUrl` is a .js chunk) it is the chunk itself, which names
 * the chunks it imports by content hash; run from sources, it is the `sources` (files or folders,
 * relative to `selfUrl`'s folder). `extra` adds what neither covers, such as external packages'
 * versions.
 */
export function codeFingerprint(selfUrl: string, sources: readonly string[], extra = ""): string {
  const self = fileURLToPath(selfUrl);
  const here = path.dirname(self);
  const files =
    path.extname(self) === ".ts" ? sources.flatMap((s) => filesOf(path.join(here, s))) : [self];
  const hash = createHash("sha256").update(extra);
  for (const file of files) hash.update(file.slice(here.length)).update(digestOf(file));
  return hash.digest("hex").slice(0, 32);
}

/** Each file's hash, once per process: several caches fingerprint the same bundle chunk. */
const digests = new Map<string, string>();

function digestOf(file: string): string {
  let digest = digests.get(file);
  if (digest === undefined) {
    digest = createHash("sha256").update(readFileSync(file)).digest("hex");
    digests.set(file, digest);
  }
  return digest;
}

function filesOf(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .sort()
    .map((name) => path.join(target, name))
    .filter((file) => statSync(file).isFile());
}
