import type { FindingArgs } from "./args.js";
import { type DiagnosticCode, defaultSeverity } from "./codes.js";
import type { Diagnostic, Position, Severity } from "./diagnostic.js";
import { type SummaryArgs, wordsOf } from "./messages/index.js";
import { cut, maskPersonalData, MAX_MESSAGE } from "./redact.js";

/** Where a finding is: the data-root-relative file and a 1-based position (0, 0: the whole file). */
export interface FindingPlace extends Position {
  file: string;
}

// Args that are not text from the data (paths, parser and library messages) may be long.
const LONG_ARGS = new Set(["file", "files", "detail", "known", "path", "where", "values", "pattern"]);

/** A string arg as stored: personal data masked, a data value cut at 60 characters. */
function storedText(key: string, value: string): string {
  return cut(maskPersonalData(value), LONG_ARGS.has(key) ? MAX_MESSAGE : undefined);
}

function storedArg(key: string, value: unknown): unknown {
  if (typeof value === "string") return storedText(key, value);
  if (Array.isArray(value)) return value.map((v) => storedArg(key, v));
  return value;
}

/** The args as JSON shows them: never personal data, never a whole pasted paragraph. */
function storedArgs<A extends object>(args: A): A {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, storedArg(k, v)])) as A;
}

/**
 * The one way a finding is made: its code, where it is and its args; the severity is the code's
 * default unless a rule really differs. `message` and `hint` hold the English words for callers
 * inside the tool; reporters put them in the chosen language.
 */
export function finding<C extends DiagnosticCode>(
  code: C,
  place: FindingPlace,
  args: FindingArgs[C] | SummaryArgs,
  severity: Severity = defaultSeverity(code),
): Diagnostic {
  const stored = storedArgs(args);
  const { message, hint } = wordsOf(code, stored, "en");
  const { file, line, column } = place;
  return {
    severity,
    code,
    message,
    file,
    line,
    column,
    ...(hint !== undefined && { hint }),
    args: stored,
  } as Diagnostic;
}

/** The finding that stands for the `more` findings of `first`'s code in its file not listed. */
export function summaryOf(first: Diagnostic, args: SummaryArgs, place?: FindingPlace): Diagnostic {
  return finding(first.code, place ?? { file: first.file, line: 0, column: 0 }, args, first.severity);
}
