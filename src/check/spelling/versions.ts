import { codeFingerprint } from "../../cache-key.js";
import { packageVersion, TOOL_VERSION } from "../../version.js";

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
  read ??= [
    `nch-report@${TOOL_VERSION}`,
    `cspell-lib@${packageVersion("cspell-lib")}`,
    `@cspell/dict-sv@${packageVersion("@cspell/dict-sv")}`,
    `rules@${rulesHash()}`,
  ];
  return read;
}
