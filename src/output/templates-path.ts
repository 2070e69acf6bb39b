import { existsSync } from "node:fs";
import path from "node:path";
import { confine, dataFile } from "../load/files.js";
import { TEMPLATES_DIR } from "../package-root.js";

/** The tool's own templates/ folder (beside lib/ and src/). */
export const BUILTIN_TEMPLATES = `${TEMPLATES_DIR}${path.sep}`;

/**
 * A template file: the project's override in `<data>/templates/` when present, else the built-in
 * one. An override that leads outside the data root is never used (loadTemplates reports it).
 */
export function templateFile(projectTemplatesDir: string, name: string): string {
  const root = path.dirname(projectTemplatesDir);
  const override = dataFile(root, `${path.basename(projectTemplatesDir)}/${name}`);
  if (existsSync(override.abs)) {
    const outside = confine(override);
    if (outside) throw new Error(`${outside.file}: ${outside.message}`);
    return override.abs;
  }
  return path.join(BUILTIN_TEMPLATES, ...name.split("/"));
}
