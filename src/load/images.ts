import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { dataFile, decodeUtf8, readLimited, SIZE_LIMITS } from "./files.js";

/** Folder of a year's own images (an organisation chart, a map), used by {{figure "<name>"}}. */
export const IMAGE_DIR = "figurer";

/**
 * The SVG images in `<root>/<year>/figurer/`, by name without ".svg". Each must stay inside the
 * data root (symbolic links included) and be UTF-8 text of at most 2 MB.
 */
export async function loadImages(
  rootDir: string,
  year: number,
): Promise<{ images: Map<string, string>; diagnostics: Diagnostic[] }> {
  const root = path.resolve(rootDir);
  const base = `${year}/${IMAGE_DIR}`;
  const images = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = (await readdir(path.join(root, ...base.split("/"))))
      .filter((n) => /\.svg$/i.test(n))
      .sort();
  } catch {
    return { images, diagnostics };
  }
  for (const name of names) {
    const file = dataFile(root, `${base}/${name}`);
    const read = await readLimited(file, SIZE_LIMITS.markdown);
    if ("diagnostic" in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const decoded = decodeUtf8(file, read.bytes);
    if ("diagnostic" in decoded) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    images.set(name.replace(/\.svg$/i, ""), decoded.text);
  }
  return { images, diagnostics };
}
