import { contentKey } from "../cache-key.js";
import { type CacheSpace, NO_CACHE } from "../cache-space.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckTexts } from "../load/check-inputs.js";
import type { YearData } from "../load/dataset.js";
import type { YamlPath } from "../load/yaml-source.js";
import type { Speller } from "./spelling/speller.js";
import { toolVersions } from "./spelling/versions.js";

/** Results of this many different texts are kept (years, branches). */
const MAX_CACHED_RESULTS = 8;

export interface SpellingOptions {
  /** The cache's `spelling` namespace; none: every word looked up. */
  cache?: CacheSpace;
  /** Folder of the built-in word lists (tests). */
  builtInWords?: string;
  /** Loads cspell; only called when some word has no cached verdict. */
  loadSpeller?: (listed: ReadonlySet<string>) => Promise<Speller>;
}

/** A file with prose: a chapter, or a YAML file and the paths of its text values. */
export interface ProseSource {
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
  texts: CheckTexts,
  options: SpellingOptions = {},
): Promise<Diagnostic[]> {
  const [sources, listTexts] = await Promise.all([
    proseSources(data, texts),
    texts.wordLists(options.builtInWords),
  ]);
  const cache = options.cache ?? NO_CACHE.spelling;
  const key = contentKey([toolVersions(), listTexts, sources]);
  const stored = cache.read("results");
  const results = (Array.isArray(stored) ? stored : []) as [string, Diagnostic[]][];
  const cached = results.find(([k]) => k === key);
  if (cached) return cached[1];

  const { checkYearProse } = await import("./spelling/check-prose.js");
  const diagnostics = await checkYearProse(sources, listTexts, options);
  const kept = results.filter(([k]) => k !== key).slice(-(MAX_CACHED_RESULTS - 1));
  await cache.write("results", [...kept, [key, diagnostics]]);
  return diagnostics;
}

async function proseSources(data: YearData, inputs: CheckTexts): Promise<ProseSource[]> {
  // The raw texts the other text rules read too: positions must be those of the file as written.
  const texts = new Map((await inputs.smallTexts()).map((t) => [t.file.rel, t.text]));
  const yaml = (file: string, yamlPaths: YamlPath[]): ProseSource[] => {
    const text = texts.get(file);
    return text === undefined ? [] : [{ file, text, yamlPaths }];
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
  return [
    ...data.chapters.map((c) => ({ file: c.file.rel, text: c.text })),
    ...(data.report ? yaml(data.report.source.file, [["title"]]) : []),
    ...(themes ? yaml(themes.source.file, themePaths) : []),
    ...data.counties.flatMap((c) =>
      yaml(c.source.file, [["summary"], ["plans"], ["payment_note"]]),
    ),
  ];
}
