import type { z } from "zod";
import { quoted } from "../diagnostics/quote.js";
import { FORM_HINTS } from "./common.js";

/** What a schema type is called in a message. */
const EXPECTED: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of keys (key: value)",
};

const TYPE_HINTS: Record<string, string> = {
  number:
    "Write a plain number such as 3, without quotes (.nan, .inf and 1e400 are not numbers a report can print).",
  int: "Write a whole number such as 3, without quotes or decimals.",
  string:
    "Write the text as it should read; quote it when it starts with !, &, *, [ or {, which YAML reads as syntax.",
  boolean: "Write true or false.",
  array: 'Write a list: [a, b] on one line, or one item per line starting with "- ".',
  object: "Write the keys below this one, indented, each as key: value.",
};

const ROOT_HINT =
  "The file must consist of key: value lines at its top level, not a list or a single value; see examples/minimal/ for its form.";

/** What a value found in the YAML is, in words a user recognises from what they wrote. */
function found(value: unknown): string {
  if (typeof value === "number" && Number.isNaN(value)) return ".nan (not a number)";
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY)
    return "infinity (.inf, or a number too large such as 1e400)";
  if (value instanceof Uint8Array) return "binary data (a !!binary tag)";
  if (Array.isArray(value)) return "a list";
  if (value === null) return "nothing (an empty value)";
  if (typeof value === "object") return "a mapping (key: value)";
  if (typeof value === "string") return `the text ${quoted(value)}`;
  return quoted(value);
}

/** A schema issue's message and hint: what was expected, what was found, how to write it. */
export function explainIssue(
  issue: z.core.$ZodIssue,
  value: unknown,
  atRoot: boolean,
): { message: string; hint: string } {
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const message = `Expected ${expected}, found ${found(value)}.`;
      return { message, hint: atRoot ? ROOT_HINT : (TYPE_HINTS[issue.expected] ?? message) };
    }
    case "too_small":
      return {
        message: issue.message,
        hint:
          issue.origin === "string"
            ? "Write the text, or leave the key out."
            : `Expected at least ${issue.minimum}${issue.origin === "array" ? " item(s)" : ""}.`,
      };
    case "too_big":
      return { message: issue.message, hint: `Expected at most ${issue.maximum}.` };
    case "invalid_format": {
      const pattern = "pattern" in issue ? String(issue.pattern) : "";
      const source = pattern.replace(/^\/|\/[a-z]*$/g, "");
      return {
        message: issue.message,
        hint: FORM_HINTS[source] ?? `Expected the form ${pattern}.`,
      };
    }
    case "invalid_value":
      return {
        message: `${found(value)} is not allowed here.`,
        hint: `Expected one of: ${issue.values.map((v) => String(v)).join(", ")}.`,
      };
    default:
      return {
        message: issue.message,
        hint: "See the README (The data) for what this key takes, or examples/minimal/ for an example.",
      };
  }
}
