import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openCache } from "../src/cache.js";
import { checkProse } from "../src/check/spelling/check-prose.js";
import { markdownUnit } from "../src/check/spelling/prose.js";
import { loadWordLists } from "./word-lists.js";

// The spelling check measured on the real text of seed 004 against a ground truth read by hand
// (see the head of seed-004-misspellings.txt). The numbers are exact: a change of the rules,
// the word lists or the dictionary that catches less or flags more fails here.
const FIXTURES = "test/fixtures/spelling";

function groundTruth(): { at: string; word: string }[] {
  return readFileSync(path.join(FIXTURES, "seed-004-misspellings.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [l, c, ...word] = line.split(" ");
      return { at: `${l}:${c}`, word: word.join(" ") };
    });
}

describe("spelling on seed 004", () => {
  it("catches 34 of its 35 misspellings (19 of 20 forms) with 2 false alarms", async () => {
    const text = readFileSync(path.join(FIXTURES, "seed-004.md"), "utf8");
    const lists = await loadWordLists(path.join(FIXTURES, "no-such-data"));
    const cacheDir = mkdtempSync(path.join(tmpdir(), "nch-spelling-"));
    const found = await checkProse([markdownUnit("seed-004.md", text)], lists, {
      cache: openCache(cacheDir).spelling,
    });
    rmSync(cacheDir, { recursive: true, force: true });

    const lines = text.split("\n");
    const wordAt = (line: number, column: number) =>
      /^[\p{L}-]+/u.exec(lines[line - 1]?.slice(column - 1) ?? "")?.[0] ?? "";
    const flagged = new Map(found.map((d) => [`${d.line}:${d.column}`, wordAt(d.line, d.column)]));
    const truth = groundTruth();
    const caught = truth.filter((t) => flagged.has(t.at));
    const missed = truth.filter((t) => !flagged.has(t.at));
    const falseAlarms = [...flagged]
      .filter(([at]) => !truth.some((t) => t.at === at))
      .map(([at, word]) => `${word} ${at}`);

    expect(truth).toHaveLength(35);
    expect(new Set(truth.map((t) => t.word.toLowerCase())).size).toBe(20);
    expect(caught).toHaveLength(34);
    expect(new Set(caught.map((t) => t.word.toLowerCase())).size).toBe(19);
    expect(missed.map((t) => `${t.word} ${t.at}`)).toEqual(["präglade 149:203"]);
    expect(falseAlarms).toEqual(["uppstartmöte 559:35", "företagshälsovårdliga 683:230"]);
  }, 60_000);
});
