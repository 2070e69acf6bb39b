// English words of schema/invalid-value: what was expected, what was found, how to write it.
import type { Found, SchemaIssue } from "../args.js";
import { quoted } from "../quote.js";
import { DATE_HINT_EN } from "./dates.js";
import type { Words } from "./types.js";

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

export const TERMINOLOGY_HINT =
  "Write one agreed term per line: `könsstympning: [könsstympling*, könstympling*]`.";

const FOUND: Record<Found["found"], string> = {
  nan: ".nan (not a number)",
  infinity: "infinity (.inf, or a number too large such as 1e400)",
  binary: "binary data (a !!binary tag)",
  list: "a list",
  nothing: "nothing (an empty value)",
  mapping: "a mapping (key: value)",
  text: "",
  value: "",
};

function found(a: Found): string {
  if (a.found === "text") return `the text ${quoted(a.value)}`;
  if (a.found === "value") return quoted(a.value);
  return FOUND[a.found];
}

const FORM_HINTS = { date: DATE_HINT_EN, month: "Expected a month YYYY-MM, for example 2023-10." };

function explained(a: SchemaIssue): Words {
  switch (a.issue) {
    case "type": {
      const message = `Expected ${EXPECTED[a.expected] ?? a.expected}, found ${found(a)}.`;
      return { message, hint: a.root ? ROOT_HINT : (TYPE_HINTS[a.expected] ?? message) };
    }
    case "too-small":
      return {
        message: a.detail,
        hint:
          a.origin === "string"
            ? "Write the text, or leave the key out."
            : `Expected at least ${a.minimum}${a.origin === "array" ? " item(s)" : ""}.`,
      };
    case "too-big":
      return { message: a.detail, hint: `Expected at most ${a.maximum}.` };
    case "format":
      return {
        message: a.detail,
        hint: a.form ? FORM_HINTS[a.form] : `Expected the form ${a.pattern}.`,
      };
    case "enum":
      return {
        message: `${found(a)} is not allowed here.`,
        hint: `Expected one of: ${a.values.join(", ")}.`,
      };
    case "not-calendar-date":
      return { message: `${quoted(a.value)} is not a date in the calendar.`, hint: DATE_HINT_EN };
    case "not-amount":
      return {
        message: `${quoted(a.value)} is not an amount.`,
        hint: 'Write it as 1105000 or "1 105 000,0".',
      };
    case "no-outcome":
      return {
        message: `"${a.label}" has neither an outcome nor children.`,
        hint: "Give the line an outcome, or children whose sum it is.",
      };
    case "terminology":
      return {
        message:
          a.problem === "not-mapping"
            ? "The file must be a mapping of terms."
            : "A term or form that is empty or not text.",
        hint: TERMINOLOGY_HINT,
      };
    default:
      return {
        message: a.detail,
        hint: "See the README (The data) for what this key takes, or examples/minimal/ for an example.",
      };
  }
}

export function enSchemaIssue(a: { where: string } & SchemaIssue): Words {
  const words = explained(a);
  return { ...words, message: a.where ? `${a.where}: ${words.message}` : words.message };
}
