// Words of the findings that stand for many of one code in one file (the rest are not listed).
import type { Lang, Words } from "./types.js";

/** A summary finding's args: how many more there are, and of what. */
export type SummaryArgs =
  | { summary: "more-in-file"; more: number; total: number }
  | { summary: "more-personal-data"; more: number; file: string };

export function isSummary(args: object): args is SummaryArgs {
  return "summary" in args;
}

const WORDS: Record<Lang, (a: SummaryArgs) => Words> = {
  en: (a) =>
    a.summary === "more-in-file"
      ? {
          message: `${a.more} more finding${a.more === 1 ? "" : "s"} of this kind in this file ${a.more === 1 ? "is" : "are"} not listed (${a.total} in all).`,
          hint: "Correct the ones listed: they usually share one cause, such as a wrong column or year.",
        }
      : {
          message: `… and ${a.more} more findings of personal data in ${a.file}, not listed one by one.`,
          hint: "Clean the file at its source (the export or the register it came from) and export it again.",
        },
  sv: (a) =>
    a.summary === "more-in-file"
      ? {
          message: `${a.more} fynd till av samma slag i filen visas inte (${a.total} sammanlagt).`,
          hint: "Rätta dem som visas: de har oftast samma orsak, till exempel fel kolumn eller fel år.",
        }
      : {
          message: `… och ${a.more} fynd till av personuppgifter i ${a.file}, som inte visas ett och ett.`,
          hint: "Rensa filen där den kommer ifrån (exporten eller registret) och exportera den på nytt.",
        },
};

export const summaryWords = (args: SummaryArgs, lang: Lang): Words => WORDS[lang](args);
