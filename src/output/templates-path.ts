import { existsSync } from "node:fs";
import path from "node:path";
import { TEMPLATES_DIR } from "../package-root.js";

/** The tool's own templates/ folder (beside lib/ and src/). */
export const BUILTIN_TEMPLATES = `${TEMPLATES_DIR}${path.sep}`;

/** A template file: the project's override in `<data>/templates/` when present, else the built-in one. */
export function templateFile(projectTemplatesDir: string, name: string): string {
  const override = path.join(projectTemplatesDir, ...name.split("/"));
  return existsSync(override) ? override : path.join(BUILTIN_TEMPLATES, ...name.split("/"));
}
