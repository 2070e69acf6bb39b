import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ConverterNeed } from "./output/converters.js";
import { PACKAGE_ROOT } from "./package-root.js";

const require = createRequire(import.meta.url);

/** nch-report's own version, from its package.json. */
export const TOOL_VERSION = (
  JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    version: string;
  }
).version;

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * The folder of an installed package: where Node looks for it from here (the node_modules folders
 * upwards), else by resolving it (its "exports" may not expose package.json). Looking costs a few
 * `stat`s; resolving cspell-lib's exports took ~3 ms of every start.
 */
function packageDir(name: string): string {
  for (let dir = HERE; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", ...name.split("/"));
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === path.dirname(dir)) break;
  }
  let dir = path.dirname(require.resolve(name));
  while (!existsSync(path.join(dir, "package.json")) || !dir.endsWith(path.basename(name))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the package folder of ${name}.`);
    dir = parent;
  }
  return dir;
}

export function packageVersion(name: string): string {
  const manifest = readFileSync(path.join(packageDir(name), "package.json"), "utf8");
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Versions of the converters behind DOCX, PDF (and, `pandoc` set, HTML), for the build manifest. */
export function converterVersions(
  formats: readonly ConverterNeed[],
  pandoc = false,
): Record<string, string> {
  if (formats.length === 0 && !pandoc) return {};
  const versions: Record<string, string> = {
    pandoc: readFileSync(path.join(packageDir("pandoc-wasm"), "pandoc-version.txt"), "utf8").trim(),
    "pandoc-wasm": packageVersion("pandoc-wasm"),
  };
  if (formats.includes("pdf")) {
    versions["typst-ts-node-compiler"] = packageVersion("@myriaddreamin/typst-ts-node-compiler");
  }
  return versions;
}
