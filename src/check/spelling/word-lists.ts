import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { TERMINOLOGY, type WordListTexts } from "../../load/word-list-names.js";
import { mergeTerms, parseTerminology, type Term } from "./terminology.js";

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

/** The built-in word list and terminology extended by the user's. */
export function parseWordLists(texts: WordListTexts): WordLists {
  const diagnostics: Diagnostic[] = [...(texts.refused ?? [])];
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
