import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The tool's own templates/ folder (beside lib/ and src/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A template file: the project's override in `<data>/templates/` when present, else the built-in one. */
export function templateFile(projectTemplatesDir: string, name: string): string {
  const override = path.join(projectTemplatesDir, ...name.split("/"));
  return existsSync(override) ? override : path.join(BUILTIN_TEMPLATES, ...name.split("/"));
}
