// Property-based tests of text handling (fast-check, fixed seed, bounded runs): escaped data text
// reads back from pandoc as exactly the same words, and the personal-data patterns find every
// valid identity number in its written forms and nothing with a wrong check digit.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { findPersonalData, luhnValid } from "../src/check/personal-data-patterns.js";
import { escapeMarkdown } from "../src/render/escape.js";

const SEED = 20_251_202;

// --- escaping -----------------------------------------------------------------------------

/** Characters Markdown, GFM, pandoc, HTML, Typst, LaTeX and Handlebars give a meaning to. */
const SPECIAL = [..."\\`*_[]{}<>#|$@^~&!-+=:%().'\"/ \t\n0123456789iIvVxX"];
const SWEDISH = [..."aåäöÅÄÖébc"];
const dataText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
      { weight: 2, arbitrary: fc.constantFrom(...SWEDISH) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("\n\n", "    ", "```", "1. ", "- [ ] ", "www.a.se", ":smile:"),
      },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

/** The paragraphs a reader should see: blank lines separate them, other whitespace is a space. */
function expectedParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.replace(/[ \t\n]+/g, " ").trim())
    .filter((p) => p !== "");
}

interface Inline {
  t: string;
  c?: unknown;
}

/** Text of inlines as pandoc read them; anything but words and spaces is structure. */
function inlineText(inlines: readonly Inline[], allowed: ReadonlySet<string>): string {
  return inlines
    .map((inline) => {
      if (!allowed.has(inline.t)) throw new Error(`pandoc read structure: ${inline.t}`);
      if (inline.t === "Str") return inline.c as string;
      if (inline.t === "Space" || inline.t === "SoftBreak") return " ";
      // GitHub links a bare www. address: kept as the same words (see README).
      const [, words] = inline.c as [unknown, Inline[]];
      return inlineText(words, allowed);
    })
    .join("");
}

const SEPARATOR = "QQSEPARATORQQ";
const READERS = [
  // The pipeline reads with pandoc's markdown; its smart quotes change typography, not words.
  { from: "markdown-smart", inlines: new Set(["Str", "Space", "SoftBreak"]) },
  { from: "gfm", inlines: new Set(["Str", "Space", "SoftBreak", "Link"]) },
] as const;

// Control characters other than tab and newline: the escaping drops them (see escape.ts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the escaping drops.
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

describe("escapeMarkdown", () => {
  let convert: typeof import("pandoc-wasm").convert;
  // Loading pandoc-wasm and its first conversion take seconds: once, outside the properties.
  beforeAll(async () => {
    ({ convert } = await import("pandoc-wasm"));
    await convert({ from: "markdown", to: "json" }, "warm-up", {});
  }, 60_000);

  it.each(READERS)(
    "gives back the data's words exactly when $from reads them",
    async (reader) => {
      await fc.assert(
        fc.asyncProperty(fc.array(dataText, { minLength: 1, maxLength: 25 }), async (texts) => {
          const clean = texts.map((t) => t.replace(/\r\n?/g, "\n").replace(DROPPED, ""));
          const markdown = clean.map((t) => `${SEPARATOR}\n\n${escapeMarkdown(t)}`).join("\n\n");
          const { stdout } = await convert({ from: reader.from, to: "json" }, markdown, {});
          const blocks = (JSON.parse(stdout) as { blocks: { t: string; c: Inline[] }[] }).blocks;
          const read: string[][] = [];
          for (const block of blocks) {
            expect(block.t).toBe("Para");
            const text = inlineText(block.c, reader.inlines);
            if (text === SEPARATOR) read.push([]);
            else read.at(-1)?.push(text);
          }
          expect(read).toEqual(clean.map(expectedParagraphs));
        }),
        { seed: SEED, numRuns: 12 },
      );
    },
    30_000,
  );
});

// --- personal data ------------------------------------------------------------------------

/** The Luhn check digit of nine digits YYMMDDNNN. */
function checkDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${nine}${d}`)) return String(d);
  throw new Error("no check digit");
}

const identity = fc
  .record({
    date: fc.date({
      min: new Date("1900-01-01"),
      max: new Date("2025-12-31"),
      noInvalidDate: true,
    }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
  })
  .map(({ date, serial, coordination }) => {
    const yyyy = String(date.getUTCFullYear());
    const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
    const dd = String(date.getUTCDate() + (coordination ? 60 : 0)).padStart(2, "0");
    const nine = `${yyyy.slice(2)}${mm}${dd}${String(serial).padStart(3, "0")}`;
    return { yyyy, digits: `${nine}${checkDigit(nine)}`, coordination };
  });

/** The written forms: 10 or 12 digits, with "-", "+" (100 years or older) or nothing. */
const written = fc
  .tuple(identity, fc.constantFrom("10", "10-", "10+", "12", "12-"))
  .map(([id, form]) => {
    const [short, separator = ""] = [form.slice(0, 2), form.slice(2)];
    const front =
      short === "12" ? `${id.yyyy.slice(0, 2)}${id.digits.slice(0, 6)}` : id.digits.slice(0, 6);
    return { text: `${front}${separator}${id.digits.slice(6)}`, coordination: id.coordination };
  });

/** What may stand around a number in prose, a YAML value or a CSV cell. */
const around = fc.constantFrom("", " ", "pnr ", "(", ")", ",", ";", '"', "\n", "nr:", "å", ".");

describe("the personal-data patterns", () => {
  it("find every valid personnummer and samordningsnummer in its written forms", () => {
    fc.assert(
      fc.property(written, around, around, ({ text, coordination }, before, after) => {
        const found = findPersonalData(`${before}${text}${after}`);
        expect(found.map(({ kind, index, text }) => ({ kind, index, text }))).toEqual([
          {
            kind: coordination ? "samordningsnummer" : "personnummer",
            index: before.length,
            text,
          },
        ]);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("find no identity number in digits with a wrong check digit, or of another length", () => {
    const digits = (length: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
    const wrongCheck = fc
      .tuple(fc.constantFrom(10, 12), identity, fc.integer({ min: 1, max: 9 }))
      .map(([length, id, offset]) => {
        const wrong = (Number(id.digits[9]) + offset) % 10;
        const ten = `${id.digits.slice(0, 9)}${wrong}`;
        return length === 12 ? `${id.yyyy.slice(0, 2)}${ten}` : ten;
      });
    const otherLength = fc
      .integer({ min: 1, max: 20 })
      .filter((n) => n !== 10 && n !== 12)
      .chain(digits)
      .map((d) => d.join(""));
    const anyTen = digits(10)
      .map((d) => d.join(""))
      .filter((d) => !luhnValid(d));
    fc.assert(
      fc.property(fc.oneof(wrongCheck, otherLength, anyTen), around, (number, before) => {
        const kinds = findPersonalData(`${before}${number}`).map((f) => f.kind);
        expect(kinds.filter((k) => k === "personnummer" || k === "samordningsnummer")).toEqual([]);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
