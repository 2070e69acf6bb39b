// The only module that loads cspell-lib: imported on demand, only when some word has no cached verdict.
import { createRequire } from "node:module";
import path from "node:path";
import { getDictionary, type SpellingDictionary } from "cspell-lib";
import { capitalise } from "../../text/swedish.js";
import { compoundFormBase, findNear, type Lexicon, splitCompound } from "./compounds.js";
import type { Verdict } from "./verdict.js";

const SUGGESTIONS = 3;

function swedishTrie(): string {
  const ext = createRequire(import.meta.url).resolve("@cspell/dict-sv/cspell-ext.json");
  return path.join(path.dirname(ext), "Swedish.trie.gz");
}

const isCapitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);

/** The dictionary and the word list as one lexicon; listed words win. */
function createLexicon(sv: SpellingDictionary, listed: ReadonlySet<string>): Lexicon {
  const memo = new Map<string, readonly string[] | undefined>();
  const lookUp = (word: string): readonly string[] | undefined => {
    if (listed.has(word)) return [word];
    const found = sv.find(word, { ignoreCase: false, compoundSeparator: "•" })?.found;
    return found ? found.split("•") : undefined;
  };
  return {
    parts(word) {
      if (!memo.has(word)) {
        const lower = word.toLowerCase();
        memo.set(
          word,
          lookUp(word) ?? (isCapitalised(word) && lower !== word ? lookUp(lower) : undefined),
        );
      }
      return memo.get(word);
    },
  };
}

export interface Speller {
  /** How a word stands in the lexicon; `prefix` for the first part of "hälso- och sjukvård". */
  verdict(word: string, prefix: boolean): Verdict;
}

/** Loads the Swedish dictionary (about a second) and judges words against it and the word list. */
export async function createSpeller(listed: ReadonlySet<string>): Promise<Speller> {
  const dictionaries = await getDictionary({
    dictionaryDefinitions: [{ name: "sv", path: swedishTrie() }],
    dictionaries: ["sv"],
    words: [...listed],
  });
  const sv = dictionaries.dictionaries.find((d) => d.name === "sv");
  if (!sv) throw new Error("The Swedish dictionary (@cspell/dict-sv) could not be loaded.");
  const lex = createLexicon(sv, listed);
  const suggest = (word: string, first: (string | undefined)[]): string[] => {
    const fromDictionary = dictionaries
      .suggest(word, { numSuggestions: SUGGESTIONS, ignoreCase: false, numChanges: 3 })
      .map((s) => s.word);
    const unique = new Set([...first, ...fromDictionary].filter((s) => s !== undefined));
    unique.delete(word);
    // The best guess, then only words of their own: "målsuppfyllelse" is a compound, not a hint.
    const [best, ...others] = [...unique].filter((s) => lex.parts(s));
    const plain = others.filter((s) => lex.parts(s)?.length === 1);
    return best === undefined ? [] : [best, ...plain].slice(0, SUGGESTIONS);
  };

  const judge = (word: string, prefix: boolean): Verdict => {
    const parts = lex.parts(word);
    if (parts?.length === 1) return { kind: "word" };
    if (parts) return { kind: "compound" };
    if (prefix && compoundFormBase(word, lex) !== undefined) return { kind: "word" };
    const split = splitCompound(word, lex);
    const near = findNear(word, lex);
    if (split && "parts" in split) return near ? { kind: "split", near } : { kind: "split" };
    return { kind: "unknown", suggestions: suggest(word, [split?.linkingFix, near?.word]) };
  };
  return {
    verdict(word, prefix) {
      // A capital first letter (a sentence's start) is judged as the word in lower case, if known.
      const lower = word.toLowerCase();
      if (isCapitalised(word) && lex.parts(lower)) {
        const verdict = judge(lower, prefix);
        if (verdict.kind !== "unknown") return verdict;
        return { kind: "unknown", suggestions: verdict.suggestions.map(capitalise) };
      }
      return judge(word, prefix);
    },
  };
}
