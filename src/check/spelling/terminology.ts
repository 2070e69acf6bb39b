import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { finding } from "../../diagnostics/finding.js";
import { positionsOf } from "../../load/positions.js";
import { capitalise } from "../../text/swedish.js";
import type { ProseWord } from "./prose.js";

/**
 * One wrong or inconsistent form and the agreed term that replaces it. A form may be a phrase
 * ("att och"); a trailing "*" makes it match inflections and compounds too
 * (könsstympling* also matches könsstymplingen → könsstympningen).
 */
export interface Term {
  wrong: string[];
  open: boolean;
  right: string;
}

export interface TermHit {
  /** Index of the first word of the hit in the unit's words. */
  index: number;
  length: number;
  found: string;
  suggestion: string;
}

/** Reads a terminologi.yaml: `agreed term: [wrong form, …]` (a single form may stand alone). */
export function parseTerminology(
  file: string,
  text: string,
): { terms: Term[]; diagnostics: Diagnostic[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  const at = positionsOf(text);
  const diagnostics: Diagnostic[] = doc.errors.map((e) =>
    finding(
      "yaml/syntax",
      { file, ...at(e.pos[0]) },
      { detail: e.message.split("\n")[0] ?? e.message, problem: "terminology" },
    ),
  );
  const terms: Term[] = [];
  if (diagnostics.length > 0 || doc.contents === null) return { terms, diagnostics };
  if (!isMap(doc.contents)) {
    return { terms, diagnostics: [invalid(file, at(0), "not-mapping")] };
  }
  for (const pair of doc.contents.items) {
    const right = isScalar(pair.key) ? String(pair.key.value ?? "").trim() : "";
    const forms = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const form of forms) {
      const wrong = isScalar(form) ? String(form.value ?? "").trim() : "";
      if (right === "" || wrong === "" || wrong === "*") {
        const node = isScalar(form) && form.range ? form : pair.key;
        const offset = isScalar(node) ? (node.range?.[0] ?? 0) : 0;
        diagnostics.push(invalid(file, at(offset), "empty-form"));
        continue;
      }
      const open = wrong.endsWith("*");
      const words = wrong.replace(/\*$/, "").toLowerCase().split(/\s+/);
      terms.push({ wrong: words, open, right });
    }
  }
  return { terms, diagnostics };
}

function invalid(
  file: string,
  at: { line: number; column: number },
  problem: "not-mapping" | "empty-form",
): Diagnostic {
  return finding(
    "schema/invalid-value",
    { file, ...at },
    { where: "", issue: "terminology", problem },
  );
}

/**
 * Later terms win over earlier ones for the same wrong form, with or without "*" (the user's
 * list over the built-in one). A form mapped to itself is switched off.
 */
export function mergeTerms(...lists: Term[][]): Term[] {
  const byForm = new Map<string, Term>();
  for (const term of lists.flat()) byForm.set(term.wrong.join(" "), term);
  return [...byForm.values()].filter((t) => t.wrong.join(" ") !== t.right.toLowerCase());
}

/** Keeps the case of the first letter as written: "Könstympling" → "Könsstympning". */
function matchCase(written: string, replacement: string): string {
  const first = written[0] ?? "";
  return first !== first.toLowerCase() ? capitalise(replacement) : replacement;
}

/** The wrong forms among a unit's words, longest match first; words are never part of two hits. */
export function findTerms(words: readonly ProseWord[], terms: readonly Term[]): TermHit[] {
  const ordered = [...terms].sort((a, b) => b.wrong.length - a.wrong.length);
  const firstLetters = new Set(ordered.map((t) => t.wrong[0]?.[0]));
  const lower = words.map((w) => w.text.toLowerCase());
  const hits: TermHit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!firstLetters.has(lower[i]?.[0])) continue;
    for (const term of ordered) {
      const hit = matchAt(words, lower, i, term);
      if (hit) {
        hits.push(hit);
        i += hit.length - 1;
        break;
      }
    }
  }
  return hits;
}

function matchAt(
  words: readonly ProseWord[],
  lower: readonly string[],
  index: number,
  term: Term,
): TermHit | undefined {
  const n = term.wrong.length;
  if (index + n > words.length) return undefined;
  for (let k = 0; k < n - 1; k++) {
    if (lower[index + k] !== term.wrong[k]) return undefined;
    if (words[index + k]?.prefix || !words[index + k + 1]?.afterSpace) return undefined;
  }
  const last = words[index + n - 1] as ProseWord;
  const lastForm = term.wrong[n - 1] as string;
  const written = lower[index + n - 1] as string;
  const matches = term.open ? written.startsWith(lastForm) : written === lastForm;
  if (!matches) return undefined;
  const found = words
    .slice(index, index + n)
    .map((w) => w.text)
    .join(" ");
  const ending = last.text.slice(lastForm.length);
  return { index, length: n, found, suggestion: matchCase(found, term.right + ending) };
}
