// What the check rules read besides the parsed data, read here so that check/ reads no file: the
// inputs' raw texts, the word lists, other years' calls.csv and calls.csv itself as a stream.
import { lineBlocks, sniffCsvText, textChunks } from "./csv-text.js";
import type { YearData } from "./dataset.js";
import { hasCallsFile } from "./earlier-calls.js";
import type { DataFile } from "./files.js";
import { type InputText, isLargeInput, smallInputTexts } from "./input-text.js";
import { readWordLists, type WordListTexts } from "./word-list-files.js";

/** A large input (calls.csv) as decoded text in blocks of whole lines, read only when iterated. */
export interface StreamedText {
  file: DataFile;
  /** The blocks, or undefined when the file is unreadable (the loader reported that). */
  lineBlocks(): Promise<AsyncIterable<string> | undefined>;
}

/** The texts the rules get as data; each is read on first use and once per validation. */
export interface CheckTexts {
  /** Every input but calls.csv, as its author wrote it (comments and exact spelling). */
  smallTexts(): Promise<InputText[]>;
  /** calls.csv, streamed: a million rows are never held. */
  largeTexts: readonly StreamedText[];
  /** The built-in word lists (from `builtInDir` in tests) and the data folder's own. */
  wordLists(builtInDir?: string): Promise<WordListTexts>;
  /** Whether an earlier year folder has its own support-line/calls.csv. */
  hasCallsFile(year: number): Promise<boolean>;
}

function streamed(file: DataFile): StreamedText {
  return {
    file,
    async lineBlocks() {
      const sniffed = await sniffCsvText(file);
      if ("diagnostic" in sniffed || !sniffed.format) return undefined;
      return lineBlocks(textChunks(file, sniffed.format));
    },
  };
}

function once<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const known = new Map<K, Promise<V>>();
  return (key) => {
    const value = known.get(key) ?? read(key);
    known.set(key, value);
    return value;
  };
}

export function checkTexts(data: YearData): CheckTexts {
  return {
    smallTexts: () => smallInputTexts(data),
    largeTexts: data.inputs.filter((f) => isLargeInput(data, f)).map(streamed),
    wordLists: once((builtInDir?: string) => readWordLists(data.root, builtInDir)),
    hasCallsFile: once((year: number) => hasCallsFile(data.root, year)),
  };
}
