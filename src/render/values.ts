import type { HelperOptions } from "handlebars";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { formatSwedishDecimal, formatSwedishInteger } from "../model/format.js";
import { escapeMarkdown } from "./escape.js";

/** Where an expression is in its template: 1-based line, 0-based column (Handlebars' loc). */
export interface Loc {
  line: number;
  column: number;
}

/** A value a template cannot print: null (a gap, "not known"), a list, an object, a wrong kind. */
export class TemplateValueError extends Error {
  constructor(
    readonly code: Extract<DiagnosticCode, `template/${string}`>,
    message: string,
    readonly hint: string,
    readonly loc: Loc | undefined,
  ) {
    super(message);
    this.name = "TemplateValueError";
  }
}

export function locOf(options: HelperOptions | undefined): Loc | undefined {
  const loc = (options as { loc?: { start: Loc } } | undefined)?.loc;
  return loc ? { line: loc.start.line, column: loc.start.column } : undefined;
}

/** Markdown produced by the renderer itself (already escaped where it holds data). */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toHTML(): string {
    return this.text;
  }
}

/** Keys whose numbers are years (or similar labels): printed as digits, never grouped ("2023"). */
const YEAR_KEY = /^(?:year|published|[a-z]+Year|@index)$/;

/** A number the Swedish way: "21 751" (U+00A0), "−317", "0,88". */
export function swedishNumber(value: number): string {
  return Number.isInteger(value) ? formatSwedishInteger(value) : formatSwedishDecimal(value);
}

/**
 * How `{{expression}}` prints a value. Text from data is escaped for Markdown (it stays literal),
 * numbers are Swedish, renderer Markdown passes through; null and structures are errors, so a
 * gap in the data or a typo is never printed as an empty string.
 */
export function printValue(value: unknown, name: string, options: HelperOptions): string {
  if (value instanceof Markdown) return value.text;
  if (typeof value === "string") return escapeMarkdown(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid(name, "is not a number", options);
    return YEAR_KEY.test(name) ? String(value) : swedishNumber(value);
  }
  if (value === null || value === undefined) {
    throw new TemplateValueError(
      "template/no-value",
      `"${name}" has no value in this year's data (null): printing it would leave a blank.`,
      `Say what is missing instead, e.g. {{#if ${name}}}…{{else}}uppgift saknas{{/if}}.`,
      locOf(options),
    );
  }
  if (typeof value === "boolean") throw invalid(name, "is true/false, not text", options);
  if (Array.isArray(value))
    throw invalid(name, "is a list", options, "Use {{list …}} or {{#each …}}.");
  throw invalid(name, "is a group of values", options, "Print one of its fields, e.g. {{x.name}}.");
}

function invalid(name: string, what: string, options: HelperOptions, hint?: string) {
  return new TemplateValueError(
    "template/invalid-value",
    `"${name}" ${what}: it cannot be printed as it is.`,
    hint ?? "Print a field of it, or use a helper (see the README, Helpers).",
    locOf(options),
  );
}
