import { describe, expect, it } from "vitest";
import { lineIndexAt, lineStarts, positionsOf } from "../src/load/positions.js";
import { isSuppressed } from "../src/model/disclosure.js";
import { isCalendarDate, parseIsoDate } from "../src/schema/calendar.js";
import { isWithoutCentre } from "../src/schema/without-centre.js";
import { didYouMean } from "../src/text/did-you-mean.js";
import { capitalise, formatSwedishList, swedishCollator } from "../src/text/swedish.js";

// The one helper per job that schema/, check/, model/, render/ and output/ share.
describe("didYouMean", () => {
  it("suggests within two edits, or one in three characters of a longer word", () => {
    expect(didYouMean("tital", ["title", "year"])).toBe("title");
    expect(didYouMean("nummber", ["number", "percent"])).toBe("number");
    expect(didYouMean("hedersrelateratvald", ["hedersrelaterat_vald", "x"])).toBe(
      "hedersrelaterat_vald",
    );
    // Three edits in a nine-letter word are a typo; in a five-letter word they are not.
    expect(didYouMean("vastragot", ["vastra"])).toBe("vastra");
    expect(didYouMean("abcde", ["xyzde"])).toBeUndefined();
    expect(didYouMean("stockholm", ["stockhxyz"])).toBe("stockhxyz");
    expect(didYouMean("stockholm", ["stocwxyz"])).toBeUndefined();
  });

  it("suggests nothing without candidates or for an unrelated word", () => {
    expect(didYouMean("title", [])).toBeUndefined();
    expect(didYouMean("banan", ["year", "counties"])).toBeUndefined();
  });
});

describe("positions", () => {
  it("maps offsets to 1-based lines and columns across LF, CRLF and CR line ends", () => {
    const text = "ab\ncd\r\nef\rg";
    expect(lineStarts(text)).toEqual([0, 3, 7, 10]);
    expect(lineIndexAt([0, 3, 7, 10], 8)).toBe(2);
    const at = positionsOf(text);
    expect([0, 2, 3, 5, 7, 10, 11].map(at)).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});

describe("calendar dates", () => {
  it("accepts days of the calendar only", () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2025, 2, 29)).toBe(false);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2025, 13, 1)).toBe(false);
    expect(isCalendarDate(45, 3, 1)).toBe(true);
    expect(parseIsoDate("2025-02-30")).toBeUndefined();
    expect(parseIsoDate("2024-03-01")).toEqual({ year: 2024, month: 3, day: 1 });
  });
});

describe("Swedish text", () => {
  it("sorts å, ä, ö after z", () => {
    expect(
      ["Örebro", "Skåne", "Älvsborg", "Åland", "Uppsala"].sort(swedishCollator.compare),
    ).toEqual(["Skåne", "Uppsala", "Åland", "Älvsborg", "Örebro"]);
  });

  it("lists without a serial comma, in the conjunction asked for", () => {
    expect(formatSwedishList([])).toBe("");
    expect(formatSwedishList(["a"])).toBe("a");
    expect(formatSwedishList(["a", "b", "c"])).toBe("a, b och c");
    expect(formatSwedishList(["a", "b", "c"], "or")).toBe("a, b or c");
  });

  it("capitalises the first letter only", () => {
    expect(capitalise("östergötland och NCH")).toBe("Östergötland och NCH");
    expect(capitalise("")).toBe("");
  });
});

describe("shared predicates", () => {
  it("a status report without round and phase is about a county without a centre", () => {
    expect(isWithoutCentre({ county: "01" } as never)).toBe(true);
    expect(isWithoutCentre({ county: "01", round: 1 } as never)).toBe(false);
  });

  it("suppresses counts from 1 to the threshold", () => {
    expect([0, 1, 3, 4].map((n) => isSuppressed(n, 3))).toEqual([false, true, true, false]);
    expect(isSuppressed(1, undefined)).toBe(false);
  });
});
