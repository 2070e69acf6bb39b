import { readdirSync } from "node:fs";
import path from "node:path";

export const SRC = path.join(import.meta.dirname, "..", "src");

/** The .ts files under `dir`, relative to it ("check/index.ts"). */
export function sourceFiles(dir: string = SRC, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : entry.name.endsWith(".ts")
        ? [`${prefix}${entry.name}`]
        : [],
  );
}
