import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, buildSite, launch, startPreview } from "./browser.js";

// What page.evaluate's functions see in the browser (this project's types have no DOM).
interface Focusable {
  tagName: string;
  id: string;
  textContent: string | null;
}
declare const document: { activeElement: Focusable | null };
declare const window: { scrollY: number; scrollTo(x: number, y: number): void };

let browser: Browser;
let page: Page;
const sites: Record<number, string> = {};

beforeAll(async () => {
  sites[2023] = buildSite(2023);
  sites[2025] = buildSite(2025);
  browser = await launch();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const pagesOf = (year: number) =>
  readdirSync(sites[year] as string)
    .filter((f) => f.endsWith(".html"))
    .sort();
const open = (year: number, file: string) =>
  page.goto(`file://${path.join(sites[year] as string, file)}`);

describe.each([2023, 2025])("the HTML edition of %i in Chromium", (year) => {
  it("has no WCAG 2.1 A/AA violation that axe-core finds, on any page", async () => {
    expect(pagesOf(year).length).toBeGreaterThan(10);
    for (const file of pagesOf(year)) {
      await open(year, file);
      expect(await axeViolations(page), file).toEqual([]);
    }
  });

  it("loads nothing from outside its folder", async () => {
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(`file://${sites[year]}`)) outside.push(r.url());
    });
    for (const file of pagesOf(year)) await open(year, file);
    page.removeAllListeners("request");
    expect(outside).toEqual([]);
  });
});

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? "", id: el?.id ?? "", text: el?.textContent?.trim() ?? "" };
  });

async function tabTo(text: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await focused()).text === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

describe("keyboard", () => {
  it("Tab reaches the skip link first, and Enter moves the focus to the main content", async () => {
    await open(2023, "index.html");
    await page.keyboard.press("Tab");
    expect(await focused()).toEqual({ tag: "A", id: "", text: "Hoppa till innehållet" });
    await page.keyboard.press("Enter");
    expect((await focused()).id).toBe("innehall");
  });

  it("goes through the chapter navigation to a chapter", async () => {
    await open(2023, "index.html");
    await tabTo("Förord");
    await Promise.all([page.waitForURL(/forord\.html$/), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").textContent()).toBe("Förord");
  });

  it("reaches a chart's figures: the disclosure opens with Enter and shows the table", async () => {
    await open(2023, "6-stod-till-yrkesverksamma.html");
    const summary = "Siffrorna i Figur 2";
    await tabTo(summary, 120);
    const table = page.locator("details.chart-data table").first();
    expect(await table.isVisible()).toBe(false);
    await page.keyboard.press("Enter");
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator("tbody tr").first().textContent()).toBe("2015298");
  });
});

describe("the chapter list", () => {
  it("is folded above the text on a phone, opens with Enter, and stands open beside the text on a desktop", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open(2023, "forord.html");
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.locator("nav.chapters details.narrow").isVisible()).toBe(true);
      expect(await page.locator("nav.chapters .wide").isVisible()).toBe(false);
      const link = page.locator('nav.chapters details.narrow a[href="sammanfattning.html"]');
      expect(await link.isVisible()).toBe(false);
      // The chapter's heading is on the first screen, not below the list.
      const heading = await page.locator("h1").boundingBox();
      expect(heading?.y).toBeLessThan(844);
      await tabTo("Kapitel");
      await page.keyboard.press("Enter");
      expect(await link.isVisible()).toBe(true);
      await tabTo("Sammanfattning");
      await Promise.all([page.waitForURL(/sammanfattning\.html$/), page.keyboard.press("Enter")]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    await open(2023, "forord.html");
    expect(await page.locator("nav.chapters details.narrow").isVisible()).toBe(false);
    expect(await page.locator('nav.chapters .wide a[href="sammanfattning.html"]').isVisible()).toBe(
      true,
    );
  });
});

describe("preview in the browser", () => {
  it("reloads after a saved chapter, keeping the scroll position, and shows a finding banner after a bad edit", async () => {
    const { child, url, data } = await startPreview();
    try {
      const chapter = path.join(data, "2025", "chapters", "07-stod-till-yrkesverksamma.md");
      await page.goto(`${url}6-stod-till-yrkesverksamma.html`);
      await page.evaluate(() => window.scrollTo(0, 600));
      const reloaded = page.waitForEvent("load");
      writeFileSync(chapter, `${readFileSync(chapter, "utf8")}\nEn mening som just sparades.\n`);
      await reloaded;
      await page.waitForSelector("text=En mening som just sparades.");
      expect(await page.evaluate(() => window.scrollY)).toBe(600);

      writeFileSync(chapter, `${readFileSync(chapter, "utf8")}\n{{supportLine.noSuchValue}}\n`);
      const banner = page.locator("#nch-findings");
      await banner.waitFor({ state: "visible" });
      expect(await banner.getAttribute("role")).toBe("alert");
      expect(await banner.textContent()).toMatch(
        /2025\/chapters\/07-stod-till-yrkesverksamma\.md:\d+:\d+ template\//,
      );
      // The finding links to the section of the last good report that prints the chapter's end.
      const link = banner.locator("li a").first();
      expect(await link.getAttribute("href")).toMatch(/^\/6-stod-till-yrkesverksamma\.html#/);
      // The last good report stays under the banner.
      expect(await page.locator("text=En mening som just sparades.").count()).toBe(1);
    } finally {
      child.kill("SIGINT");
    }
  });
});
