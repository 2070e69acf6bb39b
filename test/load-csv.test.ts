import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CallIdLines } from "../src/load/call-ids.js";
import { loadCalls } from "../src/load/calls.js";
import { parseRecords, type RecordSink, splitPlainRecords } from "../src/load/csv-records.js";
import { dataFile } from "../src/load/files.js";
import { loadGrants } from "../src/load/grants.js";

const fixture = (name: string) => dataFile("test/fixtures", `csv/${name}`);
const brief = (ds: { code: string; line: number; column: number; message: string }[]) =>
  ds.map(({ code, line, column, message }) => ({ code, line, column, message }));

describe("calls.csv", () => {
  it("reads UTF-8 with BOM, semicolons, CRLF, quotes, county codes and long county names", async () => {
    const { summary, diagnostics } = await loadCalls(
      fixture("calls-utf8-bom-semicolon-crlf.csv"),
      2023,
    );
    expect(diagnostics).toEqual([]);
    expect(summary?.calls).toBe(3);
    expect(summary?.byCounty).toEqual({ "14": 2, "": 1 });
    expect(summary?.byOrganisation).toMatchObject({
      socialtjanst: 1,
      annan_myndighet: 1,
      polis: 1,
    });
    expect(summary?.exposure).toEqual({ child_marriage: 1, abduction: 2, fgm: 1 });
    expect(summary?.byMonth).toEqual([1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it("reads tab-separated files without the optional id column", async () => {
    const { summary, diagnostics } = await loadCalls(fixture("calls-tab.csv"), 2023);
    expect(diagnostics).toEqual([]);
    expect(summary?.byCounty).toEqual({ "01": 1 });
    expect(summary?.byOrganisation.skola).toBe(1);
  });

  it("decodes Windows-1252 from Excel correctly and says so", async () => {
    const { summary, diagnostics } = await loadCalls(fixture("calls-windows-1252.csv"), 2023);
    expect(brief(diagnostics)).toEqual([
      {
        code: "encoding/windows-1252",
        line: 0,
        column: 0,
        message: `csv/calls-windows-1252.csv is not UTF-8; it was read as Windows-1252 (Excel's "CSV (semikolonavgränsad)").`,
      },
    ]);
    // Skåne and Östergötland only match when å and Ö were decoded right: no mojibake.
    expect(summary?.byCounty).toEqual({ "12": 1, "05": 1 });
    expect(summary?.byOrganisation).toMatchObject({ socialtjanst: 1, skola: 1 });
  });

  it("decodes UTF-16 with BOM (Excel's 'Unicode text')", async () => {
    const { summary, diagnostics } = await loadCalls(fixture("calls-utf16.csv"), 2023);
    expect(diagnostics).toEqual([]);
    expect(summary?.byCounty).toEqual({ "23": 1 });
  });

  it("reports each bad cell with the file's line and the cell's column", async () => {
    const { summary, diagnostics } = await loadCalls(fixture("calls-bad-rows.csv"), 2023);
    expect(brief(diagnostics)).toEqual([
      { code: "csv/syntax", line: 9, column: 1, message: "Invalid Record Length: expect 7, got 6" },
      {
        code: "calls/date-outside-year",
        line: 3,
        column: 1,
        message: "The call on 2022-12-31 is outside the report year 2023.",
      },
      {
        code: "vocab/unknown",
        line: 4,
        column: 12,
        message: '"Brandkåren" is not an organisation type.',
      },
      {
        code: "county/unknown",
        line: 5,
        column: 18,
        message: '"Gotaland" is not a Swedish county.',
      },
      {
        code: "csv/invalid-value",
        line: 6,
        column: 24,
        message: '"-1" in child_marriage is not a count of people.',
      },
      {
        code: "csv/invalid-value",
        line: 6,
        column: 27,
        message: '"x" in abduction is not a count of people.',
      },
      {
        code: "calls/duplicate-id",
        line: 7,
        column: 27,
        message: 'The call id "a1" is used twice: on line 2 and line 7.',
      },
      {
        code: "csv/invalid-value",
        line: 8,
        column: 1,
        message: '"2023-02-31x" is not a date in the calendar.',
      },
    ]);
    // Only the two good rows are counted.
    expect(summary?.calls).toBe(2);
  });

  it("warns on a header-only file", async () => {
    const { diagnostics } = await loadCalls(fixture("calls-header-only.csv"), 2023);
    expect(brief(diagnostics)).toEqual([
      {
        code: "calls/none",
        line: 1,
        column: 1,
        message: "csv/calls-header-only.csv has a header but no calls registered.",
      },
    ]);
  });

  it("reports unknown columns and rows of the wrong length, multi-line quoted cells included", async () => {
    const { diagnostics } = await loadCalls(fixture("calls-quoted-and-short.csv"), 2023);
    expect(brief(diagnostics).slice(0, 3)).toEqual([
      { code: "csv/unknown-column", line: 1, column: 58, message: 'Unknown column "notes".' },
      { code: "csv/syntax", line: 3, column: 1, message: "Invalid Record Length: expect 8, got 7" },
      { code: "csv/syntax", line: 4, column: 1, message: "Invalid Record Length: expect 8, got 6" },
    ]);
  });
});

describe("grants.csv", () => {
  it("reads Swedish amounts with no-break and thin spaces, plain amounts and recipients as the finance system writes them", async () => {
    const { payments, diagnostics } = await loadGrants(fixture("grants-mixed.csv"));
    expect(payments?.map((p) => [p.amount, p.round, p.county, p.line])).toEqual([
      [1105000, 3, "18", 2],
      [2026856, 2, "12", 3],
      [1105000, 3, "03", 4],
    ]);
    expect(brief(diagnostics)).toEqual([
      { code: "csv/invalid-value", line: 5, column: 1, message: '"12 34,5" is not an amount.' },
      {
        code: "county/unknown",
        line: 5,
        column: 17,
        message: 'The recipient "Länsstyrelsen Småland" is not a county board.',
      },
    ]);
  });
});

describe("size limits", () => {
  it("refuses a file above the limit with its size, before reading it", async () => {
    const { readLimited } = await import("../src/load/files.js");
    const result = await readLimited(fixture("calls-tab.csv"), 10);
    expect(result).toEqual({
      diagnostic: {
        severity: "error",
        code: "file/too-large",
        message: "csv/calls-tab.csv is 84 bytes, more than the limit of 10 bytes.",
        file: "csv/calls-tab.csv",
        line: 0,
        column: 0,
        hint: "Check that this is the right file; a year's data is normally kilobytes.",
        args: { file: "csv/calls-tab.csv", size: "84 bytes", limit: "10 bytes" },
      },
    });
  });
});

const scratch = mkdtempSync(path.join(tmpdir(), "nch-load-csv-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a calls.csv into the scratch folder and returns it as a data file. */
function callsFile(name: string, header: string, rows: string[]) {
  writeFileSync(path.join(scratch, name), `${header}\n${rows.join("\n")}\n`);
  return dataFile(scratch, name);
}

const HEADER = "date,organisation,county,child_marriage,abduction,fgm,id";
const generatedRow = (i: number, id = `2025-${String(i).padStart(7, "0")}`) =>
  `2025-0${1 + (i % 9)}-1${i % 10},${i % 2 ? "Polis" : "Skola/förskola"},Uppsala,,${i % 11 === 0 ? 1 : ""},,${id}`;

describe("calls.csv of the size of a year's register", () => {
  it("reports a duplicate id 199 999 lines apart with both lines, and no look-alike id as one", async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => generatedRow(i + 1));
    // Same number, other digit count, other prefix, or not numbered at all: all distinct ids.
    rows[50_000] = generatedRow(50_001, "2025-000001");
    rows[60_000] = generatedRow(60_001, "2024-0000001");
    rows[70_000] = generatedRow(70_001, "2025-1");
    rows[80_000] = generatedRow(80_001, "R-2025-0000001x");
    rows[199_999] = generatedRow(200_000, "2025-0000001");
    const { summary, diagnostics } = await loadCalls(callsFile("large.csv", HEADER, rows), 2025);
    expect(brief(diagnostics)).toEqual([
      {
        code: "calls/duplicate-id",
        line: 200_001,
        column: 38,
        message: 'The call id "2025-0000001" is used twice: on line 2 and line 200001.',
      },
    ]);
    expect(summary?.calls).toBe(200_000);
    expect(summary?.byOrganisation.polis).toBe(100_000);
    expect(summary?.exposure.abduction).toBe(18_181);
  });

  it("gives the column within the row's own line after skipped empty lines, quoted or not", async () => {
    const rows = ["2023-01-01,Polis,Uppsala,,,,a1", "", "", "2023-01-02,Brandkåren,Uppsala,,,,a2"];
    for (const [name, quote] of [
      ["empty-lines.csv", ""],
      ["empty-lines-quoted.csv", '"'],
    ] as const) {
      const header = HEADER.replace("id", `${quote}id${quote}`);
      const { diagnostics } = await loadCalls(callsFile(name, header, rows), 2023);
      expect(brief(diagnostics), name).toEqual([
        {
          code: "vocab/unknown",
          line: 5,
          column: 12,
          message: '"Brandkåren" is not an organisation type.',
        },
      ]);
    }
  });
});

describe("CallIdLines", () => {
  it("remembers the first line of every id exactly, numbered or not, across growth", () => {
    const ids = new CallIdLines();
    const repeated = Array.from({ length: 300_000 }, (_, i) => ids.firstLine(`K${i}`, i + 2));
    expect(repeated.filter((line) => line !== undefined)).toEqual([]);
    for (const id of ["K0001", "K01", "k1", "K1 ", "1", "01", "K", "K1234567890", "x"])
      expect(ids.firstLine(id, 9)).toBeUndefined();
    expect(ids.firstLine("K1", 10)).toBe(3);
    expect(ids.firstLine("K299999", 11)).toBe(300_001);
    expect(ids.firstLine("K01", 12)).toBe(9);
    expect(ids.firstLine("K1234567890", 13)).toBe(9);
    expect(ids.firstLine("x", 14)).toBe(9);
  });
});

/** Every record and skip a source reports, with the column of each cell. */
async function recordsOf(
  source: typeof splitPlainRecords,
  text: string,
  delimiter: string,
): Promise<unknown[]> {
  const seen: unknown[] = [];
  const sink: RecordSink = {
    record: (cells, line, columns) =>
      seen.push({ line, cells: [...cells], columns: cells.map((_, i) => columns.columnOf(i)) }),
    skip: (message, line) => seen.push({ line, message }),
    tooLong: (line) => seen.push({ line, tooLong: true }),
  };
  // Small chunks, so that lines are cut across chunks.
  async function* chunks() {
    for (let at = 0; at < text.length; at += 7) yield text.slice(at, at + 7);
  }
  await source(chunks(), delimiter, sink);
  return seen;
}

describe("quote-free records", () => {
  it("are split exactly as csv-parse splits them: empty lines, short rows, no final line end", async () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const cells = ["", " ", "a", "Skåne", "2023-01-01", "x y", "\u00a0", "🙂"];
    for (let file = 0; file < 200; file++) {
      const delimiter = [",", ";", "\t"][next(3)] as string;
      const width = 1 + next(4);
      const lines = Array.from({ length: next(12) }, () =>
        next(6) === 0
          ? ""
          : Array.from(
              { length: width + (next(5) === 0 ? next(3) - 1 : 0) },
              () => cells[next(cells.length)],
            ).join(delimiter),
      );
      const text = lines.join("\n") + (next(2) ? "\n" : "");
      expect(await recordsOf(splitPlainRecords, text, delimiter), JSON.stringify(text)).toEqual(
        await recordsOf(parseRecords, text, delimiter),
      );
    }
  });
});
