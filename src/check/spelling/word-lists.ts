import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { TEMPLATES_DIR } from "../../package-root.js";
import { mergeTerms, parseTerminology, type Term } from "./terminology.js";

/** The built-in lists; the user's lists of the same names in `<data>/words/` extend them. */
export const BUILT_IN_WORDS = `${path.join(TEMPLATES_DIR, "words")}${path.sep}`;
export const WORD_LIST = "ordlista.txt";
export const TERMINOLOGY = "terminologi.yaml";

export interface WordLists {
  /** Accepted words: lower-case ones in any capitalisation of the first letter, others as written. */
  words: ReadonlySet<string>;
  terms: Term[];
  /** The lists' raw text, for the cache key: a changed list re-checks every word. */
  fingerprint: string;
  diagnostics: Diagnostic[];
}

/** One word per line (several on a line are several words); `#` starts a comment. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ""))
    .flatMap((line) => line.split(/\s+/))
    .filter((word) => word !== "");
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

/** The lists as written: the built-in ones and the user's in `<dataRoot>/words/`, if present. */
export interface WordListTexts {
  builtInWords?: string | undefined;
  builtInTerms?: string | undefined;
  userWords?: string | undefined;
  userTerms?: string | undefined;
}

export async function readWordLists(
  dataRoot: string,
  builtInDir = BUILT_IN_WORDS,
): Promise<WordListTexts> {
  const userDir = path.join(dataRoot, "words");
  const [builtInWords, builtInTerms, userWords, userTerms] = await Promise.all([
    readOptional(path.join(builtInDir, WORD_LIST)),
    readOptional(path.join(builtInDir, TERMINOLOGY)),
    readOptional(path.join(userDir, WORD_LIST)),
    readOptional(path.join(userDir, TERMINOLOGY)),
  ]);
  return { builtInWords, builtInTerms, userWords, userTerms };
}

/** The built-in word list and terminology extended by the user's. */
export function parseWordLists(texts: WordListTexts): WordLists {
  const diagnostics: Diagnostic[] = [];
  const terms = (file: string, text: string | undefined): Term[] => {
    if (text === undefined) return [];
    const parsed = parseTerminology(file, text);
    diagnostics.push(...parsed.diagnostics);
    return parsed.terms;
  };
  const words = new Set([
    ...parseWordList(texts.builtInWords ?? ""),
    ...parseWordList(texts.userWords ?? ""),
  ]);
  return {
    words,
    terms: mergeTerms(
      terms(`(built-in) ${TERMINOLOGY}`, texts.builtInTerms),
      terms(`words/${TERMINOLOGY}`, texts.userTerms),
    ),
    fingerprint: JSON.stringify(texts),
    diagnostics,
  };
}

export async function loadWordLists(dataRoot: string, builtInDir = BUILT_IN_WORDS) {
  return parseWordLists(await readWordLists(dataRoot, builtInDir));
}
