import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPersonalData } from "../src/check/personal-data.js";
import {
  findPersonalData,
  identityNumberKind,
  luhnValid,
} from "../src/check/personal-data-patterns.js";
import { checkTexts } from "../src/load/check-inputs.js";
import type { YearData } from "../src/load/dataset.js";
import { dataFile } from "../src/load/files.js";
import { findings, where } from "./check-helpers.js";

describe("identityNumberKind", () => {
  it("recognises Skatteverket's test numbers in 10- and 12-digit form, with or without separator", () => {
    // 121212-1212: 1·2 + 2 + 1·2 + 2 + 1·2 + 2 + 1·2 + 2 + 1·2 = 18, check digit 2 → 20.
    expect(luhnValid("1212121212")).toBe(true);
    for (const written of [
      "19121212-1212",
      "121212-1212",
      "1212121212",
      "191212121212",
      "121212+1212",
    ]) {
      expect(identityNumberKind(written), written).toBe("personnummer");
    }
  });

  it("recognises a samordningsnummer: day + 60", () => {
    // 701063-2391: 1970-10-03; digits 7010632391 → Luhn sum 30.
    expect(luhnValid("7010632391")).toBe(true);
    expect(identityNumberKind("701063-2391")).toBe("samordningsnummer");
    expect(identityNumberKind("19701063-2391")).toBe("samordningsnummer");
  });

  it("is not a personnummer with a wrong check digit, an impossible date or another century", () => {
    expect(identityNumberKind("121212-1213")).toBeUndefined();
    expect(identityNumberKind("19121212-1213")).toBeUndefined();
    expect(identityNumberKind("121312-1212")).toBeUndefined(); // month 13
    expect(identityNumberKind("701093-2391")).toBeUndefined(); // day 33 as coordination
    expect(identityNumberKind("21121212-1212")).toBeUndefined();
  });
});

describe("findPersonalData", () => {
  it("finds identity numbers inside prose, not inside longer digit runs or dates", () => {
    expect(findPersonalData("Personen (19121212-1212) ringde.")).toEqual([
      { kind: "personnummer", index: 10, text: "19121212-1212", folded: "19121212-1212" },
    ]);
    expect(
      findPersonalData("ISBN 978-91-89819-08-5, 2023-04-01, 13 913 620 kr, 31212121212"),
    ).toEqual([]);
  });

  it("finds e-mail addresses and phone numbers of persons, not the organisation's own", () => {
    expect(findPersonalData("Skriv till kalle@example.com eller ring 08-123 456 78.")).toEqual([
      { kind: "email", index: 11, text: "kalle@example.com", folded: "kalle@example.com" },
      { kind: "phone", index: 40, text: "08-123 456 78", folded: "08-123 456 78" },
    ]);
    expect(findPersonalData("+46 70 123 45 67")).toEqual([
      { kind: "phone", index: 0, text: "+46 70 123 45 67", folded: "+46 70 123 45 67" },
    ]);
    expect(
      findPersonalData(
        "nch@lansstyrelsen.se, 010-223 50 00, www.lansstyrelsen.se/ostergotland, 020-50 50 50",
      ),
    ).toEqual([]);
    expect(findPersonalData("anna.svensson@lansstyrelsen.se")).toEqual([
      {
        kind: "email",
        index: 0,
        text: "anna.svensson@lansstyrelsen.se",
        folded: "anna.svensson@lansstyrelsen.se",
      },
    ]);
  });
});

describe("personal data in the inputs (personal-data/*)", () => {
  it("finds none in the real 2023 data, chapters and calls included", async () => {
    expect(await findings("data", 2023, "personal-data/")).toEqual([]);
  });

  it("reports each number in chapters, YAML and CSV cells with its line and column", async () => {
    const found = await findings("test/fixtures/personal-data", 2025, "personal-data/");
    expect(found.map(where)).toEqual([
      ["error", "personal-data/personnummer", "2025/chapters/01-inledning.md", 3, 27],
      ["error", "personal-data/personnummer", "2025/chapters/01-inledning.md", 4, 19],
      ["error", "personal-data/personnummer", "2025/chapters/01-inledning.md", 4, 35],
      ["error", "personal-data/personnummer", "2025/chapters/01-inledning.md", 4, 61],
      ["warning", "personal-data/email", "2025/chapters/01-inledning.md", 6, 26],
      ["warning", "personal-data/phone", "2025/chapters/01-inledning.md", 6, 57],
      ["error", "personal-data/personnummer", "2025/counties/uppsala.yaml", 20, 25],
      ["error", "personal-data/personnummer", "2025/support-line/calls.csv", 3, 46],
      ["warning", "personal-data/free-text", "2025/support-line/calls.csv", 4, 22],
    ]);
    expect(found[1]?.message).toBe(
      "A samordningsnummer (10 digits) with a valid check digit is in the input; identity numbers must never reach the report.",
    );
    expect(found[3]?.message).toMatch(/^A personnummer \(12 digits\)/);
    // The value itself is never copied into the message (CI logs are not the place for it).
    expect(found.some((d) => /1212|svensson|123 45/.test(d.message))).toBe(false);
    expect(found[4]?.message).toBe(
      "An e-mail address is in the text; contact details of a person must not reach the report.",
    );
  });
});

describe("personal data in a calls.csv of many megabytes", () => {
  const root = mkdtempSync(path.join(tmpdir(), "nch-personal-data-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Scans a generated calls.csv of `count` rows, with `ids` replacing some rows' ids. */
  async function scan(count: number, ids: Record<number, string>) {
    const rows = Array.from({ length: count }, (_, i) => {
      const id = ids[i] ?? `2025-${String(i + 1).padStart(7, "0")}`;
      return `2025-03-14,Socialtjänst,Västra Götaland,,1,,${id}`;
    });
    mkdirSync(path.join(root, "2025/support-line"), { recursive: true });
    const header = "date,organisation,county,child_marriage,abduction,fgm,id";
    writeFileSync(
      path.join(root, "2025/support-line/calls.csv"),
      `${header}\r\n${rows.join("\r\n")}`,
    );
    const file = dataFile(root, "2025/support-line/calls.csv");
    const data = { inputs: [file] } as unknown as YearData;
    return checkPersonalData(data, checkTexts(data));
  }

  it("keeps the line and column of findings megabytes into the file", async () => {
    const found = await scan(150_000, { 120000: "121212-1212", 149999: "Anna Svensson" });
    expect(found.map(where)).toEqual([
      ["error", "personal-data/personnummer", "2025/support-line/calls.csv", 120_002, 45],
      ["warning", "personal-data/free-text", "2025/support-line/calls.csv", 150_001, 45],
    ]);
  });

  it("lists the first 100 findings and sums up the rest in one", async () => {
    const ids = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [i * 900, "okänd"]));
    const found = await scan(150_000, ids);
    expect(found).toHaveLength(101);
    expect(found.slice(99).map(where)).toEqual([
      ["warning", "personal-data/free-text", "2025/support-line/calls.csv", 89_102, 45],
      ["warning", "personal-data/free-text", "2025/support-line/calls.csv", 89_102, 45],
    ]);
    expect(found[100]?.message).toBe(
      "… and 50 more findings of personal data in 2025/support-line/calls.csv, not listed one by one.",
    );
  });
});
