import type { FindingArgs } from "../args.js";
import type { DiagnosticCode } from "../codes.js";
import type { Diagnostic } from "../diagnostic.js";
import { en } from "./en.js";
import { isSummary, type SummaryArgs, summaryWords } from "./summaries.js";
import { sv } from "./sv.js";
import { type Catalogue, LANGS, type Lang, type Words } from "./types.js";

export type { SummaryArgs } from "./summaries.js";
export { LANGS, type Lang, type Words } from "./types.js";

const CATALOGUES: Record<Lang, Catalogue> = { sv, en };

/** The note of a finding about an earlier year's calls.csv, whose year the series takes elsewhere. */
const FALLS_BACK: Record<Lang, (year: number) => string> = {
  en: (year) => `(${year} falls back to history/support-line.csv in the series.)`,
  sv: (year) => `(För ${year} används history/support-line.csv i serien.)`,
};

/** The words of a code in a language, from its args. */
export function wordsOf<C extends DiagnosticCode>(
  code: C,
  args: FindingArgs[C] | SummaryArgs,
  lang: Lang,
): Words {
  const words = isSummary(args)
    ? summaryWords(args, lang)
    : (CATALOGUES[lang][code as DiagnosticCode] as (args: unknown) => Words)(args);
  if (!("fallsBack" in args)) return words;
  return { ...words, message: `${words.message} ${FALLS_BACK[lang](args.fallsBack as number)}` };
}

/** A finding with its message and hint in the chosen language (findings made without args keep theirs). */
export function inLanguage(d: Diagnostic, lang: Lang): Diagnostic {
  if (d.args === undefined || lang === "en") return d;
  const { message, hint } = wordsOf(d.code, d.args as never, lang);
  const { args, hint: _english, ...rest } = d;
  return { ...rest, message, ...(hint !== undefined && { hint }), args } as Diagnostic;
}

export function isLang(name: string): name is Lang {
  return (LANGS as readonly string[]).includes(name);
}

/** The environment's language for messages: LC_ALL, then LC_MESSAGES, then LANG; sv* → sv, else en. */
export function langFromEnvironment(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^sv(?:[_.@-]|$)/i.test(locale) ? "sv" : "en";
}
