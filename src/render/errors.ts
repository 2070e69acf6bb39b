import type Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type FindingPlace, finding } from "../diagnostics/finding.js";
import { didYouMean } from "../text/did-you-mean.js";
import { type ExpressionIndex, positionKey } from "./ast.js";
import { type Loc, TemplateValueError } from "./values.js";

/** Problems found in templates and chapters: the build stops and prints them like validate. */
export class TemplateError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join("\n"));
    this.name = "TemplateError";
  }
}

export function syntaxDiagnostic(env: typeof Handlebars, error: Error, file: string): Diagnostic {
  const e = error as Error & { lineNumber?: number; column?: number };
  let line = e.lineNumber;
  let column = e.column === undefined ? undefined : e.column + 1;
  if (line === undefined) {
    // jison leaves the position of the offending token on the shared lexer.
    const lexer = (
      env as unknown as {
        Parser: { yy?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } };
      }
    ).Parser.yy?.lexer;
    const lineInMessage = /on line (\d+)/.exec(error.message);
    const at = lexer?.yylloc;
    line = lineInMessage ? Number(lineInMessage[1]) : (at?.first_line ?? 1);
    column = at && at.first_line === line ? at.first_column + 1 : 1;
  }
  const firstLine = error.message.split("\n")[0]?.replace(/ - \d+:\d+$/, "") ?? error.message;
  const expected = /Expecting (.*), got '([^']+)'/.exec(error.message);
  return finding(
    "template/syntax",
    { file, line: line ?? 1, column: column ?? 1 },
    { detail: firstLine, ...(expected && { expected: expected[1], got: expected[2] }) },
  );
}

/** An error from rendering, positioned in the template it happened in. */
export class TemplateRuntimeError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "TemplateRuntimeError";
  }
}

/**
 * Turns an error thrown while rendering into a diagnostic of this template — if it happened here.
 * An error at a position this template has no expression at happened in a nested partial or in a
 * partial block, which claims it itself; the outermost template claims whatever is left.
 */
export function claim(
  error: unknown,
  file: string,
  index: ExpressionIndex,
  context: unknown,
): unknown {
  if (error instanceof TemplateRuntimeError) return error;
  const e = error as Error & { lineNumber?: number; column?: number };
  const loc: Loc | undefined =
    error instanceof TemplateValueError
      ? error.loc
      : e.lineNumber !== undefined
        ? { line: e.lineNumber, column: e.column ?? 0 }
        : undefined;
  const missingPartial = /^The partial (.+) could not be found$/.exec(e.message ?? "");
  const partialAt = missingPartial ? index.get(`partial:${missingPartial[1]}`) : undefined;
  const here = loc ? index.get(positionKey(loc)) : undefined;
  if (!here && !partialAt) {
    // Not ours: a nested template (or the outermost, which re-checks below) will claim it.
    const e2 = error as { unclaimed?: unknown };
    if (e2.unclaimed === undefined) e2.unclaimed = { file, loc };
    return error;
  }
  const position = partialAt
    ? {
        line: Number(partialAt.name.split(":")[0]),
        column: Number(partialAt.name.split(":")[1]) + 1,
      }
    : { line: loc?.line ?? 0, column: (loc?.column ?? -1) + 1 };
  return new TemplateRuntimeError(describeError(error, here?.name, context, { file, ...position }));
}

/** The last chance: the chapter (outermost) names an error nobody claimed at its own position. */
export function unclaimedDiagnostic(error: unknown, fallbackFile: string): Diagnostic {
  if (error instanceof TemplateRuntimeError) return error.diagnostic;
  const e = error as Error & { unclaimed?: { file: string; loc?: Loc } };
  const loc = e.unclaimed?.loc;
  return describeError(error, undefined, undefined, {
    file: e.unclaimed?.file ?? fallbackFile,
    line: loc?.line ?? 0,
    column: loc ? loc.column + 1 : 0,
  });
}

function describeError(
  error: unknown,
  expression: string | undefined,
  context: unknown,
  place: FindingPlace,
): Diagnostic {
  if (error instanceof TemplateValueError) {
    return finding(error.code, place, { detail: error.message, hint: error.hint } as never);
  }
  const message = (error as Error).message ?? String(error);
  const notDefined = /^"([^"]*)" not defined in (.*?)(?: - \d+:\d+)?$/.exec(message);
  if (notDefined) {
    const [, segment, where] = notDefined;
    const path = expression ?? segment ?? "";
    if (where === "null" || where === "undefined") {
      const parent = path.slice(0, Math.max(0, path.lastIndexOf(".")));
      return finding("template/no-value", place, { path, parent });
    }
    const near = suggestion(path, context);
    return finding("template/unknown-variable", place, {
      path,
      ...(near !== undefined && { suggestion: near }),
    });
  }
  const missingPartial = /^The partial (.+) could not be found$/.exec(message);
  if (missingPartial) {
    return finding("template/unknown-partial", place, {
      what: "partial",
      name: missingPartial[1] as string,
    });
  }
  const missingHelper = /^Missing helper: "(.+)"$/.exec(message);
  if (missingHelper) {
    return finding("template/unknown-helper", place, {
      what: "helper",
      name: missingHelper[1] as string,
    });
  }
  return finding("template/invalid-value", place, { detail: message });
}

/** The nearest existing path to one that starts at the top of the model, if one is near. */
function suggestion(path: string, context: unknown): string | undefined {
  const parts = path.replace(/^@root\./, "").split(".");
  let current: unknown = context;
  for (const [i, part] of parts.entries()) {
    if (current === null || typeof current !== "object") return undefined;
    const keys = Object.keys(current);
    if (!keys.includes(part)) {
      const nearest = didYouMean(part, keys);
      return nearest === undefined ? undefined : [...parts.slice(0, i), nearest].join(".");
    }
    current = (current as Record<string, unknown>)[part];
  }
  return undefined;
}
