// The one gate every message passes on its way to a terminal, a CI log or an annotation: no
// personal data is repeated, and no echoed value is longer than a line can carry.
import { findPersonalData, type PersonalDataKind } from "../check/personal-data-patterns.js";
import type { Diagnostic } from "./diagnostic.js";
import { inLanguage } from "./messages/index.js";
import type { Reporter } from "./reporters/types.js";

/** How long a quoted value may be before it is cut with "…". */
export const MAX_ECHOED = 60;
/** An unbroken run of text (a value echoed without quotes) is cut here: paths stay whole. */
const MAX_WORD = 200;
/** A whole message or hint is never longer than this. */
export const MAX_MESSAGE = 400;

const MASK: Record<PersonalDataKind, string> = {
  personnummer: "[personnummer]",
  samordningsnummer: "[samordningsnummer]",
  email: "[e-mail address]",
  phone: "[phone number]",
};

/** A value cut to `max` characters with "…" (never inside a surrogate pair). */
export function cut(value: string, max = MAX_ECHOED): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? "") ? max - 1 : max;
  return `${value.slice(0, end)}…`;
}

/** Identity numbers, e-mail addresses and phone numbers replaced by their kind. */
export function maskPersonalData(text: string): string {
  const found = findPersonalData(text, { joinLines: true });
  let masked = text;
  for (const m of found.reverse()) {
    masked = masked.slice(0, m.index) + MASK[m.kind] + masked.slice(m.index + m.text.length);
  }
  return masked;
}

/** A line of text fit to print: personal data masked, long quoted values and words cut. */
export function redactText(text: string): string {
  const shortened = text
    .replace(/"([^"\n]{61,})"/g, (_, value: string) => `"${cut(value)}"`)
    .replace(/[^\s"]{201,}/g, (word) => cut(word, MAX_WORD));
  return cut(maskPersonalData(shortened), MAX_MESSAGE);
}

// Values the messages quote are cut where a quote is (60); names they print whole, at 400.
const QUOTED_ARGS = new Set(
  "value text word id key column name isbn found suggestion label chapter instruction path".split(
    " ",
  ),
);

function storedArg(key: string, value: unknown): unknown {
  if (typeof value === "string")
    return cut(maskPersonalData(value), QUOTED_ARGS.has(key) ? MAX_ECHOED : MAX_MESSAGE);
  if (Array.isArray(value)) return value.map((v) => storedArg(key, v));
  return value;
}

/** A finding's args as stored and shown: personal data masked, a value from the data cut at 60. */
export function storedArgs<A extends object>(args: A): A {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, storedArg(k, v)])) as A;
}

/** A diagnostic as it may be shown: message, hint, file name and args redacted. */
export function redactDiagnostic(d: Diagnostic): Diagnostic {
  const file = maskPersonalData(d.file);
  const message = redactText(d.message);
  const hint = d.hint === undefined ? undefined : redactText(d.hint);
  const { hint: _, args, ...rest } = d;
  return {
    ...rest,
    file,
    message,
    ...(hint !== undefined && { hint }),
    args: storedArgs(args ?? {}),
  };
}

/** A reporter that only ever sees redacted diagnostics in the chosen language: every reporter is made through this. */
export function redacting(reporter: Reporter): Reporter {
  return (diagnostics, options) =>
    reporter(
      diagnostics.map((d) => redactDiagnostic(inLanguage(d, options.lang ?? "en"))),
      options,
    );
}
