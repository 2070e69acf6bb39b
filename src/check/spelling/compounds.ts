/** What the dictionary and the word list know of a word. */
export interface Lexicon {
  /** Parts of an accepted word: one for a listed word, more for a dictionary compound. */
  parts(word: string): readonly string[] | undefined;
}

/** First parts with these endings take a linking -s- ("utvecklingsfas", "verksamhetsår"). */
const NEEDS_LINKING_S = /(?:ing|het|tion|sion|itet|skap|dom|nad)$/;
const MIN_PART = 3;
const MAX_PARTS = 4;
/** Longer "words" are not prose (a hash, a glued list): splitting them would only cost time. */
const MAX_SPLIT_LENGTH = 48;

export type Split = { parts: string[] } | { linkingFix: string };

/**
 * Splits a word the dictionary does not know into known parts: each of at least three letters,
 * the first ones in a compound form (as written, with a linking -s-, -e-, -a-, -o- or -u-,
 * or without a final vowel: skol-, kvinno-, hälso-). A split whose first part ends like
 * "-ing" or "-het" without its linking -s- is refused; its corrected form is returned instead.
 */
export function splitCompound(word: string, lex: Lexicon, maxParts = MAX_PARTS): Split | undefined {
  if (word.length > MAX_SPLIT_LENGTH) return undefined;
  let linkingFix: string | undefined;
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const head = word.slice(0, cut);
    const rest = word.slice(cut);
    const base = compoundFormBase(head, lex);
    if (base === undefined) continue;
    if (base === head && head.length >= 5 && NEEDS_LINKING_S.test(head)) {
      if (!rest.startsWith("s") && lex.parts(rest)) linkingFix ??= `${head}s${rest}`;
      continue;
    }
    if (lex.parts(rest)) return { parts: [head, rest] };
    if (maxParts > 2) {
      const inner = splitCompound(rest, lex, maxParts - 1);
      if (inner && "parts" in inner) return { parts: [head, ...inner.parts] };
    }
  }
  return linkingFix === undefined ? undefined : { linkingFix };
}

/** The known word behind a compound's first part as written, if any. */
export function compoundFormBase(head: string, lex: Lexicon): string | undefined {
  const known = (w: string) => w.length >= MIN_PART && lex.parts(w) !== undefined;
  if (known(head)) return head;
  const last = head.at(-1);
  const stem = head.slice(0, -1);
  if (last === "s" && (known(stem) || known(`${stem}e`))) return stem;
  if (last && "eaou".includes(last) && (known(stem) || known(`${stem}a`))) return stem;
  if (known(`${head}a`)) return `${head}a`;
  if (known(`${head}e`)) return `${head}e`;
  return undefined;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöé";
/** The last letters are an inflection's: "verksamheten"/"verksamheter" are not slips of each other. */
export const ENDING = 2;

/** Words one edit (delete, swap, replace, insert) away, the edit before the ending. */
export function* nearbyForms(word: string): Generator<{ form: string; linkingS: boolean }> {
  const stop = word.length - ENDING;
  for (let i = 0; i < stop; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i + 1);
    yield { form: before + after, linkingS: word[i] === "s" };
    const next = word[i + 1];
    if (next !== undefined && i + 1 < stop) {
      yield { form: before + next + word[i] + word.slice(i + 2), linkingS: false };
    }
    for (const c of ALPHABET) {
      if (c !== word[i]) yield { form: before + c + after, linkingS: false };
    }
  }
  for (let i = 1; i <= stop; i++) {
    for (const c of ALPHABET) {
      yield { form: word.slice(0, i) + c + word.slice(i), linkingS: c === "s" };
    }
  }
}

export interface Near {
  word: string;
  /** The near word is a word of its own, not a compound the dictionary puts together. */
  plain: boolean;
  /** The two differ by a linking -s- alone ("länsamverkan" / "länssamverkan"). */
  linkingS: boolean;
}

/** A known word one edit away: the evidence that a word accepted as a compound is a slip. */
export function findNear(word: string, lex: Lexicon): Near | undefined {
  let found: Near | undefined;
  for (const { form, linkingS } of nearbyForms(word)) {
    if (form === word) continue;
    const parts = lex.parts(form);
    if (!parts) continue;
    const near = { word: form, plain: parts.length === 1, linkingS };
    if (near.plain) return near;
    found ??= linkingS ? near : undefined;
  }
  return found;
}
