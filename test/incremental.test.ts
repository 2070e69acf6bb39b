// `build --watch` keeps what it loaded, checked and converted between rebuilds: after each kind of
// edit its output folder must equal, byte for byte, a cold build of the same data, and what it
// reports for a bad edit must be what a cold build and `validate` report.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const work = mkdtempSync(path.join(tmpdir(), "nch-incremental-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = (cache: string) => ({
  ...process.env,
  NO_COLOR: "1",
  CI: "1",
  NCH_REPORT_CACHE: cache,
  SOURCE_DATE_EPOCH: "1740787200",
});

/** Every file of a folder, by its path inside it. */
function folder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, abs), readFileSync(abs));
  }
  return files;
}

let colds = 0;
/** A build of the data as it now is, with an empty cache: its output folder and its report. */
function coldBuild(data: string) {
  colds++;
  const out = path.join(work, `cold-${colds}`);
  const args = ["build", "2025", "--data", data, "--format", "html,md", "--out", out];
  const run = spawnSync(process.execPath, ["bin/nch-report.js", ...args], {
    env: env(path.join(work, `cold-cache-${colds}`)),
    encoding: "utf8",
  });
  return { out, stdout: run.stdout, status: run.status };
}

function validateJson(data: string) {
  const run = spawnSync(
    process.execPath,
    ["bin/nch-report.js", "validate", "2025", "--data", data, "--format", "json"],
    { env: env(path.join(work, "validate-cache")), encoding: "utf8" },
  );
  type Found = { severity: string; code: string; file: string; line: number; column: number };
  return (JSON.parse(run.stdout) as { diagnostics: Found[] }).diagnostics;
}

/** Builds end with the files written or with "nothing was built". */
const BUILD_END = /^(✔ wrote \d+ files? to .*|.*nothing was built\.)$/gm;

async function until(probe: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 120_000;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("build --watch rebuilds exactly what a cold build makes", () => {
  it("after a chapter edit, a status report edit, an error, its fix, a rename and a deletion", async () => {
    const data = path.join(work, "data");
    cpSync("data", data, { recursive: true });
    const out = path.join(work, "watched");
    const child = spawn(
      process.execPath,
      [
        "bin/nch-report.js",
        ...["build", "2025", "--data", data, "--format", "html,md", "--out", out, "--watch"],
      ],
      { env: env(path.join(work, "watch-cache")) },
    );
    const output = { text: "" };
    child.stdout.on("data", (c) => (output.text += c));
    child.stderr.on("data", (c) => (output.text += c));
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const builds = () => [...output.text.matchAll(BUILD_END)].length;
    await until(() => output.text.includes("Watching"), "the watcher");

    const chapter = path.join(data, "2025", "chapters", "07-stod-till-yrkesverksamma.md");
    const county = path.join(data, "2025", "counties", "dalarna.yaml");
    const original = readFileSync(chapter, "utf8");
    const lines = original.split("\n").length;
    const edits: [string, () => void][] = [
      ["a chapter edit", () => writeFileSync(chapter, `${original}\nEn ny mening.\n`)],
      [
        "a status report edit",
        () => {
          const text = readFileSync(county, "utf8");
          writeFileSync(county, text.replace("i en genomförandefas", "i en ny fas"));
        },
      ],
      ["an error", () => writeFileSync(chapter, `${original}\nPersonen 850101-1236 ringde.\n`)],
      ["its fix", () => writeFileSync(chapter, `${original}\nEn annan mening.\n`)],
      [
        "a renamed chapter",
        () => renameSync(chapter, path.join(path.dirname(chapter), "08-stod-flyttat.md")),
      ],
      ["a deleted status report", () => rmSync(county)],
    ];
    for (const [what, edit] of edits) {
      const before = builds();
      const printed = output.text.length;
      edit();
      await until(() => builds() > before, `the rebuild after ${what}`);
      const report = output.text.slice(printed);
      const cold = coldBuild(data);
      if (cold.status === 0) {
        expect(folder(out), what).toEqual(folder(cold.out));
      } else {
        // The rebuild printed what the cold build printed, and left the last good build in place.
        expect(report, what).toContain(cold.stdout);
        // …which are the errors `validate` finds, each at its place.
        const errors = validateJson(data).filter((d) => d.severity === "error");
        expect(errors.length, what).toBeGreaterThan(0);
        for (const d of errors) {
          const at = d.line > 0 ? `${d.line}:${d.column}` : "-";
          expect(report, what).toMatch(new RegExp(`${at} +error .*${d.code}`));
        }
        if (what === "an error")
          expect(errors.map((d) => `${d.code} ${d.file}:${d.line}`)).toEqual([
            `personal-data/personnummer 2025/chapters/07-stod-till-yrkesverksamma.md:${lines + 1}`,
          ]);
      }
    }
    expect(colds).toBe(edits.length);
    child.kill("SIGINT");
    expect(await exited).toBe(130);
  }, 600_000);
});
