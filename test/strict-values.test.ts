import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { quoted } from "../src/diagnostics/quote.js";
import { parseYaml } from "../src/load/yaml.js";
import { validateYear } from "../src/pipeline/validate.js";
import { isCalendarDate, parseIsoDate } from "../src/schema/calendar.js";
import { CountyStatus } from "../src/schema/county-status.js";
import { ReportMeta } from "../src/schema/report.js";
import { checkAgainstSchema } from "../src/schema/validate.js";

const DATE_HINT = "Expected a date YYYY-MM-DD that exists in the calendar, for example 2024-03-01.";
const NUMBER_HINT =
  "Write a plain number such as 3, without quotes (.nan, .inf and 1e400 are not numbers a report can print).";
const ROOT_HINT =
  "The file must consist of key: value lines at its top level, not a list or a single value; see examples/minimal/ for its form.";

/** A status report fixture in test/fixtures/strict/, checked as the loader checks it. */
function county(name: string, schema: typeof CountyStatus | typeof ReportMeta = CountyStatus) {
  const rel = `strict/${name}.yaml`;
  const parsed = parseYaml(rel, readFileSync(`test/fixtures/${rel}`, "utf8"));
  expect(parsed.diagnostics).toEqual([]);
  return checkAgainstSchema(schema, parsed.source).diagnostics.map(
    ({ code, line, column, message, hint }) => ({ code, line, column, message, hint }),
  );
}

describe("calendar dates", () => {
  it("exist in the calendar or are refused (leap years included)", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2025-02-29")).toBeUndefined();
    expect(parseIsoDate("2025-02-30")).toBeUndefined();
    expect(parseIsoDate("2025-13-45")).toBeUndefined();
    expect(parseIsoDate("2025-00-10")).toBeUndefined();
    expect(parseIsoDate("2025-1-10")).toBeUndefined();
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(50, 1, 1)).toBe(true);
  });

  it("in a status report: Feb 30 is schema/invalid-value at the value, with the hint", () => {
    expect(county("period-feb30")).toEqual([
      {
        code: "schema/invalid-value",
        line: 3,
        column: 9,
        message: 'period.from: "2025-02-30" is not a date in the calendar.',
        hint: DATE_HINT,
      },
    ]);
  });

  it("in grants.csv and calls.csv, and a duplicate column at its second header cell", async () => {
    const { diagnostics } = await validateYear("test/fixtures/strict-csv", 2025);
    expect(diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.message, d.hint])).toEqual([
      [
        "schema/invalid-value",
        "2025/counties/uppsala.yaml",
        6,
        9,
        'period.from: "2025-02-30" is not a date in the calendar.',
        DATE_HINT,
      ],
      [
        "csv/invalid-value",
        "2025/finance/grants.csv",
        2,
        39,
        '"2025-02-30" is not a payment date in the calendar.',
        DATE_HINT,
      ],
      [
        "csv/invalid-value",
        "2025/finance/grants.csv",
        3,
        38,
        '"2025-13-45" is not a payment date in the calendar.',
        DATE_HINT,
      ],
      [
        "csv/duplicate-column",
        "2025/support-line/calls.csv",
        1,
        58,
        'The column "county" appears twice in the header: cells 3 and 8.',
        "Remove or rename one of the two columns, so that it is clear which one holds the data.",
      ],
    ]);
  });

  it("2025-13-45 stops the build with the located error, not a crash", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "nch-strict-")), "out");
    const result = spawnSync(
      process.execPath,
      [
        "bin/nch-report.js",
        "build",
        "2025",
        "--data",
        "test/fixtures/strict-csv",
        "--format",
        "md",
        "--out",
        out,
      ],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '  3:38     error    "2025-13-45" is not a payment date in the calendar.  csv/invalid-value',
    );
    expect(result.stderr).toBe("");
  });
});

describe("every schema/invalid-value says what was expected and has a hint", () => {
  it.each([
    ["round-nan", "round: Expected a number, found .nan (not a number)."],
    [
      "round-inf",
      "round: Expected a number, found infinity (.inf, or a number too large such as 1e400).",
    ],
    [
      "round-1e400",
      "round: Expected a number, found infinity (.inf, or a number too large such as 1e400).",
    ],
  ])("%s", (name, message) => {
    expect(county(name)).toEqual([
      { code: "schema/invalid-value", line: 2, column: 8, message, hint: NUMBER_HINT },
    ]);
  });

  it("a !!binary tag", () => {
    expect(county("summary-binary")).toEqual([
      {
        code: "schema/invalid-value",
        line: 2,
        column: 19,
        message: "summary: Expected text, found binary data (a !!binary tag).",
        hint: "Write the text as it should read; quote it when it starts with !, &, *, [ or {, which YAML reads as syntax.",
      },
    ]);
  });

  it("a report.yaml that is a list or a single value at its root", () => {
    expect(county("root-list", ReportMeta)).toEqual([
      {
        code: "schema/invalid-value",
        line: 1,
        column: 1,
        message: "Expected a mapping of keys (key: value), found a list.",
        hint: ROOT_HINT,
      },
    ]);
    expect(county("root-scalar", ReportMeta)).toEqual([
      {
        code: "schema/invalid-value",
        line: 1,
        column: 1,
        message: 'Expected a mapping of keys (key: value), found the text "Uppsala".',
        hint: ROOT_HINT,
      },
    ]);
  });

  it("wrong types, each with a hint", () => {
    expect(county("wrong-types")).toEqual([
      {
        code: "schema/invalid-value",
        line: 2,
        column: 8,
        message: 'round: Expected a number, found the text "tre".',
        hint: NUMBER_HINT,
      },
      {
        code: "schema/invalid-value",
        line: 3,
        column: 8,
        message: "phase: Expected text, found a list.",
        hint: "Write the text as it should read; quote it when it starts with !, &, *, [ or {, which YAML reads as syntax.",
      },
    ]);
  });

  it("every invalid value of a file with many bad values has a hint", () => {
    const rel = "yaml/bad-values.yaml";
    const parsed = parseYaml(rel, readFileSync(`test/fixtures/${rel}`, "utf8"));
    const found = checkAgainstSchema(CountyStatus, parsed.source).diagnostics;
    const invalid = found.filter((d) => d.code === "schema/invalid-value");
    expect(invalid.length).toBeGreaterThan(1);
    for (const d of found) expect(d.hint, `${d.line}:${d.column} ${d.message}`).toMatch(/\w/);
  });
});

describe("echoed values", () => {
  it("are cut at 60 characters with an ellipsis and kept on one line", () => {
    expect(quoted("kort")).toBe('"kort"');
    const long = quoted(`${"a".repeat(100)}\nb`);
    expect(long).toBe(`"${"a".repeat(59)}…"`);
    expect(quoted("rad ett\nrad två")).toBe('"rad ett rad två"');
  });
});

describe("a status report without summary or plans", () => {
  it("gets a warning (summary) and a note (plans) with stable codes", async () => {
    const { diagnostics } = await validateYear("test/fixtures/missing-summary", 2025);
    expect(
      diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column, d.message]),
    ).toEqual([
      [
        "warning",
        "counties/missing-summary",
        "2025/counties/uppsala.yaml",
        0,
        0,
        "The status report of Uppsala has no summary (lägesbeskrivning).",
      ],
      [
        "info",
        "counties/missing-plans",
        "2025/counties/uppsala.yaml",
        0,
        0,
        "The status report of Uppsala has no plans (planer framåt).",
      ],
    ]);
  });

  it("prints a sentence under the operation's heading, never the heading alone", () => {
    const out = mkdtempSync(path.join(tmpdir(), "nch-missing-summary-"));
    const result = spawnSync(
      process.execPath,
      [
        "bin/nch-report.js",
        "build",
        "2025",
        "--data",
        "test/fixtures/missing-summary",
        "--format",
        "md",
        "--out",
        out,
        "--quiet",
      ],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" },
      },
    );
    expect(result.status).toBe(0);
    const report = readFileSync(path.join(out, "report.md"), "utf8");
    expect(report).toContain("#### Uppsala\n\nIngen lägesbeskrivning har lämnats.\n");
  });
});
