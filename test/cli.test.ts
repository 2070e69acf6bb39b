import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The CLI as a user runs it: the launcher in bin/ over the compiled lib/ (npm test builds first).
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["bin/nch-report.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OUTSIDE = "test/fixtures/datasets/outside-path";
const REPORT_ONLY = "test/fixtures/datasets/report-only";

describe("nch-report validate", () => {
  it("prints one JSON object with diagnostics and counts, and exits 1 on errors", () => {
    const { code, stdout, stderr } = run("validate", "2025", "--data", OUTSIDE, "--format", "json");
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const parsed = JSON.parse(stdout) as {
      diagnostics: Record<string, unknown>[];
      errors: number;
      warnings: number;
    };
    expect(parsed.errors).toBe(3);
    const errors = parsed.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toMatchObject([
      {
        severity: "error",
        code: "path/outside-data",
        message: 'The path "../../../../../../etc/passwd" points outside the data folder.',
        file: "2025/report.yaml",
        line: 17,
        column: 5,
        hint: "Write a path relative to the year's folder, without .. and not absolute.",
      },
      expect.objectContaining({
        code: "path/outside-data",
        file: "2025/report.yaml",
        line: 18,
        column: 5,
      }),
      expect.objectContaining({
        code: "file/missing",
        file: "2025/report.yaml",
        line: 19,
        column: 5,
      }),
    ]);
  });

  it("writes GitHub annotations with paths from the working directory", () => {
    const { code, stdout } = run(
      "validate",
      "2025",
      "--data",
      OUTSIDE,
      "--format",
      "github",
      "--quiet",
    );
    expect(code).toBe(1);
    expect(stdout.split("\n")[0]).toBe(
      `::error file=${OUTSIDE}/2025/report.yaml,line=17,col=5,title=nch-report path/outside-data::The path "../../../../../../etc/passwd" points outside the data folder. Write a path relative to the year's folder, without .. and not absolute.`,
    );
    expect(stdout).not.toContain("::warning");
  });

  it("groups stylish output by file, without colour under NO_COLOR, with a summary line", () => {
    const { stdout } = run("validate", "2025", "--data", OUTSIDE);
    expect(stdout).toContain(`${OUTSIDE}/2025/report.yaml\n  17:5     error    The path`);
    expect(stdout).not.toContain("\u001b[");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("✖ 9 problems (3 errors, 6 warnings, 0 info)");
  });

  it("exits 0 with warnings only, and 1 under --strict or beyond --max-warnings", () => {
    expect(run("validate", "2025", "--data", REPORT_ONLY).code).toBe(0);
    expect(run("validate", "2025", "--data", REPORT_ONLY, "--strict").code).toBe(1);
    expect(run("validate", "2025", "--data", REPORT_ONLY, "--max-warnings", "6").code).toBe(0);
    expect(run("validate", "2025", "--data", REPORT_ONLY, "--max-warnings", "5").code).toBe(1);
  });

  it("exits 2 without a stack trace for a missing year, a bad flag value or a bad year", () => {
    const missing = run("validate", "1999", "--data", REPORT_ONLY);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "nch-report: No data for 1999 in test/fixtures/datasets/report-only/. Years there: 2025.\n",
    );
    const badFormat = run("validate", "2025", "--format", "xml");
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("error: option '--format <name>' argument 'xml' is invalid");
    const badYear = run("validate", "twenty");
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toBe('nch-report: "twenty" is not a year; write it like 2025.\n');
    expect(run("validate", "2025", "--max-warnings", "many").code).toBe(2);
    for (const r of [missing, badFormat, badYear]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints the version and help with exit 0", () => {
    expect(run("--version")).toMatchObject({ code: 0, stdout: "0.1.0\n" });
    const help = run("validate", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("$ nch-report validate 2025 --format github --max-warnings 0");
  });
});

/** The CLI with the reader of its stdout or stderr gone before it writes (as `| head -1` leaves it). */
function runUnread(stream: "stdout" | "stderr", ...args: string[]) {
  const child = spawn(process.execPath, ["bin/nch-report.js", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" },
  });
  child[stream].destroy();
  let other = "";
  child[stream === "stdout" ? "stderr" : "stdout"].on("data", (c) => (other += c));
  return new Promise<{ code: number | null; other: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, other })),
  );
}

describe("a reader that has gone", () => {
  it("validate and build finish with their exit code and no stack trace", async () => {
    // validate 2025 writes its 14 findings to stdout, which nobody reads.
    expect(await runUnread("stdout", "validate", "2025")).toEqual({ code: 0, other: "" });
    expect(await runUnread("stdout", "validate", "2025", "--format", "json")).toEqual({
      code: 0,
      other: "",
    });
    const out = mkdtempSync(path.join(tmpdir(), "nch-unread-"));
    const build = await runUnread("stderr", "build", "2025", "--format", "md", "--out", out);
    expect(build).toEqual({ code: 0, other: "" });
    expect(existsSync(path.join(out, "report.md"))).toBe(true);
    expect(existsSync(path.join(out, "manifest.json"))).toBe(true);
  }, 60_000);
});

describe("nch-report schema", () => {
  it("prints a JSON Schema that knows the keys of a status report", () => {
    const { code, stdout } = run("schema", "county");
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toContain("operational_since");
    expect(schema.additionalProperties).toBe(false);
  });
});
