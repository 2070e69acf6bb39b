import { z } from "zod";
import type { FindingArgs, SchemaIssue } from "../diagnostics/args.js";
import { parseAmount } from "./amount.js";
import { parseIsoDate } from "./calendar.js";
import { countySuggestion, matchCounty } from "./counties.js";
import { lookup, type Vocabulary, vocabularyChoices } from "./vocabulary.js";

/** Extra data zod issues carry so they become the right finding: its code and args (no `where`). */
export type IssueParams =
  | { code: "vocab/unknown"; args: Omit<FindingArgs["vocab/unknown"], "where"> }
  | { code: "county/unknown"; args: Omit<FindingArgs["county/unknown"], "where"> }
  | { code: "schema/invalid-value"; args: SchemaIssue };

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_FORM = /^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/;

/** The written forms a regex issue stands for (it carries no params), by the pattern's source. */
export const FORMS: Record<string, "date" | "month"> = {
  [DATE_FORM.source]: "date",
  [MONTH_FORM.source]: "month",
};

/** A calendar date written YYYY-MM-DD (quoted or not: YAML reads it as text either way). */
export const isoDate = z
  .string()
  .regex(DATE_FORM, { message: "This is not a date written YYYY-MM-DD.", abort: true })
  .superRefine((value, ctx) => {
    if (parseIsoDate(value)) return;
    ctx.addIssue({
      code: "custom",
      params: {
        code: "schema/invalid-value",
        args: { issue: "not-calendar-date", value },
      } satisfies IssueParams,
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
      params: {
        code: "schema/invalid-value",
        args: { issue: "not-amount", value },
      } satisfies IssueParams,
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
        params: {
          code: "vocab/unknown",
          args: { value, vocabulary: vocab.name, known: vocabularyChoices(vocab) },
        } satisfies IssueParams,
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
      params: {
        code: "county/unknown",
        args: { context: "value", value: String(value), ...countySuggestion(match) },
      } satisfies IssueParams,
    });
    return z.NEVER;
  }
  return match.county.code;
});
