import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../src/load/yaml.js";
import { CountyStatus } from "../src/schema/county-status.js";
import { checkAgainstSchema } from "../src/schema/validate.js";

function diagnose(name: string) {
  const rel = `yaml/${name}.yaml`;
  const parsed = parseYaml(rel, readFileSync(`test/fixtures/${rel}`, "utf8"));
  const found =
    parsed.diagnostics.length > 0
      ? parsed.diagnostics
      : checkAgainstSchema(CountyStatus, parsed.source).diagnostics;
  return found.map(({ code, line, column, message }) => ({ code, line, column, message }));
}

describe("YAML loading", () => {
  it("reports a duplicate key at the second occurrence", () => {
    expect(diagnose("duplicate-key")).toEqual([
      {
        code: "yaml/duplicate-key",
        line: 4,
        column: 1,
        message: 'The key "round" appears twice in this mapping.',
      },
    ]);
  });

  it("reports tab indentation", () => {
    expect(diagnose("tab-indent")).toEqual([
      {
        code: "yaml/tab-indent",
        line: 3,
        column: 1,
        message: "Tabs are not allowed as indentation",
      },
    ]);
  });

  it("stops an alias bomb at the first alias without expanding it", () => {
    const [finding] = diagnose("alias-bomb");
    expect(finding).toMatchObject({ code: "yaml/alias-limit", line: 2, column: 8 });
  });

  it("refuses __proto__ keys and never lets them reach an object", () => {
    const rel = "yaml/prototype-key.yaml";
    const parsed = parseYaml(rel, readFileSync(`test/fixtures/${rel}`, "utf8"));
    expect(parsed.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["yaml/prototype-key", 4, 3],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports a syntax error with its position instead of throwing", () => {
    expect(diagnose("syntax-error")).toEqual([
      { code: "yaml/syntax", line: 5, column: 1, message: 'Missing closing "quote' },
    ]);
  });

  it("reports a misspelt key with a did-you-mean hint", () => {
    const rel = "yaml/unknown-key.yaml";
    const parsed = parseYaml(rel, readFileSync(`test/fixtures/${rel}`, "utf8"));
    const [finding] = checkAgainstSchema(CountyStatus, parsed.source).diagnostics;
    expect(finding).toMatchObject({
      severity: "error",
      code: "schema/unknown-key",
      message: 'Unknown key "sumary".',
      file: rel,
      line: 4,
      column: 1,
      hint: 'Did you mean "summary"?',
    });
  });

  it("positions each bad value at the value itself", () => {
    expect(diagnose("bad-values")).toEqual([
      {
        code: "county/unknown",
        line: 1,
        column: 9,
        message: 'county: "Västra Götland" is not a Swedish county.',
      },
      {
        code: "schema/invalid-value",
        line: 5,
        column: 7,
        message: 'period.to: "2023-02-30" is not a date in the calendar.',
      },
      {
        code: "vocab/unknown",
        line: 6,
        column: 8,
        message: 'phase: "avveckling" is not a valid phase.',
      },
      {
        code: "schema/invalid-value",
        line: 7,
        column: 20,
        message: "operational_since: This is not a month written YYYY-MM.",
      },
      {
        code: "schema/missing-key",
        line: 9,
        column: 3,
        message: 'The required key "principal.status" is missing.',
      },
    ]);
  });

  it("normalises county spellings and Swedish phase names", () => {
    const parsed = parseYaml(
      "x.yaml",
      "county: vastra gotalands län\nphase: Genomförandefas\nround: 3\n",
    );
    const checked = checkAgainstSchema(CountyStatus, parsed.source);
    expect(checked.data).toMatchObject({ county: "14", phase: "genomforande", round: 3 });
  });
});
