// What a reader gets from each output file, as plain text pieces for the personal-data gate.
import { positionsOf } from "../load/input-text.js";
import { pdfText } from "./pdf-text.js";
import type { OutputFile } from "./write.js";

/** A piece of an output's text; `locate` says where an offset in it is, for the message. */
export interface OutputText {
  output: string;
  text: string;
  /** Read line ends as spaces (Markdown prose); off where a line end separates values. */
  joinLines: boolean;
  locate: (offset: number) => string;
  /** The input a piece is the name of (data-root-relative), when it is one. */
  file?: string;
}

const asText = (bytes: Uint8Array | string) =>
  typeof bytes === "string" ? bytes : Buffer.from(bytes).toString("utf8");

function lineLocator(text: string): (offset: number) => string {
  const positionOf = positionsOf(text);
  return (offset) => `line ${positionOf(offset).line}`;
}

/** Text nodes and the attributes a reader gets (alt, title, aria-label) of an XML document. */
export function xmlText(xml: string): string[] {
  const pieces: string[] = [];
  for (const m of xml.matchAll(/\s(?:descr|title|alt|aria-label|name)="([^"]*)"/g)) {
    pieces.push(m[1] as string);
  }
  for (const m of xml.matchAll(/>([^<]+)</g)) pieces.push(m[1] as string);
  return pieces;
}

const BLOCK =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|tr|td|th|table|caption|section|figure|figcaption|br|nav|header|footer|main|details|summary|blockquote)\b[^>]*>/g;

/**
 * A page of the HTML edition: the text a reader sees (tags within a paragraph removed, so
 * `850101<strong>-</strong>1236` reads as one number) and every attribute's value (alt texts,
 * ids, links), with each inline chart reduced to its labels (path data is no text).
 */
function htmlTexts(output: string, html: string): OutputText[] {
  const markup = html.replace(
    /<svg\b[\s\S]*?<\/svg>/g,
    (svg) => `<svg>${xmlText(svg).join("\n")}</svg>`,
  );
  const seen = markup.replace(BLOCK, "\n").replace(/<[^>]*>/g, "");
  const attributes = [...markup.matchAll(/\s[\w:-]+="([^"]*)"/g)].map((m) => m[1]).join("\n");
  return [
    { output, text: seen, joinLines: false, locate: () => "its text" },
    { output, text: attributes, joinLines: false, locate: () => "an attribute" },
  ];
}

/**
 * The text pieces of an output file, by its kind; its name is one piece of its own. A DOCX's
 * reader (and its unzipper) loads only when a build makes one.
 */
export async function outputTexts(file: OutputFile): Promise<OutputText[]> {
  const name: OutputText = {
    output: file.name,
    text: file.name,
    joinLines: false,
    locate: () => "the file's name",
  };
  if (file.name.endsWith(".docx"))
    return [name, ...(await import("./docx-text.js")).docxTexts(file)];
  if (file.name.endsWith(".pdf")) {
    const text = pdfText(file.bytes as Uint8Array);
    return [name, { output: file.name, text, joinLines: true, locate: () => "its text" }];
  }
  // The shipped fonts are ours, not data, and binary: their bytes read as text are no text.
  if (/\.(ttf|otf|woff2?)$/.test(file.name)) return [name];
  const text = asText(file.bytes);
  if (file.name.endsWith(".svg")) {
    const labels = xmlText(text).join("\n");
    return [name, { output: file.name, text: labels, joinLines: false, locate: () => "a label" }];
  }
  if (file.name.endsWith(".json")) {
    // Hashes (SHA-256, commit ids) are ours, not data: their digit runs are no numbers.
    const own = text.replace(/\b[0-9a-f]{40,64}\b/g, (hex) => "x".repeat(hex.length));
    return [name, { output: file.name, text: own, joinLines: false, locate: lineLocator(text) }];
  }
  if (file.name.endsWith(".html")) return [name, ...htmlTexts(file.name, text)];
  const prose = /\.(md|markdown)$/.test(file.name);
  return [name, { output: file.name, text, joinLines: prose, locate: lineLocator(text) }];
}
