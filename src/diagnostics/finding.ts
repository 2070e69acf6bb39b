import type { FindingArgs } from "./args.js";
import { type DiagnosticCode, defaultSeverity } from "./codes.js";
import type { Diagnostic, Position, Severity } from "./diagnostic.js";
import { type SummaryArgs, wordsOf } from "./messages/index.js";
import { storedArgs } from "./redact.js";

/** Where a finding is: the data-root-relative file and a 1-based position (0, 0: the whole file). */
export interface FindingPlace extends Position {
  file: string;
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
  return finding(
    first.code,
    place ?? { file: first.file, line: 0, column: 0 },
    args,
    first.severity,
  );
}
