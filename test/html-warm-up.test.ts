// The preview's warm-up of pandoc (src/output/html/convert.ts): it converts the pages the process
// was last asked for, in turn with real conversions, which still get their own page's HTML.
import { describe, expect, it } from "vitest";
import { NO_CACHE } from "../src/cache-space.js";
import { markdownToHtml, warmHtmlConverter } from "../src/output/html/convert.js";

describe("warmHtmlConverter", () => {
  it("converts the recent pages again while a save's conversion, queued meanwhile, gets its own HTML", async () => {
    const pages = ["# Ett {#ett}\n\nFörsta sidan.\n", "# Två {#tva}\n\n| a |\n|--:|\n| 1 |\n"];
    const first = await Promise.all(pages.map((p) => markdownToHtml(p, NO_CACHE.html)));
    expect(first[0]).toBe('<h1 id="ett">Ett</h1>\n<p>Första sidan.</p>\n');
    const warming = warmHtmlConverter(3);
    const saved = await markdownToHtml("# Ett {#ett}\n\nSparad <b>text</b>.\n", NO_CACHE.html);
    expect(saved).toBe('<h1 id="ett">Ett</h1>\n<p>Sparad <b>text</b>.</p>\n');
    // Three rounds of the two pages asked for before it began.
    expect(await warming).toBe(6);
    // The warm-up changed nothing a later conversion gives.
    expect(await markdownToHtml(pages[1] as string, NO_CACHE.html)).toBe(first[1]);
  }, 60_000);

  it("lets the event loop run between pages (a save is seen at once) and stops when told", async () => {
    await markdownToHtml("# Tre {#tre}\n\nEn sida till.\n", NO_CACHE.html);
    const stop = new AbortController();
    // A timer, as a save's file event is: it fires during the warm-up, not after all of it.
    setTimeout(() => stop.abort(), 0);
    const converted = await warmHtmlConverter(50, { signal: stop.signal });
    expect(converted).toBeLessThan(3);
  }, 60_000);

  it("converts nothing while a build is busy", async () => {
    await markdownToHtml("# Fyra {#fyra}\n\nÄnnu en sida.\n", NO_CACHE.html);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    expect(await warmHtmlConverter(2, { signal: stop.signal, busy: () => true })).toBe(0);
  });
});
