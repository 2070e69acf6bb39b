import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
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
import { foldForScan } from "../src/check/personal-data-fold.js";
import { luhnValid } from "../src/check/personal-data-patterns.js";

// An attacker's view of the personal-data guarantees: each case plants a number in a copy of
// data/2025, runs the bundled CLI as a user does and asserts the verdict, the position, and
// that the number is in no output, message or manifest, in any of the three message formats.

const PNR = "8501011236"; // 850101-1236: born 1 January 1985, check digit 6
const SAMORDNING = "8501611233"; // day 01 + 60
const work = mkdtempSync(path.join(tmpdir(), "nch-adversarial-"));
const cache = path.join(work, "cache");
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the shipped 2025 data (and the history it needs) in a temp folder. */
function dataCopy(): string {
  const root = path.join(work, `data-${++copies}`);
  cpSync("data/2025", path.join(root, "2025"), { recursive: true });
  cpSync("data/history", path.join(root, "history"), { recursive: true });
  return root;
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, ["bin/nch-report.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: cache },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether a text holds the planted digits in any written form (folded, separators ignored). */
function holds(text: string, digits: string): boolean {
  const folded = foldForScan(text, true).text;
  const runs = folded.match(/[0-9](?:[0-9]|[\s\-+.,:/]{1,3}(?=[0-9]))*/g) ?? [];
  return runs.some((run) => run.replace(/[^0-9]/g, "").includes(digits.slice(-10)));
}

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
}

/** Validates in all three formats: exit 1, the expected finding, and no trace of the number. */
function validates(root: string, expected: Expected, digits = PNR) {
  const json = run(["validate", "2025", "--data", root, "--format", "json"]);
  expect(json.code).toBe(1);
  const parsed = JSON.parse(json.stdout) as { diagnostics: Expected[] };
  expect(parsed.diagnostics).toContainEqual(expect.objectContaining(expected));
  for (const format of ["stylish", "github"]) {
    const other = run(["validate", "2025", "--data", root, "--format", format]);
    expect(other.code).toBe(1);
    expect(holds(other.stdout + other.stderr, digits), format).toBe(false);
  }
  expect(holds(json.stdout + json.stderr, digits), "json").toBe(false);
  return parsed.diagnostics;
}

/** Builds: exit 1, nothing written, the expected finding in the message, no trace of the number. */
function buildRefused(root: string, format: string, expected: Expected, digits = PNR) {
  const out = path.join(root, "out");
  const { code, stdout, stderr } = run([
    "build",
    "2025",
    "--data",
    root,
    "--out",
    out,
    "--format",
    format,
  ]);
  expect(code).toBe(1);
  expect(existsSync(out)).toBe(false);
  const where = expected.line > 0 ? `${expected.line}:${expected.column}` : "-";
  expect(stdout).toContain(`${root.split(path.sep).pop()}/${expected.file}`);
  expect(stdout).toMatch(new RegExp(`\\n  ${where}\\s+error\\s+.*${expected.code}`));
  expect(holds(stdout + stderr, digits)).toBe(false);
  return stdout;
}

const chapter = "2025/chapters/01-sammanfattning.md";
/** Appends a paragraph to a chapter: it starts on line 9 (the file has 7 lines, then a blank). */
function inChapter(root: string, text: string) {
  appendFileSync(path.join(root, chapter), `\n${text}\n`);
}
const atChapter = (column: number): Expected => ({
  code: "personal-data/personnummer",
  file: chapter,
  line: 9,
  column,
});

describe("the planted numbers", () => {
  it("have valid check digits; the control numbers do not", () => {
    expect(luhnValid(PNR)).toBe(true);
    expect(luhnValid(SAMORDNING)).toBe(true);
    expect(luhnValid("8501011235")).toBe(false);
  });
});

describe("a personnummer in a chapter, in every written form, stops validate", () => {
  const forms: [string, string, number][] = [
    ["hyphen", "Personen 850101-1236 ringde.", 10],
    ["space", "Personen 850101 1236 ringde.", 10],
    ["no-break space", "Personen 850101\u00a01236 ringde.", 10],
    ["narrow no-break space", "Personen 850101\u202f1236 ringde.", 10],
    ["en dash", "Personen 850101\u20131236 ringde.", 10],
    ["em dash", "Personen 850101\u20141236 ringde.", 10],
    ["non-breaking hyphen", "Personen 850101\u20111236 ringde.", 10],
    ["minus sign", "Personen 850101\u22121236 ringde.", 10],
    ["plus (over 100 years)", "Personen 850101+1236 ringde.", 10],
    ["no separator", "Personen 8501011236 ringde.", 10],
    ["twelve digits", "Personen 19850101-1236 ringde.", 10],
    ["fullwidth digits", "Personen ８５０１０１－１２３６ ringde.", 10],
    [
      "Arabic-Indic digits",
      "Personen \u0668\u0665\u0660\u0661\u0660\u0661-\u0661\u0662\u0663\u0666 ringde.",
      10,
    ],
    ["Markdown escape", "Personen 850101\\-1236 ringde.", 10],
    ["emphasis split", "Personen **850101**-1236 ringde.", 12],
    ["Handlebars split", "Personen 850101-{{plain 1236}} ringde.", 10],
    ["decimal HTML entity", "Personen &#56;50101-1236 ringde.", 10],
    ["hex entity and named dash", "Personen &#x38;50101&ndash;1236 ringde.", 10],
    ["zero-width space inside", "Personen 8501\u200b01-1236 ringde.", 10],
    ["HTML tags around", "Personen <span>850101</span>-1236 ringde.", 16],
    ["across a line break", "Personen 850101-\n1236 ringde.", 10],
  ];
  for (const [name, text, column] of forms) {
    it(name, () => {
      const root = dataCopy();
      inChapter(root, text);
      validates(root, atChapter(column));
    }, 60_000);
  }

  it("a samordningsnummer (day + 60)", () => {
    const root = dataCopy();
    inChapter(root, "Personen 850161-1233 ringde.");
    validates(root, atChapter(10), SAMORDNING);
  }, 60_000);
});

const skane = "2025/counties/skane.yaml";
/** Replaces the Skåne status report's summary (line 17) with `yaml`. */
function summary(root: string, yaml: string) {
  const file = path.join(root, skane);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/summary: >-\n(?: {2}.*\n)+/, `summary: ${yaml}\n`));
}

describe("a personnummer in a YAML summary stops validate", () => {
  const forms: [string, string, number, number][] = [
    ["YAML \\x escape", '"Personen 850101\\x2D1236 ringde."', 17, 20],
    ["YAML \\u escape", '"Personen 850101\\u20131236 ringde."', 17, 20],
    ["YAML \\_ (no-break space)", '"Personen 850101\\_1236 ringde."', 17, 20],
    ["folded across lines", ">-\n  Personen 850101-\n  1236 ringde.", 18, 12],
  ];
  for (const [name, yaml, line, column] of forms) {
    it(name, () => {
      const root = dataCopy();
      summary(root, yaml);
      validates(root, { code: "personal-data/personnummer", file: skane, line, column });
    }, 60_000);
  }

  it("as the county: county/unknown or schema/invalid-value masks it", () => {
    const root = dataCopy();
    const file = path.join(root, skane);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("county: Skåne", 'county: "850101-1236"'),
    );
    const found = validates(root, {
      code: "personal-data/personnummer",
      file: skane,
      line: 2,
      column: 10,
    });
    const county = found.find((d) => d.line === 2 && d.code !== "personal-data/personnummer");
    expect(county).toMatchObject({ message: 'county: "[personnummer]" is not a Swedish county.' });
  }, 60_000);
});

const calls = "2025/support-line/calls.csv";
describe("CSV cells, columns and long values", () => {
  it("a personnummer as an organisation is masked in vocab/unknown", () => {
    const root = dataCopy();
    appendFileSync(path.join(root, calls), "2025-05-05 10:00,850101-1236,Uppsala,,,,2025-9999\n");
    const lines = readFileSync(path.join(root, calls), "utf8").split("\n").length - 1;
    const found = validates(root, {
      code: "personal-data/personnummer",
      file: calls,
      line: lines,
      column: 18,
    });
    expect(found).toContainEqual(
      expect.objectContaining({
        code: "vocab/unknown",
        message: '"[personnummer]" is not an organisation type.',
        line: lines,
        column: 18,
      }),
    );
  }, 60_000);

  it("a personnummer as a column name is masked in csv/unknown-column", () => {
    const root = dataCopy();
    const file = path.join(root, calls);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/^(.*)\n/, "$1,850101-1236\n").replace(/\n(?=.)/g, ",\n"));
    const found = validates(root, {
      code: "csv/unknown-column",
      file: calls,
      line: 1,
      column: 58,
    });
    expect(found.find((d) => d.code === "csv/unknown-column")).toMatchObject({
      message: 'Unknown column "[personnummer]".',
    });
  }, 60_000);

  it("a grant recipient with an en dash", () => {
    const root = dataCopy();
    appendFileSync(
      path.join(root, "2025/finance/grants.csv"),
      "1 000,0;Grupp 2;Länsstyrelsen 850101\u20131236;2025-03-14;\n",
    );
    validates(root, {
      code: "personal-data/personnummer",
      file: "2025/finance/grants.csv",
      line: 16,
      column: 31,
    });
  }, 60_000);

  it("a long cell is echoed as 60 characters and …", () => {
    const root = dataCopy();
    // Under the 10 000-character line limit, so the cell itself is judged.
    const cell = `Socialtj${"x".repeat(9_000)}`;
    appendFileSync(path.join(root, calls), `2025-05-05 10:00,${cell},Uppsala,,,,2025-9999\n`);
    const { code, stdout } = run(["validate", "2025", "--data", root, "--format", "json"]);
    expect(code).toBe(1);
    expect(stdout.length).toBeLessThan(20_000);
    const parsed = JSON.parse(stdout) as { diagnostics: { code: string; message: string }[] };
    const invalid = parsed.diagnostics.find((d) => d.code === "vocab/unknown");
    expect(invalid?.message).toBe(`"Socialtj${"x".repeat(51)}…" is not an organisation type.`);
  }, 60_000);

  it("a 5 MB cell is refused as a line too long, and never echoed", () => {
    const root = dataCopy();
    const cell = `Socialtj${"x".repeat(5 * 1024 * 1024)}`;
    appendFileSync(path.join(root, calls), `2025-05-05 10:00,${cell},Uppsala,,,,2025-9999\n`);
    const { code, stdout } = run(["validate", "2025", "--data", root, "--format", "json"]);
    expect(code).toBe(1);
    expect(stdout.length).toBeLessThan(20_000);
    expect(stdout).not.toContain("x".repeat(61));
    const parsed = JSON.parse(stdout) as { diagnostics: { code: string; file: string }[] };
    expect(parsed.diagnostics.filter((d) => d.code === "text/line-too-long")).toEqual([
      expect.objectContaining({ file: "2025/support-line/calls.csv" }),
    ]);
  }, 60_000);

  it("an e-mail address and a phone number are never repeated in a message", () => {
    const root = dataCopy();
    appendFileSync(
      path.join(root, calls),
      "2025-05-05 10:00,kalle.svensson@example.com,070-123 45 67,,,,2025-9999\n",
    );
    const all = ["json", "stylish", "github"].map(
      (format) => run(["validate", "2025", "--data", root, "--format", format]).stdout,
    );
    for (const out of all) {
      expect(out).not.toMatch(/svensson|example\.com|123 45 67|1234567/);
    }
    expect(all[1]).toContain('"[e-mail address]" is not an organisation type.');
    expect(all[1]).toContain('"[phone number]" is not a Swedish county');
  }, 60_000);
});

describe("file names", () => {
  it("a status report named after a personnummer is refused and its name masked", () => {
    const root = dataCopy();
    renameSync(path.join(root, skane), path.join(root, "2025/counties/850101-1236.yaml"));
    const found = validates(root, {
      code: "personal-data/personnummer",
      file: "2025/counties/[personnummer].yaml",
      line: 0,
      column: 0,
    });
    expect(found.every((d) => !d.file.includes("850101"))).toBe(true);
    buildRefused(root, "md", {
      code: "personal-data/personnummer",
      file: "2025/counties/[personnummer].yaml",
      line: 0,
      column: 0,
    });
  }, 120_000);

  it("a missing chapter named after a personnummer: file/missing masks it", () => {
    const root = dataCopy();
    const report = path.join(root, "2025/report.yaml");
    writeFileSync(
      report,
      readFileSync(report, "utf8").replace("  - 09-kallforteckning.md", "  - 850101-1236.md"),
    );
    const found = validates(root, {
      code: "file/missing",
      file: "2025/report.yaml",
      line: 44,
      column: 5,
    });
    expect(found.find((d) => d.code === "file/missing")).toMatchObject({
      message: 'The chapter "[personnummer].md" does not exist (2025/chapters/[personnummer].md).',
    });
  }, 60_000);
});

/** A project template: the built-in one with `extra` appended, as data/templates/<rel>. */
function projectTemplate(root: string, rel: string, extra: string): number {
  const target = path.join(root, "templates", rel);
  mkdirSync(path.dirname(target), { recursive: true });
  const text = `${readFileSync(path.join("templates", rel), "utf8")}${extra}`;
  writeFileSync(target, text);
  return text.split("\n").length - extra.split("\n").length + 1;
}

describe("the last gate: numbers only the rendered outputs show", () => {
  it("a project template's number stops an md build, traced to the template's line", () => {
    const root = dataCopy();
    const line = projectTemplate(root, "report.md.hbs", "\nKontakt: 850101–1236\n");
    buildRefused(root, "md", {
      code: "personal-data/in-output",
      file: "templates/report.md.hbs",
      line: line + 1,
      column: 10,
    });
  }, 120_000);

  it("put together by Handlebars from two literals: {{plain 850101}}-{{plain 1236}}", () => {
    const root = dataCopy();
    const line = projectTemplate(root, "report.md.hbs", "\n{{plain 850101}}-{{plain 1236}}\n");
    buildRefused(root, "md", {
      code: "personal-data/in-output",
      file: "templates/report.md.hbs",
      line: line + 1,
      column: 1, // the expression that prints the first digits
    });
  }, 120_000);

  it("a chart title of a project chart spec (an SVG label)", () => {
    const root = dataCopy();
    const rel = "charts/calls-per-year.vl.json";
    const spec = JSON.parse(readFileSync(path.join("templates", rel), "utf8"));
    spec.title = "Samtal 850101-1236";
    mkdirSync(path.join(root, "templates/charts"), { recursive: true });
    const text = JSON.stringify(spec, null, 2);
    writeFileSync(path.join(root, "templates", rel), text);
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("850101"));
    const stdout = buildRefused(root, "md", {
      code: "personal-data/in-output",
      file: `templates/${rel}`,
      line: line + 1,
      column: (lines[line] as string).indexOf("850101") + 1,
    });
    expect(stdout).toContain("would be published in figurer/calls-per-year.svg (a label)");
  }, 120_000);

  it("the DOCX: a template's number stops a docx build", () => {
    const root = dataCopy();
    const line = projectTemplate(root, "report.md.hbs", "\nKontakt: 850101 1236\n");
    const stdout = buildRefused(root, "docx", {
      code: "personal-data/in-output",
      file: "templates/report.md.hbs",
      line: line + 1,
      column: 10,
    });
    expect(stdout).toContain("report.docx (word/document.xml) (paragraph");
  }, 180_000);

  it("the PDF: a number only the Typst template writes stops a pdf build", () => {
    const root = dataCopy();
    const line = projectTemplate(root, "typst/report.typ", "\nKontakt: 850101\\-1236\n");
    const stdout = buildRefused(root, "pdf", {
      code: "personal-data/in-output",
      file: "templates/typst/report.typ",
      line: line + 1,
      column: 10,
    });
    expect(stdout).toContain("would be published in report.pdf");
  }, 180_000);
});

describe("the last gate: a number no input spells out", () => {
  it("computed by the Typst template: named by its output, nothing written", () => {
    const root = dataCopy();
    projectTemplate(root, "typst/report.typ", "\n#str(4250505618 * 2)\n");
    const stdout = buildRefused(root, "pdf", {
      code: "personal-data/in-output",
      file: "out/report.pdf",
      line: 0,
      column: 0,
    });
    expect(stdout).toContain(
      "A personnummer would be published in report.pdf (its text). Nothing was written.",
    );
  }, 180_000);
});

describe("numbers that are not identity numbers pass", () => {
  it("a wrong check digit and a month 13 are built into report.md as written", () => {
    const root = dataCopy();
    inChapter(root, "Ärendenummer 850101-1235 och 851301-1236.");
    const out = path.join(root, "out");
    const { code, stderr } = run(["build", "2025", "--data", root, "--out", out, "--format", "md"]);
    expect(stderr).toContain("wrote");
    expect(code).toBe(0);
    expect(readFileSync(path.join(out, "report.md"), "utf8")).toContain(
      "Ärendenummer 850101-1235 och 851301-1236.",
    );
    expect(readdirSync(out).sort()).toEqual(["figurer", "manifest.json", "report.md"]);
  }, 120_000);
});
