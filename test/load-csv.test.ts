import { describe, expect, it } from "vitest";
import { loadCalls } from "../src/load/calls.js";
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
      { code: "csv/invalid-value", line: 8, column: 1, message: '"2023-02-31x" is not a date.' },
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
      },
    });
  });
});
