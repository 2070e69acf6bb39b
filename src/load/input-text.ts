// Every input read again as raw text (comments and exact spelling), for the text rules of check/
// and the gates of output/: they get the texts from here and never read a file themselves.
import { detectEncoding } from "./csv-text.js";
import type { YearData } from "./dataset.js";
import { type DataFile, readLimited, SIZE_LIMITS } from "./files.js";
import { normaliseText } from "./text.js";

/** The position mapper of the texts here: see positions.ts (pure, for check/ too). */
export { positionsOf } from "./positions.js";

/** The raw text of one input file, as its author wrote it (comments included). */
export interface InputText {
  file: DataFile;
  kind: "yaml" | "markdown" | "csv";
  text: string;
}

function kindOf(rel: string): InputText["kind"] | undefined {
  if (/\.ya?ml$/i.test(rel)) return "yaml";
  if (/\.(md|markdown)$/i.test(rel)) return "markdown";
  if (/\.csv$/i.test(rel)) return "csv";
  return undefined;
}

/** calls.csv may hold a million rows: text scans stream it instead of holding it. */
export function isLargeInput(data: YearData, file: DataFile): boolean {
  return data.calls?.file === file.rel || file.rel.endsWith("/support-line/calls.csv");
}

/** Decodes and normalises as the loaders do: a BOM decides, else UTF-8 when valid, else Windows-1252. */
export function decodeInput(bytes: Buffer): string | undefined {
  const detected = detectEncoding(bytes);
  if (!detected) return undefined;
  return normaliseText(new TextDecoder(detected.encoding).decode(bytes.subarray(detected.offset)));
}

async function readInput(file: DataFile): Promise<InputText | undefined> {
  const kind = kindOf(file.rel);
  if (!kind) return undefined;
  const read = await readLimited(file, kind === "csv" ? SIZE_LIMITS.csv : SIZE_LIMITS.markdown);
  // Unreadable files are already reported by the loader with their own code.
  if ("diagnostic" in read) return undefined;
  const text = decodeInput(read.bytes);
  return text === undefined ? undefined : { file, kind, text };
}

const cache = new WeakMap<YearData, Promise<InputText[]>>();

/**
 * Every input file except calls.csv, read again as raw text (kilobytes each): the parsed
 * data has lost comments and exact spelling. Read once per validation, shared by the rules.
 */
export function smallInputTexts(data: YearData): Promise<InputText[]> {
  let texts = cache.get(data);
  if (!texts) {
    texts = Promise.all(
      data.inputs.filter((f) => !isLargeInput(data, f)).map((f) => readInput(f)),
    ).then((all) => all.filter((t): t is InputText => t !== undefined));
    cache.set(data, texts);
  }
  return texts;
}
