// A page of the HTML edition is converted by pandoc in pieces (src/output/html/convert.ts), so that
// a save converts again only the piece it changed; the pieces must give exactly the page's HTML.
import { convert } from "pandoc-wasm";
import { describe, expect, it } from "vitest";
import { type CacheSpace, NO_CACHE } from "../src/cache-space.js";
import { PANDOC_MARKDOWN } from "../src/output/document.js";
import { markdownToHtml, pieces, piecesToConvert } from "../src/output/html/convert.js";
import { reportPages } from "../src/output/html/pages.js";
import { renderYear } from "./render-year.js";

/** The page converted whole, as before pieces: the reference. */
async function whole(markdown: string): Promise<string> {
  const result = await convert({ from: PANDOC_MARKDOWN, to: "html5", wrap: "none" }, markdown, {});
  return result.stdout;
}

/** A cache in memory that counts what it had to compute. */
function countingCache(): CacheSpace & { computed: string[] } {
  const kept = new Map<string, unknown>();
  const computed: string[] = [];
  return {
    computed,
    read: (key) => kept.get(key),
    write: async (key, value) => void kept.set(key, value),
    result: async (entry) => {
      if (kept.has(entry.key)) return kept.get(entry.key) as never;
      computed.push(entry.key);
      const value = await entry.compute();
      kept.set(entry.key, value);
      return value;
    },
  };
}

describe("pieces", () => {
  it("cuts before headings of levels 1–3 that start a block, and joins back to the page", () => {
    const page = [
      "# Ett",
      "",
      "Text.",
      "",
      "## Två",
      "Rad direkt efter.",
      "",
      "#### Fyra",
      "",
      "Mer text.",
      "### Ingen tom rad före",
      "",
      "### Tre",
      "",
      "Slut.",
    ].join("\n");
    const parts = pieces(page);
    expect(parts).toEqual([
      "# Ett\n\nText.\n\n",
      "## Två\nRad direkt efter.\n\n#### Fyra\n\nMer text.\n### Ingen tom rad före\n\n",
      "### Tre\n\nSlut.",
    ]);
    expect(parts.join("")).toBe(page);
  });

  it("never cuts inside a code block or a fenced div", () => {
    const page = [
      "Inledning.",
      "",
      "````md",
      "```",
      "",
      "# Inte en rubrik",
      "````",
      "",
      "::: {.ruta}",
      "",
      "## Inte heller",
      "",
      ":::",
      "",
      "## Rubrik",
      "",
    ].join("\n");
    expect(pieces(page)).toEqual([page.slice(0, page.indexOf("## Rubrik")), "## Rubrik\n"]);
  });

  it("leaves whole a page with footnotes, reference links, example lists or raw HTML", () => {
    for (const page of [
      "# A\n\nText.[^1]\n\n# B\n\n[^1]: Not.\n",
      "# A\n\nText.^[Not.]\n\n# B\n\nMer.\n",
      "# A\n\nSe [B].\n\n# B\n\nMer.\n",
      "# A\n\n(@) Ett.\n\n# B\n\n(@) Två.\n",
      "# A\n\n<div>\n\n# B\n\n</div>\n",
    ])
      expect(piecesToConvert(page)).toEqual([page]);
    expect(piecesToConvert("# A\n\nSe [länken](https://example.org).\n\n# B\n")).toHaveLength(2);
  });
});

describe("markdownToHtml in pieces", () => {
  it("gives the HTML of the page converted whole, for every page of 2023, 2025 and the injection fixture", async () => {
    let inPieces = 0;
    for (const [root, year] of [
      ["data", 2023],
      ["data", 2025],
      ["test/fixtures/injection", 2025],
    ] as const) {
      const [report] = await renderYear(root, year, ["pandoc"]);
      const { front, pages } = reportPages(report?.markdown ?? "");
      if (root === "data" && year === 2025) {
        // The support line's page, where the analyst's chapter 07 ends: five pieces.
        const support = pages.find((p) => p.file === "6-stod-till-yrkesverksamma.html");
        expect(piecesToConvert(support?.markdown ?? "").map((p) => p.split("\n")[0])).toEqual([
          "# 6. Stöd till yrkesverksamma",
          "## 6.1 Stödtelefonen för yrkesverksamma",
          "### 6.1.1 Antal samtal",
          "### 6.1.2 Vilka ringer till stödtelefonen",
          "### 6.1.3 Vilken typ av utsatthet handlar samtalen om?",
        ]);
      }
      for (const markdown of [front, ...pages.map((p) => p.markdown)]) {
        const parts = piecesToConvert(markdown);
        if (parts.length > 1) inPieces++;
        const cache = countingCache();
        expect(await markdownToHtml(markdown, cache)).toBe(await whole(markdown));
        // Each piece converted once, never the page again after its pieces (the forecast of
        // repeated ids did not miss).
        expect(cache.computed).toHaveLength(new Set(parts).size);
      }
    }
    // Pages of more than one piece with nothing that reaches across them and no heading id twice
    // (a short page is one piece; 2023's and 2025's regional centres and 2023's support line repeat
    // headings such as "Fortsatt arbete").
    expect(inPieces).toBe(12);
  }, 120_000);

  it("a repeated heading's id is numbered as pandoc numbers it: the page is converted whole", async () => {
    expect(
      piecesToConvert("## 2.2 Fortsatt arbete\n\nA.\n\n## 3.1.2 Fortsatt arbete!\n\nB.\n"),
    ).toHaveLength(1);
    expect(
      piecesToConvert("## 2.2 Fortsatt arbete\n\nA.\n\n## 3.1.2 Arbetet\n\nB.\n"),
    ).toHaveLength(2);
    // What the forecast does not see (an explicit id that a later heading's own id meets) the
    // ids of the pieces' HTML show: converted whole again.
    const explicit = "# Mål {#x}\n\nEtt.\n\n# X\n\nTvå.\n";
    expect(piecesToConvert(explicit)).toHaveLength(2);
    expect(await markdownToHtml(explicit, NO_CACHE.html)).toBe(await whole(explicit));
    const page = "# Mål\n\nEtt.\n\n# Mål\n\nTvå.\n";
    const html = await markdownToHtml(page, NO_CACHE.html);
    expect(html).toBe('<h1 id="mål">Mål</h1>\n<p>Ett.</p>\n<h1 id="mål-1">Mål</h1>\n<p>Två.</p>\n');
  }, 60_000);

  it("a save converts again only the piece it changed", async () => {
    const cache = countingCache();
    const page =
      "# Stöd\n\nInledning.\n\n## Samtal\n\n| År | Antal |\n|---|--:|\n| 2025 | 412 |\n\n## Slut\n\nText.\n";
    await markdownToHtml(page, cache);
    expect(cache.computed).toHaveLength(3);
    const saved = page.replace("Text.", "Text med en ny mening.");
    const html = await markdownToHtml(saved, cache);
    expect(cache.computed).toHaveLength(4);
    expect(html).toBe(await whole(saved));
    expect(html).toContain('<h2 id="slut">Slut</h2>\n<p>Text med en ny mening.</p>\n');
  }, 60_000);
});
