// Chromium for the browser tests: Debian's (/usr/bin/chromium) or CHROMIUM_PATH; axe-core injected.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

// What page.evaluate's functions see in the browser (this project's types have no DOM).
declare const window: { axe: { run: (...a: unknown[]) => Promise<{ violations: Violation[] }> } };
declare const document: unknown;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  nodes: { html: string }[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it stands. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (...a: unknown[]) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => ({ html: n.html })),
    }));
  });
}

export const env = { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" };

/** `build <year> --format html` into a fresh folder; returns the site's folder. */
export function buildSite(year: number): string {
  const out = mkdtempSync(path.join(tmpdir(), `nch-browser-${year}-`));
  const result = spawnSync(
    process.execPath,
    ["bin/nch-report.js", "build", String(year), "--format", "html", "--out", out, "--quiet"],
    { encoding: "utf8", env },
  );
  if (result.status !== 0)
    throw new Error(`build ${year} failed: ${result.stdout}${result.stderr}`);
  return path.join(out, "html");
}

/** `preview 2025` on a copy of data/, with its address once it is serving. */
export async function startPreview() {
  const data = path.join(mkdtempSync(path.join(tmpdir(), "nch-browser-data-")), "data");
  cpSync("data", data, { recursive: true });
  const child = spawn(
    process.execPath,
    ["bin/nch-report.js", "preview", "2025", "--data", data, "--no-open"],
    { env },
  );
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on("exit", (code) => reject(new Error(`preview exited ${code}`)));
  });
  return { child, url, data };
}
