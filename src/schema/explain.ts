import type { z } from "zod";
import type { Found, SchemaIssue } from "../diagnostics/args.js";
import { FORMS } from "./common.js";

/** What a value found in the YAML is, as args: the words are in the message catalogues. */
function found(value: unknown): Found {
  if (typeof value === "number" && Number.isNaN(value)) return { found: "nan" };
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY)
    return { found: "infinity" };
  if (value instanceof Uint8Array) return { found: "binary" };
  if (Array.isArray(value)) return { found: "list" };
  if (value === null) return { found: "nothing" };
  if (typeof value === "object") return { found: "mapping" };
  if (typeof value === "string") return { found: "text", value };
  return { found: "value", value: String(value) };
}

/** A schema issue as args: what was expected, what was found (the words say how to write it). */
export function explainIssue(
  issue: z.core.$ZodIssue,
  value: unknown,
  atRoot: boolean,
): SchemaIssue {
  switch (issue.code) {
    case "invalid_type":
      return { issue: "type", expected: issue.expected, root: atRoot, ...found(value) };
    case "too_small":
      return {
        issue: "too-small",
        detail: issue.message,
        origin: issue.origin,
        minimum: String(issue.minimum),
      };
    case "too_big":
      return { issue: "too-big", detail: issue.message, maximum: String(issue.maximum) };
    case "invalid_format": {
      const pattern = "pattern" in issue ? String(issue.pattern) : "";
      const form = FORMS[pattern.replace(/^\/|\/[a-z]*$/g, "")];
      return { issue: "format", detail: issue.message, pattern, ...(form && { form }) };
    }
    case "invalid_value":
      return { issue: "enum", values: issue.values.map((v) => String(v)), ...found(value) };
    default:
      return { issue: "other", detail: issue.message };
  }
}
