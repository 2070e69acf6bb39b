import type { HelperDelegate, HelperOptions } from "handlebars";
import {
  formatKronor,
  formatNumberWord,
  formatPercent,
  formatSwedishDate,
  formatSwedishInteger,
  formatSwedishMonth,
  formatTkr,
} from "../model/format.js";
import { countyNames } from "../model/operations.js";
import { matchCounty } from "../schema/counties.js";
import { capitalise, formatSwedishList } from "../text/swedish.js";
import { escapeMarkdownInline } from "./escape.js";
import { locOf, Markdown, printValue, swedishNumber, TemplateValueError } from "./values.js";

type Args = unknown[];

function optionsOf(args: Args): HelperOptions {
  return args[args.length - 1] as HelperOptions;
}

function md(text: string): Markdown {
  return new Markdown(text);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return "no value (null)";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a group of values" : `"${String(value)}"`;
}

/** The argument as a number, or a positioned error that says what it was instead. */
function numberArg(helper: string, value: unknown, options: HelperOptions): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value === null || value === undefined) {
    throw new TemplateValueError(
      "template/no-value",
      `{{${helper}}} got no value (null): the figure is not known in this year's data.`,
      `Guard it: {{#if …}}{{${helper} …}}{{else}}uppgift saknas{{/if}}.`,
      locOf(options),
    );
  }
  throw new TemplateValueError(
    "template/invalid-value",
    `{{${helper}}} needs a number, not ${describe(value)}.`,
    "Pass a number from the model, e.g. {{number supportLine.thisYear.total}}.",
    locOf(options),
  );
}

function stringArg(helper: string, value: unknown, options: HelperOptions): string {
  if (typeof value === "string") return value;
  throw new TemplateValueError(
    value === null || value === undefined ? "template/no-value" : "template/invalid-value",
    `{{${helper}}} needs text, not ${describe(value)}.`,
    `See the README (Helpers) for what {{${helper}}} takes.`,
    locOf(options),
  );
}

/** Text for a list item or a heading: data escaped, numbers Swedish, renderer Markdown as is. */
function inlineText(value: unknown, options: HelperOptions): string {
  if (typeof value === "string") return escapeMarkdownInline(value);
  return printValue(value, "item", options);
}

const COUNTY_FORMS = {
  short: "name",
  official: "officialName",
  genitive: "genitive",
  "official-genitive": "officialGenitive",
  authority: "authority",
  "authority-formal": "authorityFormal",
} as const;

function heading(level: number, text: string): Markdown {
  return md(`${"#".repeat(Math.min(6, Math.max(1, level)))} ${text}`);
}

function segments(prefix: unknown): number {
  return typeof prefix === "string" && prefix !== "" ? prefix.split(".").length : 0;
}

/** A date or month helper: the value formatted, or its RangeError as the template's invalid value. */
function calendarHelper(
  helper: "date" | "month",
  format: (iso: string) => string,
  hint: string,
): HelperDelegate {
  return (value: unknown, options: HelperOptions) => {
    try {
      return md(format(stringArg(helper, value, options)));
    } catch (error) {
      if (error instanceof TemplateValueError) throw error;
      throw new TemplateValueError(
        "template/invalid-value",
        (error as Error).message,
        hint,
        locOf(options),
      );
    }
  };
}

/** Swedish presentation helpers; each returns Markdown that is safe to insert. */
export const PRESENTATION_HELPERS: Record<string, HelperDelegate> = {
  /** {{number 21751}} → "21 751" */
  number: (value: unknown, options: HelperOptions) =>
    md(formatSwedishInteger(numberArg("number", value, options))),
  /** {{decimal 12.345 2}} → "12,35" */
  decimal: (value: unknown, ...rest: Args) => {
    const options = optionsOf(rest);
    const digits = typeof rest[0] === "number" ? rest[0] : 1;
    return md(swedishNumber(Number(numberArg("decimal", value, options).toFixed(digits))));
  },
  /** {{kronor 13913620}} → "13 913 620 kr" */
  kronor: (value: unknown, options: HelperOptions) =>
    md(formatKronor(numberArg("kronor", value, options))),
  /** {{tkr 21751}} → "21 751 tkr" */
  tkr: (value: unknown, options: HelperOptions) => md(formatTkr(numberArg("tkr", value, options))),
  /** {{percent 0.8802}} → "88 %" */
  percent: (value: unknown, options: HelperOptions) => {
    const decimals = typeof options.hash?.decimals === "number" ? options.hash.decimals : 0;
    return md(formatPercent(numberArg("percent", value, options), decimals));
  },
  /** {{plain 2023}} → "2023": digits without grouping (years, ids). */
  plain: (value: unknown, options: HelperOptions) => md(String(numberArg("plain", value, options))),
  /** {{date "2024-03-01"}} → "1 mars 2024" */
  date: calendarHelper("date", formatSwedishDate, "Write the date as YYYY-MM-DD."),
  /** {{month "2023-10"}} → "oktober 2023" */
  month: calendarHelper("month", formatSwedishMonth, "Write the month as YYYY-MM."),
  /** {{list names}} → "Dalarna, Skåne och Örebro"; conjunction="eller" for "… eller …". */
  list: (value: unknown, options: HelperOptions) => {
    if (!Array.isArray(value)) {
      throw new TemplateValueError(
        value === null || value === undefined ? "template/no-value" : "template/invalid-value",
        `{{list}} needs a list, not ${describe(value)}.`,
        "Pass a list from the model, e.g. {{list theme.reportedBy}}.",
        locOf(options),
      );
    }
    const conjunction =
      typeof options.hash?.conjunction === "string" ? options.hash.conjunction : "och";
    return md(
      formatSwedishList(
        value.map((item) => inlineText(item, options)),
        escapeMarkdownInline(conjunction),
      ),
    );
  },
  /**
   * {{county "12"}} → "Skåne"; form="official" "Skåne län", "genitive" "Skånes",
   * "official-genitive" "Skåne läns", "authority" "Länsstyrelsen Skåne",
   * "authority-formal" "Länsstyrelsen i Skåne län". Takes an SCB code or a name in any common form.
   */
  county: (value: unknown, options: HelperOptions) => {
    const text = typeof value === "number" ? String(value) : stringArg("county", value, options);
    const match = matchCounty(text);
    if (!match.county) {
      throw new TemplateValueError(
        "template/invalid-value",
        `{{county}}: "${text}" is not a Swedish county.`,
        'Pass an SCB code ("12") or a county name ("Skåne").',
        locOf(options),
      );
    }
    const form = (options.hash?.form ?? "short") as string;
    const key = COUNTY_FORMS[form as keyof typeof COUNTY_FORMS];
    if (!key) {
      throw new TemplateValueError(
        "template/invalid-value",
        `{{county}}: there is no form "${form}".`,
        `Use one of: ${Object.keys(COUNTY_FORMS).join(", ")}.`,
        locOf(options),
      );
    }
    return md(escapeMarkdownInline(countyNames(match.county)[key]));
  },
  /** {{words 11}} → "elva"; neuter=true gives "ett" for 1. Numbers above 12 stay digits. */
  words: (value: unknown, options: HelperOptions) =>
    md(
      formatNumberWord(
        numberArg("words", value, options),
        options.hash?.neuter ? "neuter" : "common",
      ),
    ),
  /** {{capitalize "projektomgång"}} → "Projektomgång" */
  capitalize: (value: unknown, options: HelperOptions) => {
    const text = inlineText(value, options);
    return md(capitalise(text));
  },
  /** {{lowercase "Bortförande"}} → "bortförande" */
  lowercase: (value: unknown, options: HelperOptions) =>
    md(inlineText(value, options).toLocaleLowerCase("sv-SE")),
  /** Logic for {{#if}}: eq, ne, gt, gte, lt, lte, and, or, not. */
  eq: (a: unknown, b: unknown) => a === b,
  ne: (a: unknown, b: unknown) => a !== b,
  gt: (a: unknown, b: unknown) => (a as number) > (b as number),
  gte: (a: unknown, b: unknown) => (a as number) >= (b as number),
  lt: (a: unknown, b: unknown) => (a as number) < (b as number),
  lte: (a: unknown, b: unknown) => (a as number) <= (b as number),
  and: (...args: Args) => args.slice(0, -1).every(Boolean),
  or: (...args: Args) => args.slice(0, -1).some(Boolean),
  not: (value: unknown) => !value,
  /**
   * {{numberedHeading "5.1.1" @index "Projektomgång 2"}} → "#### 5.1.1.1 Projektomgång 2": the
   * level follows the number. Without a number (null or ""), an unnumbered heading at level=.
   */
  numberedHeading: (prefix: unknown, index: unknown, title: unknown, options: HelperOptions) => {
    const text = inlineText(title, options);
    if (segments(prefix) === 0) {
      return heading(typeof options.hash?.level === "number" ? options.hash.level : 4, text);
    }
    const n = numberArg("numberedHeading", index, options) + 1;
    return heading(segments(prefix) + 1, `${prefix as string}.${n} ${text}`);
  },
  /** {{subHeading "5.1.1" "Dalarna"}} → "##### Dalarna": one level below the numbered headings. */
  subHeading: (prefix: unknown, title: unknown, options: HelperOptions) => {
    const level = segments(prefix) > 0 ? segments(prefix) + 2 : (options.hash?.level ?? 5);
    return heading(level as number, inlineText(title, options));
  },
  /** {{heading "Resultaträkning" level=2}} → "## Resultaträkning" */
  heading: (title: unknown, options: HelperOptions) =>
    heading(
      typeof options.hash?.level === "number" ? options.hash.level : 2,
      inlineText(title, options),
    ),
  /** {{indent depth}}: no-break spaces that indent a table label by its depth in the tree. */
  indent: (depth: unknown, options: HelperOptions) =>
    md("\u00a0".repeat(2 * Math.max(0, numberArg("indent", depth, options)))),
};
