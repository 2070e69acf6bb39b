import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeFingerprint } from "../../cache-key.js";

let read: string[] | undefined;

/** The code of the spelling check itself, so that a changed rule never meets an old cache. */
function rulesHash(): string {
  return codeFingerprint(import.meta.url, ["../spelling.ts", "."]).slice(0, 16);
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
