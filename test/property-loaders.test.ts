// Property-based tests of the loaders (fast-check, fixed seed, bounded runs): whatever the bytes,
// loading gives located, coded findings or data — never a thrown error — and valid data is
// counted exactly, by the quote-free fast path and by csv-parse alike.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CODES } from "../src/diagnostics/codes.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { loadCalls } from "../src/load/calls.js";
import { dataFile } from "../src/load/files.js";
import { loadGrants } from "../src/load/grants.js";
import { loadHistory } from "../src/load/history.js";
import { checkYaml, SCHEMAS, type SchemaName } from "../src/load/yaml-check.js";
import { EXPOSURES, ORGANISATIONS } from "../src/schema/vocabulary.js";

const SEED = 20_251_202;
const work = mkdtempSync(path.join(tmpdir(), "nch-property-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A finding as the contract says: a known code and severity, in the file, at a real place. */
function expectLocated(found: readonly Diagnostic[], file: string, text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of found) {
    expect(Object.keys(CODES)).toContain(d.code);
    expect(["error", "warning", "info"]).toContain(d.severity);
    expect(d.file).toBe(file);
    expect(d.message.length).toBeGreaterThan(0);
    expect(Number.isInteger(d.line) && d.line >= 0 && d.line <= lines + 1).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 0).toBe(true);
  }
}

/** Text made of YAML's own punctuation and the data's keys, so the parser meets its corners. */
const YAML_TOKENS = [
  "county: ",
  "summary: ",
  "round: ",
  "period:",
  "  from: ",
  "chapters:",
  "- ",
  "  ",
  "\t",
  ": ",
  "? ",
  "&a ",
  "*a",
  "<<: *a",
  "!!binary ",
  "!tag ",
  "|\n",
  ">-\n",
  '"',
  "'",
  "{",
  "}",
  "[",
  "]",
  ",",
  "#",
  "---\n",
  "...\n",
  "%YAML 1.2\n",
  ".nan",
  ".inf",
  "1e400",
  "0x1F",
  "~",
  "2025-02-30",
  "2025-13-45",
  "__proto__: ",
  "constructor: ",
  "Skåne",
  "Västra Götaland",
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u0085",
  "\u00a0",
  "\ufeff",
  "\u0000",
  "{{x}}",
  "TODO",
];
const yamlLike = fc
  .array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(""));
const anyText = fc.string({ unit: "binary", maxLength: 200 });

describe("the YAML loader", () => {
  const schemas = Object.keys(SCHEMAS) as SchemaName[];

  it("parses and checks any text against every schema into located findings or data", () => {
    fc.assert(
      fc.property(fc.oneof(yamlLike, anyText), fc.constantFrom(...schemas), (text, schema) => {
        const checked = checkYaml("2025/x.yaml", text, schema);
        expectLocated(checked.diagnostics, "2025/x.yaml", text);
        const errors = checked.diagnostics.filter((d) => d.severity === "error");
        // Data is given exactly when there is no error.
        expect(checked.data === undefined).toBe(errors.length > 0);
      }),
      { seed: SEED, numRuns: 250 },
    );
  });
});

const CALL_HEADER = "date,organisation,county,child_marriage,abduction,fgm,id";
const call = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  organisation: fc.constantFrom(...ORGANISATIONS.codes),
  county: fc.constantFrom("", "Skåne", "14", "Västra Götalands län", "uppgift saknas", "gotland"),
  counts: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
});
type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;

function callCells(c: Call, i: number): string[] {
  const date = `2025-${String(c.month).padStart(2, "0")}-${String(c.day).padStart(2, "0")}`;
  const label = ORGANISATIONS.label[c.organisation];
  return [date, label, c.county, ...c.counts.map((n) => (n === 0 ? "" : String(n))), `id-${i}`];
}

let written = 0;
function file(content: string | Uint8Array) {
  const name = `f${written++}.csv`;
  writeFileSync(path.join(work, name), content);
  return dataFile(work, name);
}

describe("the CSV loaders", () => {
  it("count valid calls exactly, quoted or not, with comma or semicolon", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(call, { maxLength: 30 }),
        fc.constantFrom(",", ";"),
        async (calls, separator) => {
          const rows = calls.map(callCells);
          const plain = [
            CALL_HEADER.replaceAll(",", separator),
            ...rows.map((r) => r.join(separator)),
          ];
          const quoted = plain.map((line) =>
            line
              .split(separator)
              .map((cell) => `"${cell}"`)
              .join(separator),
          );
          const a = await loadCalls(file(`${plain.join("\r\n")}\r\n`), 2025);
          const b = await loadCalls(file(`${quoted.join("\n")}`), 2025);
          expect(a.diagnostics.filter((d) => d.code !== "calls/none")).toEqual([]);
          expect(b.summary).toEqual({ ...a.summary, file: b.summary?.file });
          expect(a.summary?.calls).toBe(calls.length);
          EXPOSURES.codes.forEach((exposure, i) => {
            const sum = calls.reduce((total, c) => total + (c.counts[i] ?? 0), 0);
            expect(a.summary?.exposure[exposure]).toBe(sum);
          });
          const perMonth = a.summary?.byMonth.reduce((x, y) => x + y, 0);
          expect(perMonth).toBe(calls.length);
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  const csvTokens = fc.constantFrom(
    ",",
    ";",
    "\t",
    '"',
    '""',
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    "date",
    "amount",
    "year",
    "cases",
    "2025-01-01",
    "1 105 000,0",
    "Grupp 2",
    "Länsstyrelsen Skåne",
    "Polis",
    "99999999999999999999",
    "-1",
    "\u0000",
    "é",
    "\u00e5",
    "\xff",
  );
  const csvLike = fc
    .array(fc.oneof(csvTokens, fc.string({ maxLength: 4 })), { maxLength: 50 })
    .map((parts) => parts.join(""));
  const bytes = fc.oneof(
    csvLike.map((text) => new TextEncoder().encode(text)),
    csvLike.map((text) => Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff)),
    fc.uint8Array({ maxLength: 300 }),
  );

  it("read any bytes as calls, grants or history into located findings, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const f = file(content);
        const text = new TextDecoder("latin1").decode(content);
        for (const loaded of [
          await loadCalls(f, 2025),
          await loadGrants(f),
          await loadHistory(f),
        ]) {
          expectLocated(loaded.diagnostics, f.rel, text);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe("nch-report validate on arbitrary file contents", () => {
  const BIN = path.resolve("bin/nch-report.js");
  const cache = path.resolve(".nch-cache/test-property");
  const targets = [
    "2025/counties/uppsala.yaml",
    "2025/support-line/calls.csv",
    "2025/chapters/01-inledning.md",
  ];
  const root = path.join(work, "project");
  cpSync("examples/minimal", root, { recursive: true });

  it.each(targets)(
    "exits 0 or 1, never 2, whatever %s holds",
    (target) => {
      const contents = fc.sample(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ unit: "binary", maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
          yamlLike.map((s) => new TextEncoder().encode(s)),
        ),
        { seed: SEED, numRuns: 3 },
      );
      // A list as a key once printed a Node warning of the yaml package on stderr.
      contents.push(new TextEncoder().encode("? [a]\n: b\n"));
      for (const content of contents) {
        writeFileSync(path.join(root, target), content);
        const result = spawnSync(
          process.execPath,
          [BIN, "validate", "2025", "--data", root, "--format", "json"],
          {
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: cache },
          },
        );
        expect(result.stderr).toBe("");
        expect([0, 1]).toContain(result.status);
        const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
        for (const d of report.diagnostics) expect(Object.keys(CODES)).toContain(d.code);
      }
    },
    90_000,
  );
});
