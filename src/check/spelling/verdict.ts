import { ENDING, type Near } from "./compounds.js";

/** What the dictionary says of one word, independent of the text it came from (so it is cached). */
export type Verdict =
  /** A word of the dictionary or the word list. */
  | { kind: "word" }
  /** A compound the dictionary puts together from its parts. */
  | { kind: "compound" }
  /** A compound the dictionary refuses but that splits into known parts; `near` is suspect. */
  | { kind: "split"; near?: Near }
  | { kind: "unknown"; suggestions: string[] };

/** Shorter words have too many correct neighbours to compare them within a text. */
const MIN_COMPARED = 8;

/** `a` and `b` differ by one delete, insert, replace or swap, made before the ending. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let p = 0;
  while (p < a.length && a[p] === b[p]) p++;
  if (p >= Math.min(a.length, b.length) - ENDING) return false;
  const rest = (s: string, from: number) => s.slice(from);
  if (a.length === b.length) {
    if (rest(a, p + 1) === rest(b, p + 1)) return true;
    return a[p] === b[p + 1] && a[p + 1] === b[p] && rest(a, p + 2) === rest(b, p + 2);
  }
  return a.length > b.length ? rest(a, p + 1) === rest(b, p) : rest(a, p) === rest(b, p + 1);
}

/** Keys shared by any two words one edit apart: the word and the word less one letter. */
function deletionKeys(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/**
 * Words of the text that are a rarer variant, one edit away, of another accepted word of the
 * same text: "stödstökande" beside four "stödsökande". The dictionary accepts both as
 * compounds; the text tells which was meant. Compared in lower case; the result maps the
 * lower-case form to its more frequent neighbour.
 */
function moreFrequentNeighbours(
  counts: ReadonlyMap<string, number>,
  verdicts: ReadonlyMap<string, Verdict>,
): Map<string, string> {
  const lowerCounts = new Map<string, number>();
  const compound = new Set<string>();
  const unknown = new Set<string>();
  for (const [word, count] of counts) {
    const lower = word.toLowerCase();
    if (lower.endsWith("-") || lower.length < MIN_COMPARED) continue;
    lowerCounts.set(lower, (lowerCounts.get(lower) ?? 0) + count);
    const kind = verdicts.get(word)?.kind;
    if (kind === "unknown") unknown.add(lower);
    if (kind === "compound" || kind === "split") compound.add(lower);
  }
  const byKey = new Map<string, string[]>();
  for (const word of lowerCounts.keys()) {
    if (unknown.has(word)) continue;
    for (const key of deletionKeys(word)) {
      const shared = byKey.get(key);
      if (shared) shared.push(word);
      else byKey.set(key, [word]);
    }
  }
  const found = new Map<string, string>();
  for (const word of compound) {
    const own = lowerCounts.get(word) ?? 0;
    for (const key of deletionKeys(word)) {
      const better = byKey
        .get(key)
        ?.find((other) => (lowerCounts.get(other) ?? 0) > own && oneEditApart(word, other));
      if (better) {
        found.set(word, better);
        break;
      }
    }
  }
  return found;
}

const sameCase = (written: string, word: string) =>
  written[0] !== written[0]?.toLowerCase() ? (word[0]?.toUpperCase() ?? "") + word.slice(1) : word;

/**
 * The misspelt words of a text with their suggestions: words the dictionary does not know;
 * words it refuses but that split into known parts, when they are one edit from a word of its
 * own or differ from a known compound by a linking -s- alone ("länsamverkan"); and compounds
 * that are a rarer variant of a word used in the same text.
 */
export function misspellings(
  counts: ReadonlyMap<string, number>,
  verdicts: ReadonlyMap<string, Verdict>,
): Map<string, string[]> {
  const neighbours = moreFrequentNeighbours(counts, verdicts);
  const found = new Map<string, string[]>();
  for (const word of counts.keys()) {
    const verdict = verdicts.get(word);
    if (verdict?.kind === "unknown") found.set(word, verdict.suggestions);
    if (verdict?.kind !== "compound" && verdict?.kind !== "split") continue;
    const near = verdict.kind === "split" ? verdict.near : undefined;
    const neighbour = neighbours.get(word.toLowerCase());
    if (near) found.set(word, [sameCase(word, near.word)]);
    else if (neighbour) found.set(word, [sameCase(word, neighbour)]);
  }
  return found;
}
