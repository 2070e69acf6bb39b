import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheDir, openCache } from "../src/cache.js";
import type { CacheSpace } from "../src/cache-space.js";
import { checkProse } from "../src/check/spelling/check-prose.js";
import { markdownUnit, proseWords } from "../src/check/spelling/prose.js";
import { createSpeller } from "../src/check/spelling/speller.js";
import { findTerms, mergeTerms, parseTerminology } from "../src/check/spelling/terminology.js";
import { parseWordList } from "../src/check/spelling/word-lists.js";
import { yamlProseUnits } from "../src/check/spelling/yaml-prose.js";
import { checkSpelling } from "../src/check/spelling.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { checkTexts } from "../src/load/check-inputs.js";
import { loadYear } from "../src/load/dataset.js";
import { loadWordLists } from "./word-lists.js";

const DATASET = "test/fixtures/spelling/dataset";
const caches: string[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "nch-spelling-"));
  caches.push(dir);
  return dir;
};
const freshCache = (): CacheSpace => openCache(freshFolder()).spelling;
afterAll(() => {
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

const brief = (d: Diagnostic) => [d.code, d.file, d.line, d.column, d.hint];

async function spellDataset(cache = freshCache(), loadSpeller = createSpeller) {
  const { data } = await loadYear(DATASET, 2023);
  return checkSpelling(data, checkTexts(data), { cache, loadSpeller });
}

describe("prose words", () => {
  it("skips code, URLs, Handlebars, comments, footnotes, abbreviations and numbers", () => {
    const text = [
      "NCH:s <!-- dolt\nord --> `kod` [länk](https://x.se/fel) {{år.total}} www.exempel.se",
      "SCB 2023 A2021 beskriver¹ enligt[^2] hälso- och sjukvård, EU-kommissionen",
      "```",
      "kodblock",
      "```",
    ].join("\n");
    const words = proseWords(markdownUnit("a.md", text));
    expect(words.map((w) => [w.text, w.line, w.column, w.prefix])).toEqual(
      [
        ["länk", 2, 16],
        ["beskriver", 3, 16],
        ["enligt", 3, 27],
        ["hälso", 3, 38, true],
        ["och", 3, 45],
        ["sjukvård", 3, 49],
        ["kommissionen", 3, 62],
      ].map(([t, l, c, p]) => [t, l, c, p ?? false]),
    );
  });

  it("places the words of plain, literal and folded YAML scalars on their own lines", () => {
    const text = [
      "summary: Första raden",
      "  fortsätter här.",
      "plans: |",
      "  Rad ett",
      "    indragen rad",
      "text: >-",
      '  vikt "text"',
      'title: "Citerad\\ntitel"',
    ].join("\n");
    const units = yamlProseUnits("c.yaml", text, [["summary"], ["plans"], ["text"], ["title"]]);
    const at = units.map((u) => proseWords(u).map((w) => `${w.text}@${w.line}:${w.column}`));
    expect(at).toEqual([
      ["Första@1:10", "raden@1:17", "fortsätter@2:3", "här@2:14"],
      ["Rad@4:3", "ett@4:7", "indragen@5:5", "rad@5:14"],
      ["vikt@7:3", "text@7:9"],
      ["Citerad@8:9", "titel@8:18"],
    ]);
  });
});

describe("terminology", () => {
  const { terms } = parseTerminology(
    "t.yaml",
    "könsstympning: [könsstympling*, könstympling]\natt: [att och]\n",
  );

  it("matches inflections of an open form and keeps the case of the first letter", () => {
    const words = proseWords(
      markdownUnit("a.md", "Könsstymplingen och könstympling, inte könstymplingen; att och"),
    );
    expect(findTerms(words, terms).map((h) => [h.found, h.suggestion])).toEqual([
      ["Könsstymplingen", "Könsstympningen"],
      ["könstympling", "könsstympning"],
      ["att och", "att"],
    ]);
  });

  it("lets the user's list override a built-in form or switch it off", () => {
    const user = parseTerminology("u.yaml", "könsstympning: [könsstympling]\natt och: [att och]\n");
    const merged = mergeTerms(terms, user.terms);
    expect(merged.map((t) => [t.wrong.join(" "), t.open, t.right])).toEqual([
      ["könsstympling", false, "könsstympning"],
      ["könstympling", false, "könsstympning"],
    ]);
  });

  it("does not join a phrase across punctuation", () => {
    const words = proseWords(markdownUnit("a.md", "för att, och därmed"));
    expect(findTerms(words, terms)).toEqual([]);
  });

  it("reports an empty form at its position", () => {
    const { diagnostics } = parseTerminology("words/terminologi.yaml", "a: [b]\nc: ['', d]\n");
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["schema/invalid-value", 2, 5],
    ]);
  });

  it("reports a malformed list at its line", () => {
    const { diagnostics } = parseTerminology("words/terminologi.yaml", "a: [b]\nc: [\n");
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ["yaml/syntax", "words/terminologi.yaml", 3],
    ]);
  });
});

describe("word lists", () => {
  it("reads one word per line, several on a line, and ignores comments", () => {
    expect(parseWordList("# kommentar\nOrigo  Barnahus # namn\n\nresurscentra\n")).toEqual([
      "Origo",
      "Barnahus",
      "resurscentra",
    ]);
  });

  it("extends the built-in list with the user's words/ordlista.txt", async () => {
    const builtIn = await loadWordLists("test/fixtures/spelling/no-such-data");
    const withUser = await loadWordLists(DATASET);
    expect(builtIn.words.has("resurscentra")).toBe(true);
    expect(builtIn.words.has("Terrafem")).toBe(false);
    expect(withUser.words.has("Terrafem")).toBe(true);
    expect(withUser.words.has("resurscentra")).toBe(true);
  });
});

describe("spelling of a year's prose", () => {
  it("reports terminology and misspellings at their exact positions, chapters and YAML", async () => {
    expect((await spellDataset()).map(brief)).toEqual([
      ["prose/terminology", "2023/chapters/01-resurscentra.md", 5, 76, "Skriv: könsstympning"],
      [
        "prose/spelling",
        "2023/themes.yaml",
        6,
        12,
        'Did you mean "länssamverkan"? If the word is right, add it to words/ordlista.txt in the data folder.',
      ],
      [
        "prose/spelling",
        "2023/counties/uppsala.yaml",
        3,
        29,
        'Did you mean "måluppfyllelse"? If the word is right, add it to words/ordlista.txt in the data folder.',
      ],
      [
        "prose/spelling",
        "2023/counties/uppsala.yaml",
        6,
        14,
        'Did you mean "inrapporteringssystem"? If the word is right, add it to words/ordlista.txt in the data folder.',
      ],
    ]);
  });

  it("accepts correct compounds and flags one-letter slips of them", async () => {
    const lists = await loadWordLists("test/fixtures/spelling/no-such-data");
    const text =
      "resurscentraverksamheterna orienteringsfas hedersrelaterade Resurscentralänen " +
      "målpuppfyllelse resurscentravverksamheterna";
    const found = await checkProse([markdownUnit("a.md", text)], lists, {
      cache: freshCache(),
    });
    expect(found.map((d) => [d.column, d.message, d.hint?.split("?")[0]])).toEqual([
      [79, '"målpuppfyllelse" may be misspelt.', 'Did you mean "måluppfyllelse"'],
      [
        95,
        '"resurscentravverksamheterna" may be misspelt.',
        'Did you mean "resurscentraverksamheterna"',
      ],
    ]);
  });

  it("accepts the user's own words only with the user's word list", async () => {
    const unit = markdownUnit("a.md", "Samverkan med Terrafem fortsätter.");
    const builtIn = await loadWordLists("test/fixtures/spelling/no-such-data");
    const withUser = await loadWordLists(DATASET);
    const cache = freshCache();
    const flagged = await checkProse([unit], builtIn, { cache });
    expect(flagged.map((d) => [d.code, d.column, d.message])).toEqual([
      ["prose/spelling", 15, '"Terrafem" may be misspelt.'],
    ]);
    expect(await checkProse([unit], withUser, { cache })).toEqual([]);
  });

  it("answers unchanged prose from the cache without loading cspell", async () => {
    const cache = freshCache();
    let loads = 0;
    const counting = async (listed: ReadonlySet<string>) => {
      loads++;
      return createSpeller(listed);
    };
    const first = await spellDataset(cache, counting);
    const refuse = async (): Promise<never> => {
      throw new Error("cspell was loaded for cached prose");
    };
    const second = await spellDataset(cache, refuse);
    expect(loads).toBe(1);
    expect(second).toEqual(first);
  });

  it("reuses cached verdicts of known words when the text changes", async () => {
    const cache = freshCache();
    const lists = await loadWordLists("test/fixtures/spelling/no-such-data");
    const check = (text: string, loadSpeller = createSpeller) =>
      checkProse([markdownUnit("a.md", text)], lists, { cache, loadSpeller });
    await check("Arbetet med lägesbilder och arbetsätt fortsätter.");
    const again = await check("Arbetet med arbetsätt och lägesbilder fortsätter.", async () => {
      throw new Error("cspell was loaded for known words");
    });
    expect(again.map((d) => [d.column, d.hint?.split("?")[0]])).toEqual([
      [13, 'Did you mean "arbetssätt"'],
    ]);
  });
});

describe("cache folder", () => {
  it("is .nch-cache/spelling in the working directory, moved by NCH_REPORT_CACHE", () => {
    expect(cacheDir("spelling", {}, "/work")).toBe(path.join("/work", ".nch-cache", "spelling"));
    expect(cacheDir("spelling", { NCH_REPORT_CACHE: "/tmp/c" }, "/work")).toBe(
      path.join("/tmp/c", "spelling"),
    );
  });
});

describe("nch-report validate", () => {
  // A warm run must not even import cspell-lib: the hook makes loading it fail the run.
  const validate = (cache: string, forbidCspell: boolean) =>
    spawnSync(
      process.execPath,
      [
        ...(forbidCspell ? ["--import", "./test/fixtures/spelling/forbid-cspell.mjs"] : []),
        "bin/nch-report.js",
        "validate",
        "2023",
        "--data",
        DATASET,
        "--format",
        "json",
      ],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: cache } },
    );

  it("loads cspell on a cold run only", () => {
    const cache = freshFolder();
    const refused = validate(cache, true);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("cspell-lib");
    const cold = validate(cache, false);
    const warm = validate(cache, true);
    expect(warm.stderr).toBe("");
    expect(warm.status).toBe(cold.status);
    expect(warm.stdout).toBe(cold.stdout);
    const codes = (JSON.parse(warm.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map(
      (d) => d.code,
    );
    expect(codes.filter((c) => c.startsWith("prose/"))).toHaveLength(4);
  });
});

describe("built-in word lists", () => {
  it("parse without problems", async () => {
    const lists = await loadWordLists("test/fixtures/spelling/no-such-data");
    expect(lists.diagnostics).toEqual([]);
    expect(lists.terms.length).toBeGreaterThan(5);
    expect(readFileSync("templates/words/ordlista.txt", "utf8")).toContain("resurscentra");
  });
});
