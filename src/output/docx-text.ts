// What a reader gets from a DOCX, for the personal-data gate (output-text.ts): its own module,
// so that builds without a DOCX never load the unzipper.
import { strFromU8, unzipSync } from "fflate";
import { type OutputText, xmlText } from "./output-text.js";
import type { OutputFile } from "./write.js";

/** A DOCX's XML parts, each paragraph's text runs joined, one paragraph a line. */
export function docxTexts(file: OutputFile): OutputText[] {
  const parts = unzipSync(file.bytes as Uint8Array, {
    filter: (entry) => /\.(xml|rels)$/.test(entry.name),
  });
  const names = Object.keys(parts);
  return names.map((part) => {
    const xml = strFromU8(parts[part] as Uint8Array);
    const paragraphs = xml
      .replace(/<w:(?:tab|br|cr)\b[^>]*\/>/g, ">\u0020<")
      .split(/<\/(?:w|a):p>/)
      .map((p) => xmlText(p.replace(/<[^>]*\/>/g, "")).join(""));
    const starts: number[] = [];
    let at = 0;
    for (const p of paragraphs) {
      starts.push(at);
      at += p.length + 1;
    }
    return {
      output: `${file.name} (${part})`,
      text: paragraphs.join("\n"),
      joinLines: false,
      locate: (offset) => `paragraph ${starts.filter((s) => s <= offset).length}`,
    };
  });
}
