import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findProjectRoot } from "../src/project-root.js";
import { unusualFolderReason } from "../src/unusual-path.js";

const BIN = path.resolve("bin/nch-report.js");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A project in a temporary folder: examples/minimal as data/2025, minus what `drop` names. */
function project(...drop: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), "nch-where-"));
  made.push(root);
  cpSync("examples/minimal/2025", path.join(root, "data", "2025"), { recursive: true });
  for (const rel of drop) rmSync(path.join(root, "data", "2025", rel));
  return root;
}

// One warm cache for the runs that do not test where the cache goes.
const SHARED_CACHE = path.resolve(".nch-cache/test-where");

/** The CLI run in `cwd`; without NCH_REPORT_CACHE when `env` is `{}`. */
function run(
  cwd: string,
  args: string[],
  env: Record<string, string> = { NCH_REPORT_CACHE: SHARED_CACHE },
) {
  const { NCH_REPORT_CACHE: _, ...rest } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...rest, NO_COLOR: "1", ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the project root", () => {
  it("is found from any sub-folder, and the cache and dist/ are made there", () => {
    const root = project();
    const chapters = path.join(root, "data", "2025", "chapters");
    expect(findProjectRoot(chapters)).toBe(root);
    expect(findProjectRoot(path.join(root, "data"))).toBe(root);
    const built = run(chapters, ["build", "2025", "--format", "md", "--quiet"], {});
    expect(built).toMatchObject({ code: 0, stderr: "" });
    expect(existsSync(path.join(root, "dist", "2025", "report.md"))).toBe(true);
    expect(existsSync(path.join(root, ".nch-cache", "yaml"))).toBe(true);
    expect(existsSync(path.join(chapters, ".nch-cache"))).toBe(false);
    expect(existsSync(path.join(chapters, "dist"))).toBe(false);
  }, 60_000);

  it("leaves --data relative to the working directory", () => {
    const root = project();
    const outside = mkdtempSync(path.join(tmpdir(), "nch-where-cwd-"));
    made.push(outside);
    const result = run(outside, [
      "validate",
      "2025",
      "--data",
      path.relative(outside, path.join(root, "data")),
    ]);
    expect(result).toMatchObject({ code: 0, stdout: "✔ No problems found.\n" });
    expect(findProjectRoot(outside)).toBeUndefined();
  }, 60_000);

  it("lists the years there are when the year is missing (exit 2)", () => {
    const root = project();
    mkdirSync(path.join(root, "data", "2023"));
    const result = run(path.join(root, "data", "2025"), ["validate", "2024"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `nch-report: No data for 2024 in ${path.join(root, "data")}/. Years there: 2023, 2025.\n`,
    );
    expect(run(root, ["build", "2024", "--format", "md"]).stderr).toBe(
      "nch-report: No data for 2024 in data/. Years there: 2023, 2025.\n",
    );
  }, 60_000);

  it("says so outside any project", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "nch-where-none-"));
    made.push(outside);
    expect(run(outside, ["validate", "2025"])).toMatchObject({
      code: 2,
      stderr:
        "nch-report: No data for 2025: there is no project here or in a folder above (a folder with data/<year>/report.yaml). Run nch-report in the project, or name the data folder with --data.\n",
    });
  });
});

describe("validate --quiet", () => {
  it("prints nothing when clean, and counts the warnings it hides", () => {
    expect(run(project(), ["validate", "2025", "--quiet"])).toMatchObject({ code: 0, stdout: "" });
    const root = project("finance/grants.csv", "support-line/calls.csv");
    expect(run(root, ["validate", "2025", "--quiet"])).toMatchObject({
      code: 0,
      stdout: "2 warnings not shown.\n",
    });
    expect(run(root, ["validate", "2025", "--quiet", "--max-warnings", "1"])).toMatchObject({
      code: 1,
      stdout: "2 warnings not shown (too many: exit 1).\n",
    });
    expect(run(root, ["validate", "2025", "--quiet", "--max-warnings", "2"]).code).toBe(0);
  }, 60_000);

  it("lists the errors, then the hidden warnings", () => {
    const root = project("finance/grants.csv");
    writeFileSync(path.join(root, "data", "2025", "support-line", "calls.csv"), "date\n");
    const result = run(root, ["validate", "2025", "--quiet"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/csv\/missing-column\n/);
    expect(result.stdout).not.toContain("file/absent");
    expect(result.stdout.endsWith("\n1 warning not shown.\n")).toBe(true);
  }, 60_000);
});

describe("templates eject", () => {
  it('takes "report" for report.md.hbs and lists the templates an ambiguous name matches', () => {
    const root = project();
    const ejected = run(root, ["templates", "eject", "report"]);
    expect(ejected).toMatchObject({
      code: 0,
      stdout:
        "Copied report.md.hbs to data/templates/report.md.hbs: the project's copy now replaces the built-in one.\n",
    });
    expect(run(root, ["templates", "eject", "rep"])).toMatchObject({
      code: 2,
      stderr:
        'nch-report: There are several built-in templates "rep" could mean: report.md.hbs, typst/report.typ. Name one of them.\n',
    });
    expect(run(root, ["templates", "eject", "grant"]).stderr).toBe(
      'nch-report: There is no built-in template "grant". Did you mean partials/grants.md.hbs?\n',
    );
  });
});

describe("unusual output folders", () => {
  it.runIf(process.platform === "linux")(
    "refuses /proc, /sys and paths through a file at once (exit 2)",
    () => {
      const root = project();
      const file = path.join(root, "data", "2025", "report.yaml");
      const cases: [string[], Record<string, string>, string][] = [
        [
          ["--out", "/proc/x"],
          {},
          "--out /proc/x cannot be written: /proc is a pseudo-filesystem of the kernel, where files cannot be written.",
        ],
        [
          ["--out", "/sys/x/y"],
          {},
          "--out /sys/x/y cannot be written: /sys is a pseudo-filesystem of the kernel, where files cannot be written.",
        ],
        [
          ["--out", `${file}/out`],
          {},
          `--out ${file}/out cannot be written: ${file} is a file, not a folder.`,
        ],
        [
          [],
          { NCH_REPORT_CACHE: "/proc/x" },
          "NCH_REPORT_CACHE=/proc/x cannot be written: /proc is a pseudo-filesystem of the kernel, where files cannot be written.",
        ],
      ];
      for (const [args, env, message] of cases) {
        const result = run(root, ["build", "2025", "--format", "md", ...args], {
          NCH_REPORT_CACHE: SHARED_CACHE,
          ...env,
        });
        expect(result).toMatchObject({ code: 2, stdout: "", stderr: `nch-report: ${message}\n` });
      }
    },
  );

  it.runIf(process.platform === "linux")("sees through symbolic links, and allows /dev/shm", () => {
    const root = project();
    const link = path.join(root, "proc-link");
    spawnSync("ln", ["-s", "/proc", link]);
    expect(unusualFolderReason(path.join(link, "x"))).toBe(
      "/proc is a pseudo-filesystem of the kernel, where files cannot be written",
    );
    expect(unusualFolderReason("/dev/shm/nch-report-x")).toBeUndefined();
    expect(unusualFolderReason(path.join(root, "dist", "2025"))).toBeUndefined();
  });
});
