import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * nch-report's own folder, found by walking up from this code to the package.json named
 * "nch-report" — so the paths hold whether the code runs from lib/, a bundle or the sources.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "nch-report"
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir)
      throw new Error(`nch-report's package.json is not above ${start}.`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The built-in templates: report, partials, charts, reference.docx, Typst, fonts, word lists. */
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates");
