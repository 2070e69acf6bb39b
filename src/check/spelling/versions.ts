import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

let read: string[] | undefined;

/** The code of the spelling check itself, so that a changed rule never meets an old cache. */
function rulesHash(): string {
  const self = fileURLToPath(import.meta.url);
  const here = path.dirname(self);
  // In the esbuild bundle this code's chunk names the chunks it imports by content hash, so
  // hashing it covers them; run from sources, hash the rule and its folder.
  const files =
    path.basename(here) === "spelling"
      ? [
          ...[path.join(here, "..", `spelling${path.extname(self)}`)].filter(existsSync),
          ...readdirSync(here)
            .sort()
            .map((name) => path.join(here, name)),
        ]
      : [self];
  const hash = createHash("sha256");
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Versions of nch-report, cspell-lib, the Swedish dictionary and the spelling rules,
 * found without loading cspell.
 */
export function toolVersions(): string[] {
  if (read) return read;
  const require = createRequire(import.meta.url);
  const packageOf = (resolved: string, name: string): string => {
    for (let dir = path.dirname(resolved); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      try {
        const pkg = require(path.join(dir, "package.json")) as { name?: string; version?: string };
        if (pkg.name === name) return `${name}@${pkg.version}`;
      } catch {
        // No package.json here; go up.
      }
    }
    return `${name}@unknown`;
  };
  read = [
    packageOf(fileURLToPath(import.meta.url), "nch-report"),
    packageOf(fileURLToPath(import.meta.resolve("cspell-lib")), "cspell-lib"),
    packageOf(require.resolve("@cspell/dict-sv/cspell-ext.json"), "@cspell/dict-sv"),
    `rules@${rulesHash()}`,
  ];
  return read;
}
