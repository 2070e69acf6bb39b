import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

const temp = () => mkdtempSync(path.join(tmpdir(), "nch-build-"));

describe("nch-report build --format md", () => {
  it("writes report.md and the charts beside it", () => {
    const out = path.join(temp(), "2025");
    const { code, stdout, stderr } = run("build", "2025", "--format", "md", "--out", out);
    // Progress goes to stderr, stage by stage with its time; stdout stays empty.
    expect(stdout).toBe("");
    expect(code).toBe(0);
    expect(stderr).toMatch(/✔ validated 2025 .*\(\d+\.\d\d s\)/);
    expect(stderr).toMatch(/✔ wrote \d+ files to .*: report\.md, manifest\.json/);
    const report = readFileSync(path.join(out, "report.md"), "utf8");
    expect(report.startsWith("> **Exempeldata.**")).toBe(true);
    expect(report).toContain("# Årlig redovisning av verksamheten 2025");
    expect(readdirSync(path.join(out, "figurer")).sort()).toEqual([
      "calls-per-county.svg",
      "calls-per-organisation.svg",
      "calls-per-year.svg",
      "exposure-by-type.svg",
      "finance-costs.svg",
      "finance-other-costs.svg",
    ]);
    for (const image of report.matchAll(/\]\((figurer\/[^)]+)\)/g)) {
      expect(existsSync(path.join(out, image[1] as string))).toBe(true);
    }
    // A file the previous build did not write (not in its manifest) is the user's: it stays.
    writeFileSync(path.join(out, "figurer", "my-chart.svg"), "<svg/>");
    expect(run("build", "2025", "--format", "md", "--out", out).code).toBe(0);
    expect(readFileSync(path.join(out, "figurer", "my-chart.svg"), "utf8")).toBe("<svg/>");
  }, 60_000);

  it("stops on data errors with the diagnostics, exit 1, and writes nothing", () => {
    const out = path.join(temp(), "never");
    const { code, stdout } = run(
      "build",
      "2025",
      "--data",
      "test/fixtures/datasets/outside-path",
      "--format",
      "md",
      "--out",
      out,
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      "test/fixtures/datasets/outside-path/2025/report.yaml\n  17:5     error",
    );
    expect(stdout).toContain("nothing was built");
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it("stops on a template error with the chapter's file and line, exit 1, and writes nothing", () => {
    const out = path.join(temp(), "never");
    const data = "test/fixtures/template-errors";
    const { code, stdout } = run("build", "2025", "--data", data, "--format", "md", "--out", out);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${data}/2025/chapters/01-kapitel.md\n  4:13     error    There is no variable "report.titel".  template/unknown-variable\n           hint: Did you mean "report.title"?`,
    );
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it("keeps the previous report when a later build fails", () => {
    const root = temp();
    cpSync("test/fixtures/template-errors", root, { recursive: true });
    const chapter = path.join(root, "2025", "chapters", "01-kapitel.md");
    const good = "# 1. Kapitel\n\nRapporten gäller {{year}}.\n";
    writeFileSync(chapter, good);
    const out = path.join(root, "ut");
    expect(run("build", "2025", "--data", root, "--format", "md", "--out", out).code).toBe(0);
    const before = readFileSync(path.join(out, "report.md"), "utf8");
    writeFileSync(chapter, `${good}{{> saknas}}\n`);
    expect(run("build", "2025", "--data", root, "--format", "md", "--out", out).code).toBe(1);
    expect(readFileSync(path.join(out, "report.md"), "utf8")).toBe(before);
  }, 60_000);

  it("reports a broken chart override as a template error with its file", () => {
    const root = temp();
    cpSync("test/fixtures/template-errors", root, { recursive: true });
    writeFileSync(
      path.join(root, "2025", "chapters", "01-kapitel.md"),
      "# 1. Kapitel\n\n{{> support-line-years}}\n",
    );
    cpSync("examples/minimal/2025/support-line", path.join(root, "2025", "support-line"), {
      recursive: true,
    });
    const charts = path.join(root, "templates", "charts");
    cpSync("templates/charts", charts, { recursive: true });
    writeFileSync(path.join(charts, "calls-per-year.vl.json"), "{ not json");
    const out = path.join(root, "ut");
    const { code, stdout } = run("build", "2025", "--data", root, "--format", "md", "--out", out);
    expect(code).toBe(1);
    expect(stdout).toContain("templates/charts/calls-per-year.vl.json\n  -        error");
    expect(stdout).toContain("template/chart");
    expect(existsSync(out)).toBe(false);
  }, 30_000);

  it("refuses an unknown format with exit 2", () => {
    const { code, stderr } = run("build", "2025", "--format", "md,epub");
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--format takes a comma-separated list of md, docx, pdf, html, not "epub"',
    );
  });
});

describe("nch-report templates", () => {
  it("lists every template as built-in or overridden, with its path", () => {
    const { code, stdout } = run("templates", "list", "--data", "test/fixtures/template-override");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^partials\/signature\.md\.hbs +overridden +test\/fixtures\/template-override\/templates\/partials\/signature\.md\.hbs$/m,
    );
    expect(stdout).toMatch(
      /^partials\/kontakt\.md\.hbs +project +test\/fixtures\/template-override\/templates\/partials\/kontakt\.md\.hbs$/m,
    );
    expect(stdout).toMatch(
      /^partials\/status-overview\.md\.hbs +built-in +.*templates\/partials\/status-overview\.md\.hbs$/m,
    );
    expect(stdout).toMatch(/^report\.md\.hbs +built-in /m);
  });

  it("uses a project's template instead of the built-in one, and its own partials", () => {
    const out = path.join(temp(), "ut");
    const data = "test/fixtures/template-override";
    expect(run("build", "2025", "--data", data, "--format", "md", "--out", out).code).toBe(0);
    const report = readFileSync(path.join(out, "report.md"), "utf8");
    expect(report).toContain("Förordet.\n\nProjektets egen underskrift: Linköping, 1 mars 2026.\n");
    expect(report).toContain("Kontakt: Länsstyrelsen Östergötland.");
  }, 30_000);

  it("ejects a built-in template into <data>/templates/ and refuses to overwrite without --force", () => {
    const root = temp();
    const first = run("templates", "eject", "status-overview", "--data", root);
    expect(first.code).toBe(0);
    const copy = path.join(root, "templates", "partials", "status-overview.md.hbs");
    expect(readFileSync(copy, "utf8")).toBe(
      readFileSync("templates/partials/status-overview.md.hbs", "utf8"),
    );
    writeFileSync(copy, "mine");
    const again = run("templates", "eject", "partials/status-overview.md.hbs", "--data", root);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("exists already; use --force");
    expect(readFileSync(copy, "utf8")).toBe("mine");
    expect(run("templates", "eject", "status-overview", "--data", root, "--force").code).toBe(0);
    expect(readFileSync(copy, "utf8")).not.toBe("mine");
    const unknown = run("templates", "eject", "no-such-template", "--data", root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no built-in template "no-such-template"');
  });
});
