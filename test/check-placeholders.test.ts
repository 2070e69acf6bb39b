import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPlaceholders } from "../src/check/placeholders.js";
import { findings, where } from "./check-helpers.js";

const texts = (text: string, handlebars: "any" | "empty" = "any") =>
  findPlaceholders(text, handlebars).map((p) => p.text);

describe("findPlaceholders", () => {
  it("finds XX and XXX as tokens, not Roman numerals, XX-talet or XX:e", () => {
    expect(texts("Under 20XX ringde XXX personer; xx kr.")).toEqual(["XX", "XXX", "xx"]);
    expect(texts("XX-talet, XXI, Karl XII, den XX:e, LXX, XXL")).toEqual([]);
  });

  it("finds Handlebars anywhere in YAML text, only empty expressions in chapters", () => {
    expect(texts("med {{antal}} och {{ }}")).toEqual(["{{antal}}", "{{ }}"]);
    expect(texts("{{supportLine.calls.total}}, {{> status}}, {{ }}, {{}}", "empty")).toEqual([
      "{{ }}",
      "{{}}",
    ]);
  });
});

describe("placeholders (placeholder/text)", () => {
  it("finds none in the real 2023 data", async () => {
    expect(await findings("data", 2023, "placeholder/text")).toEqual([]);
  });

  it("reports each placeholder in chapters and YAML values, not in YAML comments", async () => {
    const found = await findings("test/fixtures/placeholders", 2025, "placeholder/text");
    expect(found.map(where)).toEqual([
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 3, 1],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 3, 34],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 3, 44],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 4, 13],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 4, 33],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 4, 46],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 4, 54],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 5, 48],
      ["error", "placeholder/text", "2025/chapters/01-inledning.md", 5, 58],
      ["error", "placeholder/text", "2025/counties/uppsala.yaml", 13, 22],
      ["error", "placeholder/text", "2025/counties/uppsala.yaml", 22, 7],
      ["error", "placeholder/text", "2025/counties/uppsala.yaml", 22, 30],
    ]);
    expect(found.map((d) => d.message.match(/"([^"]+)"/)?.[1] ?? d.message)).toEqual([
      "To do: skriv inledningen",
      "XX",
      "XX",
      "[infoga siffra]",
      "[...]",
      "??",
      "Lorem ipsum",
      "{{ }}",
      "{{}}",
      "??",
      "{{antal}}",
      "TODO",
    ]);
    expect(found[10]?.message).toBe(
      '"{{antal}}" is an unresolved placeholder: text from data is printed literally, not as a template.',
    );
  });
});

describe("TODO markers (what init writes)", () => {
  it("reports a YAML comment that starts with TODO once, with its instruction; a # inside a value is no comment", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "nch-report-todo-"));
    try {
      cpSync("examples/minimal", root, { recursive: true });
      const file = path.join(root, "2025/report.yaml");
      const lines = readFileSync(file, "utf8").split("\n");
      lines[4] = 'title: "Rapport # TODO: skriv titeln" # a comment that mentions TODO';
      lines[6] = "publisher: Länsstyrelsen Östergötland   # TODO: bekräfta utgivaren";
      writeFileSync(file, lines.join("\n"));
      const found = await findings(root, 2025, "placeholder/text");
      expect(found.map((d) => [...where(d), d.message])).toEqual([
        ["error", "placeholder/text", "2025/report.yaml", 5, 19, "To do: skriv titeln"],
        ["error", "placeholder/text", "2025/report.yaml", 7, 43, "To do: bekräfta utgivaren"],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
