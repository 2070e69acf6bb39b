import { z } from "zod";
import { quoted } from "../diagnostics/quote.js";
import { parseAmount } from "./amount.js";
import { DATE_HINT, parseIsoDate } from "./calendar.js";
import { countyHint, matchCounty } from "./counties.js";
import { lookup, type Vocabulary, vocabularyHint } from "./vocabulary.js";

/** Extra data zod issues carry so they become the right diagnostic code. */
export interface IssueParams {
  code?: "vocab/unknown" | "county/unknown";
  hint?: string;
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_FORM = /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/;

/** Hints of the written forms (a regex issue carries no params), by the pattern's source. */
export const FORM_HINTS: Record<string, string> = {
  [DATE_FORM.source]: DATE_HINT,
  [MONTH_FORM.source]: "Expected a month YYYY-MM, for example 2023-10.",
};

/** A calendar date written YYYY-MM-DD (quoted or not: YAML reads it as text either way). */
export const isoDate = z
  .string()
  .regex(DATE_FORM, { message: "This is not a date written YYYY-MM-DD.", abort: true })
  .superRefine((value, ctx) => {
    if (parseIsoDate(value)) return;
    ctx.addIssue({
      code: "custom",
      message: `${quoted(value)} is not a date in the calendar.`,
      params: { hint: DATE_HINT } satisfies IssueParams,
    });
  });

/** A month written YYYY-MM (a full date is accepted and cut to its month). */
export const isoMonth = z
  .string()
  .regex(MONTH_FORM, "This is not a month written YYYY-MM.")
  .transform((s) => s.slice(0, 7));

/** Swedish prose: non-empty after trimming. */
export const prose = z.string().trim().min(1, "The text is empty.");

/** Kronor or tkr: a number, or a string in Swedish or plain form ("1 105 000,0"). */
export const amount = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === "number") return value;
  const parsed = parseAmount(value);
  if (parsed === undefined) {
    ctx.addIssue({
      code: "custom",
      message: `${quoted(value)} is not an amount.`,
      params: { hint: 'Write it as 1105000 or "1 105 000,0".' } satisfies IssueParams,
    });
    return z.NEVER;
  }
  return parsed;
});

/** A value from a controlled vocabulary, normalised to its code. */
export function vocabularyValue<C extends string>(vocab: Vocabulary<C>) {
  return z.string().transform((value, ctx): C => {
    const code = lookup(vocab, value);
    if (code === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `${quoted(value)} is not a valid ${vocab.name}.`,
        params: { code: "vocab/unknown", hint: vocabularyHint(vocab) } satisfies IssueParams,
      });
      return z.NEVER;
    }
    return code;
  });
}

/** A county in any common spelling or its SCB code, normalised to the two-digit code. */
export const countyCode = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const match = matchCounty(value);
  if (!match.county) {
    ctx.addIssue({
      code: "custom",
      message: `${quoted(value)} is not a Swedish county.`,
      params: { code: "county/unknown", hint: countyHint(match) } satisfies IssueParams,
    });
    return z.NEVER;
  }
  return match.county.code;
});
