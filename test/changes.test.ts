import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { FigureChange } from "../src/changes/compare.js";
import { reportChanges } from "../src/changes/index.js";
import { commit, makeRepo, run } from "./git-repo.js";

const CALLS = "2025/support-line/calls.csv";
const figure = (f: FigureChange) => [f.section, f.where, f.old, f.new, f.sources];
const nb = (text: string) => text.replace(/ /g, "\u00a0");

describe("nch-report changes", () => {
  let repo: ReturnType<typeof makeRepo>;
  let data: string;
  const edit = (rel: string, from: string, to: string) => {
    const file = path.join(data, rel);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  beforeAll(() => {
    repo = makeRepo(["2025", "history"]);
    data = path.join(repo.dir, "data");
  });
  afterAll(() => repo.remove());

  it("traces a new call to its row: every total, table cell and chart text it moves", async () => {
    appendFileSync(path.join(data, CALLS), "2025-12-30 10:15,Socialtjänst,Skåne,,1,,2025-0343\n");
    commit(repo.dir, "a call");
    const changes = await reportChanges(data, 2025, "HEAD~1");
    const row = [{ file: CALLS, line: 344, change: "added" }];
    const support = "6.1.2 Vilka ringer till stödtelefonen";
    const exposure = "6.1.3 Vilken typ av utsatthet handlar samtalen om?";
    expect(changes.figures.map(figure)).toEqual([
      ["6.1.1 Antal samtal", "text", "342", "343", row],
      ["6.1.1 Antal samtal", "chart alt text", "342", "343", row],
      [
        "6.1.1 Antal samtal",
        "Tabell: Antal inkomna samtal per år 2014–2025 · 2025 · Antal samtal",
        "342",
        "343",
        row,
      ],
      [
        "6.1.1 Antal samtal",
        "Figur: Antal inkomna samtal per helår 2015–2025 · 2025",
        "342",
        "343",
        row,
      ],
      [support, "text", "32", "33", row],
      [support, "chart alt text", "148", "149", row],
      [support, "chart alt text", "32", "33", row],
      [
        support,
        "Tabell: Antal samtal per organisation 2025 · Socialtjänst · Antal samtal",
        "148",
        "149",
        row,
      ],
      [support, "Tabell: Antal samtal per län 2025 · Skåne · Antal samtal", "32", "33", row],
      [support, "Figur: Antal samtal per organisation 2025 · Socialtjänst", "148", "149", row],
      [support, "Figur: Antal samtal per län 2025 · Skåne", "32", "33", row],
      [exposure, "chart alt text", "69", "70", row],
      [
        exposure,
        "Tabell: Utsatta individer per typ av utsatthet 2024 och 2025 · Bortförande · 2025",
        "69",
        "70",
        row,
      ],
      [exposure, "Figur: Typ av utsatthet 2024 och 2025 · Bortförande · 2025", "69", "70", row],
    ]);
    expect(changes.figures[0]?.context).toEqual([
      { kind: "same", text: "Under 2025 inkom " },
      { kind: "old", text: "342" },
      { kind: "new", text: "343" },
      { kind: "same", text: " samtal till stödtelefonen. För 2021," },
    ]);
    expect(changes.prose).toEqual([]);
    expect(changes.findings).toEqual({ added: [], gone: [] });
  });

  it("traces a changed grant to its line, with the validate finding it causes", async () => {
    edit("2025/finance/grants.csv", `${nb("1 150 000")},0;Grupp 2`, `${nb("1 200 000")},0;Grupp 2`);
    commit(repo.dir, "a grant");
    const changes = await reportChanges(data, 2025, "HEAD~1");
    const section =
      "Finansiell redovisning › Anslagsredovisning › Särskilda jämställdhetsåtgärder inom utgiftsområde 13";
    const line = [{ file: "2025/finance/grants.csv", line: 2, change: "changed" }];
    expect(changes.figures.map(figure)).toEqual([
      [section, "text", nb("14 350 000"), nb("14 400 000"), line],
      [
        section,
        "Tabell: Lämnade bidrag till länsstyrelserna under 2025 · Länsstyrelsen Dalarna · Belopp (kr)",
        nb("1 150 000"),
        nb("1 200 000"),
        line,
      ],
      [
        section,
        "Tabell: Lämnade bidrag till länsstyrelserna under 2025 · Summa · Belopp (kr)",
        nb("14 350 000"),
        nb("14 400 000"),
        line,
      ],
    ]);
    expect(changes.findings.gone).toEqual([]);
    expect(
      changes.findings.added.map((d) => [d.severity, d.code, d.file, d.line, d.column]),
    ).toEqual([["warning", "grants/total-mismatch", "2025/finance/appropriation.yaml", 39, 18]]);
  });

  it("shows an edited summary as a word diff, traced to the status report's line", async () => {
    edit(
      "2025/counties/dalarna.yaml",
      "gått in i en genomförandefas",
      "gått in i genomförandefasen",
    );
    commit(repo.dir, "a summary");
    const changes = await reportChanges(data, 2025, "HEAD~1");
    expect(changes.figures).toEqual([]);
    expect(changes.prose).toEqual([
      {
        section: "5.1.1.2 Projektomgång 2 › Dalarna",
        segments: [
          { kind: "same", text: "har under året gått in i " },
          { kind: "old", text: "en genomförandefas" },
          { kind: "new", text: "genomförandefasen" },
          { kind: "same", text: " och ger sedan februari konsultation till" },
        ],
        sources: [{ file: "2025/counties/dalarna.yaml", line: 17, change: "changed" }],
      },
    ]);
  });

  it("shows an edited chapter sentence in the terminal view, traced to the chapter's line", () => {
    edit(
      "2025/chapters/07-stod-till-yrkesverksamma.md",
      "Socialtjänsten ringde oftast",
      "Socialtjänsten ringde flest gånger",
    );
    commit(repo.dir, "a sentence");
    const { code, stdout, stderr } = run(repo.dir, "changes", "2025");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.replace(/\([0-9a-f]{7}\)/, "(commit)")).toBe(
      [
        "Changes to the 2025 report since HEAD~1 (commit)",
        "",
        "Prose",
        "  6.1.2 Vilka ringer till stödtelefonen",
        "    Socialtjänsten ringde [-oftast-]{+flest gånger+}, följt av skola och förskola.",
        "      from data/2025/chapters/07-stod-till-yrkesverksamma.md:17 (changed line)",
        "",
        "0 figures, 1 prose edit, 0 new findings, 0 gone",
        "",
      ].join("\n"),
    );
  });

  it("writes Markdown for a job summary and JSON, over all four commits", () => {
    const md = run(repo.dir, "changes", "2025", "--since", "HEAD~4", "--format", "md");
    expect(md.code).toBe(0);
    const lines = md.stdout.replace(/\([0-9a-f]{7}\)/, "(commit)").split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "### Changes to the 2025 report since `HEAD~4` (commit)",
      "",
      "#### Figures",
      "",
      "| section | where | old | new | in context | source |",
      "|---|---|--:|--:|---|---|",
      "| 6.1.1 Antal samtal | text | 342 | 343 | Under 2025 inkom ~~342~~ **343** samtal till stödtelefonen. För 2021, | `data/2025/support-line/calls.csv:344` (added line) |",
    ]);
    expect(lines).toContain("#### Prose");
    expect(lines).toContain(
      "- **6.1.2 Vilka ringer till stödtelefonen** (`data/2025/chapters/07-stod-till-yrkesverksamma.md:17` (changed line)): Socialtjänsten ringde ~~oftast~~ **flest gånger**, följt av skola och förskola.",
    );
    expect(lines.at(-2)).toBe("17 figures, 2 prose edits, 1 new finding, 0 gone.");
    const json = JSON.parse(
      run(repo.dir, "changes", "2025", "--since", "HEAD~4", "--format", "json").stdout,
    );
    expect([json.year, json.since, json.newYear, json.figures.length, json.prose.length]).toEqual([
      2025,
      "HEAD~4",
      false,
      17,
      2,
    ]);
  });

  it("exits 1 with the reason when the working tree's report cannot be built, 2 for an unknown commit", () => {
    const file = path.join(data, "2025/counties/dalarna.yaml");
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before.replace("round: 2", "round: två"));
    try {
      const broken = run(repo.dir, "changes", "2025");
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe("");
      expect(broken.stderr).toContain("data/2025/counties/dalarna.yaml");
      expect(broken.stderr.trim().split("\n").at(-1)).toBe(
        "nch-report: The report of 2025 in the working tree cannot be built (its errors are above), so there is nothing to compare.",
      );
    } finally {
      writeFileSync(file, before);
    }
    const same = run(repo.dir, "changes", "2025", "--since", "HEAD");
    expect(same.stdout.replace(/\([0-9a-f]{7}\)/, "(commit)")).toBe(
      "Changes to the 2025 report since HEAD (commit)\n\nNothing a reader of the report would see has changed.\n",
    );
    const unknown = run(repo.dir, "changes", "2025", "--since", "no-such-branch");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'nch-report: "no-such-branch" is not a commit of this repository (a repository with one commit has no HEAD~1).\n',
    );
  });
});

describe("nch-report changes on a year that is new since the commit", () => {
  it("says the year is new and lists its findings", async () => {
    const repo = makeRepo(["history"]);
    try {
      cpSync(path.resolve("data/2025"), path.join(repo.dir, "data/2025"), { recursive: true });
      commit(repo.dir, "2025");
      const changes = await reportChanges(path.join(repo.dir, "data"), 2025, "HEAD~1");
      expect([changes.newYear, changes.figures, changes.prose, changes.findings.gone]).toEqual([
        true,
        [],
        [],
        [],
      ]);
      expect(changes.findings.added.map((d) => d.code)).toEqual([
        // data/2025 has eight status reports without plans (a warning since the normalise merge).
        ...Array(8).fill("counties/missing-plans"),
        ...Array(5).fill("support-line/small-count"),
        "support-line/gap",
      ]);
    } finally {
      repo.remove();
    }
  });
});

describe("the CI examples", () => {
  it("put what the commit changed on the draft job's summary, with two commits checked out", () => {
    const github = parse(readFileSync("examples/ci/github-actions.yml", "utf8"));
    const steps = github.jobs.report.steps as Record<string, unknown>[];
    expect(steps[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 2 } });
    expect(steps.find((s) => s.name === "Changes since the previous commit")).toEqual({
      name: "Changes since the previous commit",
      if: "success()",
      "continue-on-error": true,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's expression syntax, not JavaScript's
      run: 'npx nch-report changes "${{ vars.REPORT_YEAR }}" --since HEAD~1 --format md >> "$GITHUB_STEP_SUMMARY"',
    });
    const gitlab = parse(readFileSync("examples/ci/gitlab-ci.yml", "utf8"));
    expect(gitlab.variables.GIT_DEPTH).toBe("2");
    expect(gitlab["build-drafts"].script).toContain(
      'npx nch-report changes "$REPORT_YEAR" --since HEAD~1 --format md > changes.md || true',
    );
  });
});
