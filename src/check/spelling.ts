import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { cacheDir, readCacheEntry, writeCacheEntry } from "../cache.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { YearData } from "../load/dataset.js";
import type { YamlPath } from "../load/yaml.js";
import { markdownUnit, type ProseUnit, type ProseWord, proseWords } from "./spelling/prose.js";
import type { Speller } from "./spelling/speller.js";
import { findTerms } from "./spelling/terminology.js";
import { misspellings, type Verdict } from "./spelling/verdict.js";
import { toolVersions } from "./spelling/versions.js";
import { parseWordLists, readWordLists, WORD_LIST, type WordLists } from "./spelling/word-lists.js";
import { yamlProseUnits } from "./spelling/yaml-prose.js";

/** Past this many cached words, the cache keeps only the words of the current text. */
const MAX_CACHED_WORDS = 50_000;
/** Results of this many different texts are kept (years, branches). */
const MAX_CACHED_RESULTS = 8;

export interface SpellingOptions {
  cacheDir?: string;
  /** Folder of the built-in word lists (tests). */
  builtInWords?: string;
  /** Loads cspell; only called when some word has no cached verdict. */
  loadSpeller?: (listed: ReadonlySet<string>) => Promise<Speller>;
}

/** A file with prose: a chapter, or a YAML file and the paths of its text values. */
interface ProseSource {
  file: string;
  text: string;
  yamlPaths?: YamlPath[];
}

/**
 * Spelling and terminology of all prose of a year: chapters and the YAML text values. The
 * result is cached by the texts, the word lists and the tool versions; unchanged prose is
 * answered from the cache without loading cspell.
 */
export async function checkSpelling(
  data: YearData,
  options: SpellingOptions = {},
): Promise<Diagnostic[]> {
  const [sources, listTexts] = await Promise.all([
    proseSources(data),
    readWordLists(data.root, options.builtInWords),
  ]);
  const dir = options.cacheDir ?? cacheDir("spelling");
  const key = hash([toolVersions(), listTexts, sources]);
  const stored = await readCacheEntry(dir, "results");
  const results = (Array.isArray(stored) ? stored : []) as [string, Diagnostic[]][];
  const cached = results.find(([k]) => k === key);
  if (cached) return cached[1];

  const lists = parseWordLists(listTexts);
  const units = sources.flatMap((s) =>
    s.yamlPaths ? yamlProseUnits(s.file, s.text, s.yamlPaths) : [markdownUnit(s.file, s.text)],
  );
  const diagnostics = [...lists.diagnostics, ...(await checkProse(units, lists, options))];
  const kept = results.filter(([k]) => k !== key).slice(-(MAX_CACHED_RESULTS - 1));
  await writeCacheEntry(dir, "results", [...kept, [key, diagnostics]]);
  return diagnostics;
}

async function proseSources(data: YearData): Promise<ProseSource[]> {
  const yaml = async (file: string, yamlPaths: YamlPath[]): Promise<ProseSource[]> => {
    const text = await readFile(path.join(data.root, file), "utf8").catch(() => undefined);
    return text === undefined ? [] : [{ file, text: text.replace(/^\uFEFF/, ""), yamlPaths }];
  };
  const themes = data.themes;
  const themePaths = themes
    ? (["success_factors", "challenges"] as const).flatMap((list) =>
        themes.data[list].flatMap((_, i): YamlPath[] => [
          [list, i, "title"],
          [list, i, "text"],
        ]),
      )
    : [];
  const found = await Promise.all([
    data.report ? yaml(data.report.source.file, [["title"]]) : [],
    themes ? yaml(themes.source.file, themePaths) : [],
    ...data.counties.map((c) => yaml(c.source.file, [["summary"], ["plans"], ["payment_note"]])),
  ]);
  return [...data.chapters.map((c) => ({ file: c.file.rel, text: c.text })), ...found.flat()];
}

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
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
  return {
    severity: "warning",
    code: "prose/terminology",
    message: `"${found}" is not the agreed form: write "${suggestion}".`,
    file,
    line: at.line,
    column: at.column,
    hint: `Skriv: ${suggestion}`,
  };
}

function spellingDiagnostic(file: string, at: ProseWord, suggestions: string[]): Diagnostic {
  const quoted = suggestions.map((s) => `"${s}"`);
  const listed =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
  const didYouMean = quoted.length === 0 ? "" : `Did you mean ${listed}? `;
  return {
    severity: "warning",
    code: "prose/spelling",
    message: `"${at.text}${at.prefix ? "-" : ""}" may be misspelt.`,
    file,
    line: at.line,
    column: at.column,
    hint: `${didYouMean}If the word is right, add it to words/${WORD_LIST} in the data folder.`,
  };
}

/** Each word's verdict: from the cache, else from cspell (loaded here, and only here). */
async function verdictsFor(
  words: readonly string[],
  lists: WordLists,
  options: SpellingOptions,
): Promise<Map<string, Verdict>> {
  const dir = options.cacheDir ?? cacheDir("spelling");
  const key = `verdicts-${hash([toolVersions(), lists.fingerprint])}`;
  const entry = (await readCacheEntry(dir, key)) as Record<string, Verdict> | undefined;
  const verdicts = new Map(Object.entries(entry ?? {}));
  const missing = words.filter((w) => !verdicts.has(w));
  if (missing.length === 0) return verdicts;

  const load =
    options.loadSpeller ??
    (async (listed) => (await import("./spelling/speller.js")).createSpeller(listed));
  const speller = await load(lists.words);
  for (const word of missing) {
    const prefix = word.endsWith("-");
    verdicts.set(word, speller.verdict(prefix ? word.slice(0, -1) : word, prefix));
  }
  const kept =
    verdicts.size > MAX_CACHED_WORDS
      ? words.map((w) => [w, verdicts.get(w)] as const)
      : [...verdicts];
  await writeCacheEntry(dir, key, Object.fromEntries(kept));
  return verdicts;
}
