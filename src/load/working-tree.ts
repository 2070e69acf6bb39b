import { existsSync, readFileSync, statSync } from "node:fs";
import { type DataFile, resolveInside, SIZE_LIMITS } from "./files.js";

/**
 * An input named by an earlier build's manifest, in the working tree: inside the data root only
 * (a manifest is a file anyone can edit), undefined when it is missing or not a regular file.
 */
export function workingTreeFile(root: string, rel: string): DataFile | undefined {
  const resolved = resolveInside(root, "", rel, { file: rel, line: 0, column: 0 });
  if (!("file" in resolved) || !existsSync(resolved.file.abs)) return undefined;
  return statSync(resolved.file.abs).isFile() ? resolved.file : undefined;
}

/** The text of a Markdown, YAML or CSV input of the working tree (UTF-8, BOM dropped). */
export function workingTreeText(root: string, rel: string): string | undefined {
  const file = /\.(md|ya?ml|csv)$/i.test(rel) ? workingTreeFile(root, rel) : undefined;
  if (!file || statSync(file.abs).size > SIZE_LIMITS.markdown) return undefined;
  return readFileSync(file.abs, "utf8")
    .replace(/^\uFEFF/, "")
    .normalize("NFC");
}
