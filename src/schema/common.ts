import { z } from "zod";
import { parseAmount } from "../load/amount.js";
import { countyHint, matchCounty } from "./counties.js";
import { lookup, type Vocabulary, vocabularyHint } from "./vocabulary.js";

/** Extra data zod issues carry so they become the right diagnostic code. */
export interface IssueParams {
  code?: "vocab/unknown" | "county/unknown";
  hint?: string;
}

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
}

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write the date as YYYY-MM-DD, for example 2024-03-01.")
  .refine(isRealDate, "This date does not exist in the calendar.");

/** A month written YYYY-MM (a full date is accepted and cut to its month). */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, "Write the month as YYYY-MM, for example 2023-10.")
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
      message: `"${value}" is not an amount.`,
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
        message: `"${value}" is not a valid ${vocab.name}.`,
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
      message: `"${value}" is not a Swedish county.`,
      params: { code: "county/unknown", hint: countyHint(match) } satisfies IssueParams,
    });
    return z.NEVER;
  }
  return match.county.code;
});
