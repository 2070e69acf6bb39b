// Up to nine trailing digits: the value stays below 10⁹.
const MAX_DIGITS = 9;
// (prefix number · 10 + digit count) · 10⁹ + value stays below 2⁵³: an exact key in a double.
const MAX_PREFIXES = 1 << 19;
const EMPTY = 0;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** A string that holds none of the megabyte chunk it was sliced from. */
export const ownCopy = (text: string) => ` ${text}`.slice(1);

/**
 * The line each call id was first seen on, to report a duplicate with both lines. A million ids
 * as strings in a Map cost ~100 MB; ids of the usual form (a prefix and up to nine digits,
 * such as 2025-0000042) are kept as exact numbers in an open-addressing table of typed arrays
 * instead (~24 bytes each); any other id goes to a Map.
 */
export class CallIdLines {
  private readonly prefixes = new Map<string, number>();
  private lastPrefix = "";
  private lastPrefixNumber = -1;
  private keys = new Float64Array(1 << 10);
  private lines = new Uint32Array(1 << 10);
  private used = 0;
  private readonly others = new Map<string, number>();

  /** The line `id` was first seen on; undefined, and `line` remembered, when `id` is new. */
  firstLine(id: string, line: number): number | undefined {
    const key = this.keyOf(id);
    if (key !== undefined) return this.findOrAdd(key, line);
    const seen = this.others.get(id);
    if (seen === undefined) this.others.set(ownCopy(id), line);
    return seen;
  }

  /** A number unique to `id` (1 or more), or undefined when the id is not prefix + digits. */
  private keyOf(id: string): number | undefined {
    let start = id.length;
    while (start > 0 && isDigit(id.charCodeAt(start - 1))) start--;
    const digits = id.length - start;
    if (digits === 0 || digits > MAX_DIGITS) return undefined;
    const prefix = this.prefixNumber(id, start);
    if (prefix === undefined) return undefined;
    let value = 0;
    for (let i = start; i < id.length; i++) value = value * 10 + id.charCodeAt(i) - 48;
    return (prefix * 10 + digits) * 1e9 + value + 1;
  }

  private prefixNumber(id: string, length: number): number | undefined {
    // Ids of one file share their prefix: compare with the last one before hashing a new string.
    if (length === this.lastPrefix.length && id.startsWith(this.lastPrefix)) {
      return this.lastPrefixNumber;
    }
    const prefix = ownCopy(id.slice(0, length));
    let number = this.prefixes.get(prefix);
    if (number === undefined) {
      if (this.prefixes.size >= MAX_PREFIXES) return undefined;
      number = this.prefixes.size;
      this.prefixes.set(prefix, number);
    }
    this.lastPrefix = prefix;
    this.lastPrefixNumber = number;
    return number;
  }

  private findOrAdd(key: number, line: number): number | undefined {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    for (;;) {
      const found = this.keys[slot];
      if (found === EMPTY) break;
      if (found === key) return this.lines[slot];
      slot = (slot + 1) & mask;
    }
    this.keys[slot] = key;
    this.lines[slot] = line;
    if (++this.used * 2 > this.keys.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { keys, lines } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.lines = new Uint32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? EMPTY;
      if (key === EMPTY) continue;
      let slot = hash(key) & mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.lines[slot] = lines[i] ?? 0;
    }
  }
}

/** Mixes both halves of an integer key below 2⁵³ into 32 bits. */
function hash(key: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 4294967296);
  let h = Math.imul(low ^ Math.imul(high, 0x27d4eb2f), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca77) ^ (h >>> 13);
}
