// Text folded to what a reader sees, for the personal-data scan only: escapes and entities
// resolved, markup markers dropped, every digit ASCII, every dash "-" and every space " ".
// Offsets of the folded text map back to the text as written, so findings keep their position.

/** A folded text and the offset range of the original that each folded range came from. */
export interface FoldedText {
  text: string;
  /** [start, end) in the original text of the folded range [start, end). */
  span(start: number, end: number): [number, number];
}

/** A replaced piece: folded [f, f + fLen) came from original [o, o + oLen). */
interface Segment {
  f: number;
  fLen: number;
  o: number;
  oLen: number;
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  hairsp: " ",
  numsp: " ",
  puncsp: " ",
  MediumSpace: " ",
  NonBreakingSpace: " ",
  ndash: "-",
  mdash: "-",
  minus: "-",
  hyphen: "-",
  dash: "-",
  horbar: "-",
  plus: "+",
  shy: "",
  ZeroWidthSpace: "",
  zwj: "",
  zwnj: "",
  NoBreak: "",
  lrm: "",
  rlm: "",
  amp: "&",
  commat: "@",
  period: ".",
};

// What a reader does not see or sees as the same thing: entities, backslash escapes (Markdown,
// YAML, Typst), Handlebars expressions, emphasis and code markers, HTML tags and comments, and
// the non-ASCII characters that are digits, spaces, dashes, invisible or combining marks.
const SPECIAL =
  /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])|\{\{[^{}]{0,200}\}\}|<!--[\s\S]{0,200}?-->|<\/?[A-Za-z][^<>]{0,200}>|[*_~`]|(?![\0-\x7F])[\p{N}\p{Z}\p{Pd}\p{Cf}\p{M}\p{Sm}\uFE62\uFF0B]/gu;

const decimalValue = new Map<number, string>();

/** A Unicode decimal digit's ASCII digit: digits come in runs of ten from zero, so count back. */
function asciiDigit(cp: number): string {
  let digit = decimalValue.get(cp);
  if (digit === undefined) {
    let start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    digit = String((cp - start) % 10);
    decimalValue.set(cp, digit);
  }
  return digit;
}

/** One character as the scan sees it. */
export function foldChar(ch: string): string {
  if (ch.length === 0 || /^[\0-\x7F]$/.test(ch)) return ch;
  if (/^\p{Nd}$/u.test(ch)) return asciiDigit(ch.codePointAt(0) as number);
  const compat = ch.normalize("NFKC");
  if (compat !== ch && /^[0-9 +-]+$/.test(compat)) return compat;
  if (/^[\p{Z}]$/u.test(ch)) return " ";
  if (/^[\p{Pd}\u2212\uFE63\uFF0D]$/u.test(ch)) return "-";
  if (/^[\uFE62\uFF0B]$/u.test(ch)) return "+";
  if (/^[\p{Cf}\p{M}]$/u.test(ch)) return "";
  return ch;
}

function fromCodePoint(hex: string, radix: number): string {
  const cp = Number.parseInt(hex, radix);
  return cp > 0 && cp <= 0x10ffff ? foldChar(String.fromCodePoint(cp)) : "";
}

const YAML_ESCAPES: Record<string, string> = { _: " ", " ": " ", t: " ", n: " ", N: " " };

function foldSpecial(m: string): string {
  if (m.startsWith("&#x") || m.startsWith("&#X")) return fromCodePoint(m.slice(3, -1), 16);
  if (m.startsWith("&#")) return fromCodePoint(m.slice(2, -1), 10);
  if (m.startsWith("&")) return NAMED_ENTITIES[m.slice(1, -1)] ?? m;
  if (m.startsWith("\\u{")) return fromCodePoint(m.slice(3, -1), 16);
  if (m.startsWith("\\") && m.length > 2 && /^\\[xuU]/.test(m))
    return fromCodePoint(m.slice(2), 16);
  if (m.startsWith("\\")) return YAML_ESCAPES[m.slice(1)] ?? foldChar(m.slice(1));
  // A Handlebars expression prints what its literal arguments are: keep their digits.
  if (m.startsWith("{{")) return m.replace(/[^0-9]/g, "");
  if (m.startsWith("<") || /^[*_~`]$/.test(m)) return "";
  return foldChar(m);
}

/** Folds a text; `joinLines` reads line ends as spaces (prose, where a line break is a space). */
export function foldForScan(text: string, joinLines = false): FoldedText {
  const source = joinLines ? text.replace(/[\r\n\u2028\u2029]/g, " ") : text;
  const segments: Segment[] = [];
  let delta = 0;
  const folded = source.replace(SPECIAL, (m: string, offset: number) => {
    const out = foldSpecial(m);
    if (out !== m) {
      segments.push({ f: offset + delta, fLen: out.length, o: offset, oLen: m.length });
      delta += out.length - m.length;
    }
    return out;
  });
  return { text: folded, span: (start, end) => spanOf(segments, start, end) };
}

/** The original offset of a folded offset: inside a replaced piece, that piece's start or end. */
function originOf(segments: readonly Segment[], at: number, end: boolean): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((segments[mid] as Segment).f <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const s = segments[found];
  if (!s) return at + (end ? 1 : 0);
  if (at < s.f + s.fLen) return end ? s.o + s.oLen : s.o;
  return s.o + s.oLen + (at - (s.f + s.fLen)) + (end ? 1 : 0);
}

function spanOf(segments: readonly Segment[], start: number, end: number): [number, number] {
  if (segments.length === 0) return [start, end];
  return [originOf(segments, start, false), originOf(segments, end - 1, true)];
}
