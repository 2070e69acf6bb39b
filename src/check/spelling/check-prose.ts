// The spelling check proper, loaded only when a year's prose is not answered by the cache:
// word lists and YAML prose are parsed here, and cspell is loaded for words without a verdict.

import { contentKey } from "../../cache-key.js";
import { NO_CACHE } from "../../cache-space.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { finding } from "../../diagnostics/finding.js";
import { WORD_LIST, type WordListTexts } from "../../load/word-list-names.js";
import { perFileResult } from "../../per-file-results.js";
import type { ProseSource, SpellingOptions } from "../spelling.js";
import { markdownUnit, type ProseUnit, type ProseWord, proseWords } from "./prose.js";
import { findTerms } from "./terminology.js";
import { misspellings, type Verdict } from "./verdict.js";
import { toolVersions } from "./versions.js";
import { parseWordLists, type WordLists } from "./word-lists.js";
import { yamlProseUnits } from "./yaml-prose.js";

/** Past this many cached words, the cache keeps only the words of the current text. */
const MAX_CACHED_WORDS = 50_000;

/** Every finding in a year's prose: its word lists' own problems, terminology and spelling. */
export async function checkYearProse(
  sources: readonly ProseSource[],
  listTexts: WordListTexts,
  options: SpellingOptions,
): Promise<Diagnostic[]> {
  const lists = parseWordLists(listTexts);
  const units = sources.flatMap((s) =>
    s.yamlPaths
      ? perFileResult(`prose\0${JSON.stringify(s.yamlPaths)}\0${s.file}`, s.text, () =>
          yamlProseUnits(s.file, s.text, s.yamlPaths ?? []),
        )
      : [markdownUnit(s.file, s.text)],
  );
  return [...lists.diagnostics, ...(await checkProse(units, lists, options))];
}

const wordKey = (w: ProseWord) => (w.prefix ? `${w.text}-` : w.text);

/** The diagnostics for some prose against word lists; cspell is loaded only for uncached words. */
export async function checkProse(
  units: readonly ProseUnit[],
  lists: WordLists,
  options: SpellingOptions = {},
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const checked: { file: string; word: ProseWord }[] = [];
  for (const unit of units) {
    const words = proseWords(unit);
    const inTerms = new Set<number>();
    for (const hit of findTerms(words, lists.terms)) {
      const first = words[hit.index] as ProseWord;
      diagnostics.push(terminologyDiagnostic(unit.file, first, hit.found, hit.suggestion));
      for (let k = 0; k < hit.length; k++) inTerms.add(hit.index + k);
    }
    for (const [i, word] of words.entries()) {
      if (!inTerms.has(i)) checked.push({ file: unit.file, word });
    }
  }
  const counts = new Map<string, number>();
  for (const { word } of checked) counts.set(wordKey(word), (counts.get(wordKey(word)) ?? 0) + 1);
  const verdicts = await verdictsFor([...counts.keys()], lists, options);
  const misspelt = misspellings(counts, verdicts);
  for (const { file, word } of checked) {
    const suggestions = misspelt.get(wordKey(word));
    if (suggestions) diagnostics.push(spellingDiagnostic(file, word, suggestions));
  }
  return diagnostics;
}

function terminologyDiagnostic(
  file: string,
  at: ProseWord,
  found: string,
  suggestion: string,
): Diagnostic {
  return finding(
    "prose/terminology",
    { file, line: at.line, column: at.column },
    { found, suggestion },
  );
}

function spellingDiagnostic(file: string, at: ProseWord, suggestions: string[]): Diagnostic {
  return finding(
    "prose/spelling",
    { file, line: at.line, column: at.column },
    { word: at.text, prefix: at.prefix, suggestions, wordList: WORD_LIST },
  );
}

/** Each word's verdict: from the cache, else from cspell (loaded here, and only here). */
async function verdictsFor(
  words: readonly string[],
  lists: WordLists,
  options: SpellingOptions,
): Promise<Map<string, Verdict>> {
  const cache = options.cache ?? NO_CACHE.spelling;
  const key = `verdicts-${contentKey([toolVersions(), lists.fingerprint])}`;
  const entry = cache.read(key) as Record<string, Verdict> | undefined;
  const verdicts = new Map(Object.entries(entry ?? {}));
  const missing = words.filter((w) => !verdicts.has(w));
  if (missing.length === 0) return verdicts;

  const load =
    options.loadSpeller ?? (async (listed) => (await import("./speller.js")).createSpeller(listed));
  const speller = await load(lists.words);
  for (const word of missing) {
    const prefix = word.endsWith("-");
    verdicts.set(word, speller.verdict(prefix ? word.slice(0, -1) : word, prefix));
  }
  const kept =
    verdicts.size > MAX_CACHED_WORDS
      ? words.map((w) => [w, verdicts.get(w)] as const)
      : [...verdicts];
  await cache.write(key, Object.fromEntries(kept));
  return verdicts;
}
