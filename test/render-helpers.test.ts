import type { HelperOptions } from "handlebars";
import { describe, expect, it } from "vitest";
import {
  formatKronor,
  formatNumberWord,
  formatPercent,
  formatSwedishDate,
  formatSwedishInteger,
  formatSwedishMonth,
  formatTkr,
} from "../src/model/format.js";
import { escapeMarkdown, escapeMarkdownInline } from "../src/render/escape.js";
import { PRESENTATION_HELPERS } from "../src/render/helpers.js";
import { loadTemplates, partialArguments } from "../src/render/index.js";
import { Markdown, TemplateValueError } from "../src/render/values.js";
import { formatSwedishList } from "../src/text/swedish.js";

const NBSP = "\u00a0";

/** Calls a helper as Handlebars would, with a hash and a position. */
function call(name: string, args: unknown[], hash: Record<string, unknown> = {}): string {
  const helper = PRESENTATION_HELPERS[name] as (...a: unknown[]) => unknown;
  const options = { hash, loc: { start: { line: 3, column: 4 }, end: { line: 3, column: 9 } } };
  const result = helper(...args, options as unknown as HelperOptions);
  return result instanceof Markdown ? result.text : String(result);
}

describe("Swedish numbers", () => {
  it("separates thousands with U+00A0 NO-BREAK SPACE, never an ordinary space", () => {
    expect(formatSwedishInteger(21751)).toBe(`21${NBSP}751`);
    expect(formatSwedishInteger(13913620)).toBe(`13${NBSP}913${NBSP}620`);
    expect(formatSwedishInteger(21751)).not.toContain(" ");
    expect(call("number", [1019])).toBe(`1${NBSP}019`);
  });
  it("writes kronor, tkr and per cent with a no-break space before the unit", () => {
    expect(formatKronor(13913620)).toBe(`13${NBSP}913${NBSP}620${NBSP}kr`);
    expect(formatTkr(21751)).toBe(`21${NBSP}751${NBSP}tkr`);
    expect(formatPercent(21751 / 24711)).toBe(`88${NBSP}%`);
    expect(formatPercent(-0.1)).toBe(`\u221210${NBSP}%`);
    expect(call("percent", [0.125], { decimals: 1 })).toBe(`12,5${NBSP}%`);
    expect(call("kronor", [2028000])).toBe(`2${NBSP}028${NBSP}000${NBSP}kr`);
    expect(call("tkr", [-317])).toBe(`\u2212317${NBSP}tkr`);
  });
  it("prints years and ids without grouping through {{plain}}", () => {
    expect(call("plain", [2023])).toBe("2023");
  });
  it("writes small numbers in words, as Swedish prose does, and larger ones in digits", () => {
    expect(formatNumberWord(11)).toBe("elva");
    expect(formatNumberWord(1)).toBe("en");
    expect(call("words", [1], { neuter: true })).toBe("ett");
    expect(formatNumberWord(13)).toBe("13");
  });
});

describe("Swedish dates and lists", () => {
  it("writes dates as '1 mars 2024' and months as 'oktober 2023'", () => {
    expect(formatSwedishDate("2024-03-01")).toBe("1 mars 2024");
    expect(formatSwedishDate("2023-12-31")).toBe("31 december 2023");
    expect(formatSwedishMonth("2023-10")).toBe("oktober 2023");
    expect(call("date", ["2024-03-01"])).toBe("1 mars 2024");
  });
  it("joins lists with commas and 'och', no serial comma", () => {
    expect(formatSwedishList(["Dalarna", "Skåne", "Örebro"])).toBe("Dalarna, Skåne och Örebro");
    expect(formatSwedishList(["Dalarna", "Skåne"])).toBe("Dalarna och Skåne");
    expect(formatSwedishList(["Dalarna"])).toBe("Dalarna");
    expect(call("list", [["Dalarna", "Skåne", "Örebro"]], { conjunction: "eller" })).toBe(
      "Dalarna, Skåne eller Örebro",
    );
  });
  it("escapes list items from data", () => {
    expect(call("list", [["A*", "[b]"]])).toBe("A\\* och \\[b\\]");
  });
});

describe("county names", () => {
  it("gives the short, official, genitive and authority forms from a code or a name", () => {
    expect(call("county", ["12"])).toBe("Skåne");
    expect(call("county", ["12"], { form: "official" })).toBe("Skåne län");
    expect(call("county", ["Västra Götalands län"], { form: "genitive" })).toBe("Västra Götalands");
    expect(call("county", ["14"], { form: "official-genitive" })).toBe("Västra Götalands läns");
    expect(call("county", ["skane"], { form: "authority" })).toBe("Länsstyrelsen Skåne");
    expect(call("county", ["05"], { form: "authority-formal" })).toBe(
      "Länsstyrelsen i Östergötlands län",
    );
  });
  it("refuses a name that is not a county, with the expression's position", () => {
    expect(() => call("county", ["Atlantis"])).toThrow(TemplateValueError);
    try {
      call("county", ["Atlantis"]);
    } catch (error) {
      expect((error as TemplateValueError).loc).toEqual({ line: 3, column: 4 });
    }
  });
});

describe("headings", () => {
  it("numbers a sub-heading from the prefix and sets its level by the number's depth", () => {
    expect(call("numberedHeading", ["5.1.1", 0, "Projektomgång 2"])).toBe(
      "#### 5.1.1.1 Projektomgång 2",
    );
    expect(call("subHeading", ["5.1.1", "Dalarna"])).toBe("##### Dalarna");
    expect(call("numberedHeading", [null, 0, "Utan nummer"])).toBe("#### Utan nummer");
  });
});

describe("helpers never print a gap as a blank", () => {
  it("throws template/no-value for null", () => {
    expect(() => call("number", [null])).toThrow(/got no value/);
    try {
      call("number", [null]);
    } catch (error) {
      expect((error as TemplateValueError).code).toBe("template/no-value");
    }
  });
});

describe("escapeMarkdown", () => {
  it("backslash-escapes what GFM and pandoc would read as markup", () => {
    expect(escapeMarkdown("a $ @ ^ ~ < > [ ] * _ # | \\ ` { } &")).toBe(
      "a \\$ \\@ \\^ \\~ \\< \\> \\[ \\] \\* \\_ \\# \\| \\\\ \\` \\{ \\} \\&",
    );
  });
  it("escapes list markers and rules at the start of a paragraph, not elsewhere", () => {
    expect(escapeMarkdown("1. första")).toBe("1\\. första");
    expect(escapeMarkdown("- punkt\n\n+ plus\n\n= x\n\n: def")).toBe(
      "\\- punkt\n\n\\+ plus\n\n\\= x\n\n\\: def",
    );
    expect(escapeMarkdown("a) b")).toBe("a\\) b");
    expect(escapeMarkdown("Sidan 1. Klart - bra.")).toBe("Sidan 1. Klart - bra.");
  });
  it("keeps paragraph breaks and joins the lines of a paragraph", () => {
    expect(escapeMarkdown("rad ett\n# rad två\r\n\r\n    indrag")).toBe(
      "rad ett \\# rad två\n\nindrag",
    );
    expect(escapeMarkdownInline("a\n\nb")).toBe("a b");
  });
  it("breaks GitHub emoji shortcodes and leaves ordinary colons alone", () => {
    expect(escapeMarkdown(":smile: NCH:s 2024:2")).toBe("\\:smile: NCH:s 2024:2");
  });
});

describe("partial arguments", () => {
  it("are the name= the built-in partials' leading comments document, null when not passed", async () => {
    const { templates } = await loadTemplates(undefined);
    if (!templates) throw new Error("no built-in templates");
    expect(partialArguments(templates.partials.values()).sort()).toEqual([
      "about",
      "caption",
      "charts",
      "level",
      "number",
      "provenance",
      "table",
    ]);
    expect(partialArguments([{ source: '{{!-- x="1" --}}{{!-- y=2 --}}\nz=3' }])).toEqual(["x"]);
  });
});
