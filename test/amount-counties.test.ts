import { describe, expect, it } from "vitest";
import { parseAmount, parseCount } from "../src/schema/amount.js";
import { COUNTIES, countySuggestion, matchCounty } from "../src/schema/counties.js";

describe("amounts", () => {
  it.each([
    ["1 105 000,0", 1105000],
    ["1\u00a0105\u00a0000,0", 1105000],
    ["2\u2009026\u202f856,5", 2026856.5],
    ["1105000.00", 1105000],
    ["-317", -317],
    ["\u2212190", -190],
    ["13913620", 13913620],
    ["0,5", 0.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(["12 34,5", "1.105.000", "1 105 000.0", "tusen", "", "1,2,3"])("refuses %j", (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it("reads counts: empty is 0, negatives and fractions are not counts", () => {
    expect([parseCount(""), parseCount(" 2 "), parseCount("-1"), parseCount("1.5")]).toEqual([
      0,
      2,
      undefined,
      undefined,
    ]);
  });
});

describe("counties", () => {
  it("has the 21 counties with their SCB codes", () => {
    expect(COUNTIES).toHaveLength(21);
    expect(COUNTIES.map((c) => c.code).join(" ")).toBe(
      "01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25",
    );
  });

  it.each([
    ["Västra Götaland", "14"],
    ["Västra Götalands län", "14"],
    ["vastra gotaland", "14"],
    ["VÄSTRA GÖTALANDS", "14"],
    ["14", "14"],
    ["1", "01"],
    ["Länsstyrelsen i Uppsala Län", "03"],
    ["Länsstyrelse Skåne", "12"],
    ["Länsstyrelsen i Västmanlands Län", "19"],
    ["Dalarnas län", "20"],
    ["Skåne län", "12"],
    ["orebro", "18"],
  ])("matches %j to %s", (name, code) => {
    expect(matchCounty(name).county?.code).toBe(code);
  });

  it("suggests the nearest county for a typo and nothing for an unrelated word", () => {
    expect(countySuggestion(matchCounty("Västra Götland"))).toEqual({
      suggestion: "Västra Götaland",
      suggestionCode: "14",
    });
    expect(countySuggestion(matchCounty("Jämtlnd"))).toEqual({
      suggestion: "Jämtland",
      suggestionCode: "23",
    });
    expect(matchCounty("02").county).toBeUndefined();
    expect(countySuggestion(matchCounty("Småland"))).toEqual({});
  });
});
