import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the benchmark, without types
import { FILLED, generateWorstCase } from "../bench/generate-limits.js";
import { openCache } from "../src/cache.js";
import { loadCalls } from "../src/load/calls.js";
import { loadYear } from "../src/load/dataset.js";
import { dataFile } from "../src/load/files.js";
import { loadGrants } from "../src/load/grants.js";
import { loadHistory } from "../src/load/history.js";
import { LIMITS } from "../src/load/limits.js";

const work = mkdtempSync(path.join(tmpdir(), "nch-limits-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cache = openCache(path.join(work, "cache"));

const brief = (ds: { code: string; file: string; line: number; column: number }[]) =>
  ds.map(({ code, file, line, column }) => ({ code, file, line, column }));

/** examples/minimal copied to a fresh data root. */
function minimal(name: string): string {
  const root = path.join(work, name);
  cpSync("examples/minimal", root, { recursive: true });
  return root;
}

function csv(name: string, lines: string[]) {
  writeFileSync(path.join(work, name), `${lines.join("\n")}\n`);
  return dataFile(work, name);
}

describe("limits of the data", () => {
  it("refuses grants.csv at its 201st payment, once, and keeps no payments", async () => {
    const rows = Array.from(
      { length: 600 },
      (_, i) => `${1000 + i};Grupp 2;Länsstyrelsen i Uppsala län;2025-03-14;`,
    );
    const { payments, diagnostics } = await loadGrants(
      csv("grants.csv", ["amount;round;recipient;paid;operation", ...rows]),
    );
    expect(payments).toBeUndefined();
    expect(brief(diagnostics)).toEqual([
      { code: "grants/too-many-rows", file: "grants.csv", line: 202, column: 1 },
    ]);
    expect(diagnostics[0]?.message).toBe(
      "grants.csv has more than 200 payments (this row is number 201): it was not read.",
    );
  });

  it("refuses history/support-line.csv at its 101st row", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${1700 + i},10`);
    const { diagnostics } = await loadHistory(csv("history.csv", ["year,cases", ...rows]));
    expect(brief(diagnostics)).toEqual([
      { code: "history/too-many-rows", file: "history.csv", line: 102, column: 1 },
    ]);
  });

  it("lists 100 findings of a kind per file and counts the rest in one", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `2024-01-01,Polis,,,,,${i}`);
    const header = "date,organisation,county,child_marriage,abduction,fgm,id";
    const { diagnostics } = await loadCalls(csv("calls.csv", [header, ...rows]), 2025);
    expect(diagnostics).toHaveLength(101);
    expect(brief(diagnostics.slice(99))).toEqual([
      { code: "calls/date-outside-year", file: "calls.csv", line: 101, column: 1 },
      { code: "calls/date-outside-year", file: "calls.csv", line: 0, column: 0 },
    ]);
    expect(diagnostics[100]?.message).toBe(
      "900 more findings of this kind in this file are not listed (1000 in all).",
    );
  });

  it("refuses a count of exposed individuals no call has", async () => {
    const header = "date,organisation,county,child_marriage,abduction,fgm";
    const { summary, diagnostics } = await loadCalls(
      csv("calls-big.csv", [header, "2025-01-01,Polis,,1001,,", "2025-01-02,Polis,,1000,,"]),
      2025,
    );
    expect(brief(diagnostics)).toEqual([
      { code: "csv/invalid-value", file: "calls-big.csv", line: 2, column: 19 },
    ]);
    expect(summary?.exposure.child_marriage).toBe(1000);
  });

  it("refuses a CSV line longer than 10 000 characters, quoted or not, in linear time", async () => {
    const header = "date,organisation,county,child_marriage,abduction,fgm";
    const long = "x".repeat(3_000_000);
    const plain = await loadCalls(
      csv("long-plain.csv", [header, "2025-01-01,Polis,,,,", `2025-01-01,Polis,${long},,,`]),
      2025,
    );
    expect(brief(plain.diagnostics)).toEqual([
      { code: "text/line-too-long", file: "long-plain.csv", line: 3, column: 10_001 },
    ]);
    expect(plain.diagnostics[0]?.message).toBe(
      "Line 3 is longer than the limit of 10000; the file was not read from there on.",
    );
    const quoted = await loadCalls(
      csv("long-quoted.csv", [header, `2025-01-01,Polis,"${long}",,,`, "2025-01-02,Polis,,,,"]),
      2025,
    );
    expect(brief(quoted.diagnostics)).toEqual([
      { code: "text/line-too-long", file: "long-quoted.csv", line: 2, column: 10_001 },
    ]);
  });

  it("refuses a line of a chapter or a status report longer than 10 000 characters", async () => {
    const root = minimal("long-line");
    appendFileSync(path.join(root, "2025/chapters/01-inledning.md"), `\n${"ord ".repeat(2600)}\n`);
    const county = path.join(root, "2025/counties/uppsala.yaml");
    writeFileSync(
      county,
      readFileSync(county, "utf8").replace(/^summary: .*$/m, `summary: ${"a".repeat(10_001)}`),
    );
    const { diagnostics } = await loadYear(root, 2025, { cache });
    const chapterLines = readFileSync(path.join(root, "2025/chapters/01-inledning.md"), "utf8")
      .trimEnd()
      .split("\n").length;
    const countyLine =
      readFileSync(county, "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith("summary:")) + 1;
    expect(brief(diagnostics.filter((d) => d.code === "text/line-too-long"))).toEqual([
      {
        code: "text/line-too-long",
        file: "2025/counties/uppsala.yaml",
        line: countyLine,
        column: 10_001,
      },
      {
        code: "text/line-too-long",
        file: "2025/chapters/01-inledning.md",
        line: chapterLines,
        column: 10_001,
      },
    ]);
  });

  it("refuses the status reports after the 50th and the text after 256 KB", async () => {
    const root = minimal("too-many");
    const county = readFileSync(path.join(root, "2025/counties/uppsala.yaml"), "utf8");
    for (let i = 1; i <= 105; i++)
      writeFileSync(path.join(root, `2025/counties/op-${String(i).padStart(3, "0")}.yaml`), county);
    appendFileSync(
      path.join(root, "2025/chapters/01-inledning.md"),
      `\n${"Ett stycke text om arbetet.\n\n".repeat(20_000)}`,
    );
    const { data, diagnostics } = await loadYear(root, 2025, { cache });
    expect(
      brief(diagnostics.filter((d) => d.code.endsWith("too-many") || d.code.startsWith("text/"))),
    ).toEqual([
      { code: "counties/too-many", file: "2025/counties/op-051.yaml", line: 0, column: 0 },
      { code: "text/year-too-large", file: "2025/chapters/01-inledning.md", line: 0, column: 0 },
    ]);
    expect(data.counties).toHaveLength(50);
    expect(data.chapters).toEqual([]);
  });

  it("are those the benchmark's worst case fills, which loads without errors", async () => {
    expect(FILLED).toEqual({
      grantPayments: LIMITS.grantPayments,
      statusReports: LIMITS.statusReports,
      historyRows: LIMITS.historyRows,
      lineLength: LIMITS.lineLength,
      yearText: LIMITS.yearText,
    });
    const root = generateWorstCase(path.join(work, "worst"));
    const { data, diagnostics } = await loadYear(root, 2025, { cache });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(data.counties).toHaveLength(LIMITS.statusReports);
    expect(data.grants?.payments).toHaveLength(LIMITS.grantPayments);
    expect(data.history?.years).toHaveLength(LIMITS.historyRows);
  }, 30_000);
});
