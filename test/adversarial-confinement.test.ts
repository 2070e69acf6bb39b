// Tried as an attacker would: on copies of the shipped data, the bundled CLI run as a user runs
// it with a secret in its environment and in files outside the data root. Every case must stop
// with a located, coded finding, and the secret must reach no message and no output. Cases that
// cannot disturb each other share one run (each asserted on its own), to keep the suite fast.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoLeak,
  type Found,
  outputTexts,
  type Project,
  project,
  type Run,
  removeProjects,
  run,
  SECRET,
  stylishHas,
  validate,
} from "./adversarial-helpers.js";

afterAll(removeProjects);

const CHAPTER = "2025/chapters/05-kunskapsstod.md";
/** The chapter has 5 lines: text appended after a blank line starts on line 7. */
const FIRST_LINE = 7;
const SLOW = 180_000;

/** Appends blocks to the chapter, one blank line apart; returns the line each starts on. */
function appendBlocks(p: Project, blocks: string[]): number[] {
  let line = FIRST_LINE;
  const starts = blocks.map((block) => {
    const start = line;
    line += block.split("\n").length + 1;
    return start;
  });
  appendFileSync(path.join(p.data, CHAPTER), `\n${blocks.join("\n\n")}\n`);
  return starts;
}

/** Replaces a data file or folder with a link to one outside the data root. */
function linkOut(p: Project, rel: string, target: string): void {
  const at = path.join(p.data, rel);
  mkdirSync(path.dirname(at), { recursive: true });
  rmSync(at, { recursive: true, force: true });
  symlinkSync(path.join(p.outside, target), at);
}

describe("raw output in a chapter is refused where it is written (validate)", () => {
  const secretFile = "/proc/self/environ";
  const cases: [string, string, number, string][] = [
    [
      "```{=typst} block",
      `\`\`\`{=typst}\n#read("${secretFile}")\n\`\`\``,
      1,
      "A raw {=typst} block",
    ],
    [
      "`…`{=typst} inline",
      `Se \`#read("${secretFile}")\`{=typst} här.`,
      4,
      "A raw {=typst} inline",
    ],
    [
      "```{=openxml} block",
      "```{=openxml}\n<w:p><w:r><w:t>x</w:t></w:r></w:p>\n```",
      1,
      "A raw {=openxml} block",
    ],
    ["`…`{=openxml} inline", "Se `<w:br/>`{=openxml} här.", 4, "A raw {=openxml} inline"],
    ["```{=html} block", '```{=html}\n<img src="/etc/passwd">\n```', 1, "A raw {=html} block"],
    ["`…`{=html} inline", "Se `<b>x</b>`{=html} här.", 4, "A raw {=html} inline"],
    ["``` {=latex} block", "``` {=latex}\n\\input{/etc/passwd}\n```", 1, "A raw {=latex} block"],
    ["`…`{=latex} inline", "Se `\\newpage`{=latex} här.", 4, "A raw {=latex} inline"],
    ["```{=tex} block", "```{=tex}\n\\relax\n```", 1, "A raw {=tex} block"],
    ["~~~{=ms} block", "~~~{=ms}\n.bp\n~~~", 1, "A raw {=ms} block"],
    ["`…`{=ms} inline", "Se `.bp`{=ms} här.", 4, "A raw {=ms} inline"],
    ["raw HTML block", '<div class="x">', 1, "Raw HTML (<div>)"],
    ["raw HTML inline", 'Se <img src="/etc/passwd"> här.', 4, "Raw HTML (<img>)"],
    ["raw TeX", "Se \\input{/etc/passwd} här.", 4, "Raw TeX (\\input)"],
  ];
  // Not raw output: code, comments, autolinks and escapes give no finding.
  const harmless =
    "Se `{=typst}` och <https://www.hedersfortryck.se/> och \\<div\\>.\n<!-- Utkast -->";
  let errors: Found[];
  let result: Run;
  let lines: number[];
  beforeAll(async () => {
    const p = project();
    lines = appendBlocks(p, [...cases.map((c) => c[1]), harmless]);
    const validated = await validate(p);
    expect(validated.code).toBe(1);
    ({ errors, all: result } = validated);
  }, SLOW);

  it.each(cases.map((c, i) => [...c, i] as const))("%s", (_, __, column, message, i) => {
    const found = errors.filter((e) => e.line === lines[i]);
    expect(found).toEqual([
      {
        code: "chapter/raw-output",
        file: CHAPTER,
        line: lines[i],
        column,
        message: `${message} is not allowed in a chapter.`,
      },
    ]);
  });

  it("reports nothing else, and no message carries the environment", async () => {
    expect(errors.length).toBe(cases.length);
    await expectNoLeak(result);
  });
});

describe("images in a chapter must be files inside the data root (validate)", () => {
  const cases: [string, (p: Project) => string][] = [
    ["an absolute path", (p) => path.join(p.outside, "secret.svg")],
    ["a way out with ..", () => "../../outside/secret.svg"],
    ["a way out, percent-encoded", () => "..%2F..%2Foutside%2Fsecret.svg"],
    ["a file: URL", (p) => `file://${path.join(p.outside, "secret.svg")}`],
    ["a link in figurer/ that leads out", () => "figurer/bild.svg"],
  ];
  let errors: Found[];
  let result: Run;
  let lines: number[];
  beforeAll(async () => {
    const p = project();
    linkOut(p, "2025/figurer/bild.svg", "secret.svg");
    lines = appendBlocks(
      p,
      cases.map(([, dest]) => `Se ![Bild](${dest(p)}) här.`),
    );
    ({ errors, all: result } = await validate(p));
    expect(result.code).toBe(1);
  }, SLOW);

  it.each(cases.map((c, i) => [c[0], i] as const))("%s", (_, i) => {
    expect(errors.filter((e) => e.line === lines[i])).toEqual([
      expect.objectContaining({
        code: "path/outside-data",
        file: CHAPTER,
        line: lines[i],
        column: 12,
      }),
    ]);
  });

  it("reports nothing else and leaks nothing", async () => {
    expect(errors.length).toBe(cases.length);
    await expectNoLeak(result);
  });
});

describe("every input that leads outside the data root is refused unread (validate)", () => {
  const links: [string, string][] = [
    ["2025/counties/x.yaml", "secret.yaml"],
    ["2025/support-line/calls.csv", "secret.csv"],
    ["2025/finance/grants.csv", "secret.csv"],
    ["2025/finance/income-statement.yaml", "secret.yaml"],
    ["2025/finance/appropriation.yaml", "secret.yaml"],
    ["2025/themes.yaml", "secret.yaml"],
    ["history/support-line.csv", "secret.csv"],
    ["words/ordlista.txt", "secret.txt"],
    ["words/terminologi.yaml", "secret.yaml"],
  ];
  let errors: Found[];
  let result: Run;
  beforeAll(async () => {
    const p = project();
    for (const [rel, target] of links) linkOut(p, rel, target);
    // Chapters: a link, an absolute path and a way out, each found at its line in report.yaml.
    linkOut(p, CHAPTER, "secret.md");
    const report = path.join(p.data, "2025/report.yaml");
    writeFileSync(
      report,
      readFileSync(report, "utf8")
        .replace("  - 08-finansiell-redovisning.md", `  - ${path.join(p.outside, "secret.md")}`)
        .replace("  - 09-kallforteckning.md", "  - ../../../outside/secret.md"),
    );
    ({ errors, all: result } = await validate(p));
    expect(result.code).toBe(1);
  }, SLOW);

  it.each(links)("%s as a link", (rel) => {
    expect(errors.filter((e) => e.file === rel)).toEqual([
      {
        code: "path/outside-data",
        file: rel,
        line: 0,
        column: 0,
        message: `${rel} leads outside the data folder (a symbolic link): it was not read.`,
      },
    ]);
  });

  it.each([
    ["a chapter as a link", 40],
    ["a chapter by its absolute path", 43],
    ["a chapter by a way out", 44],
  ])("%s, at its place in report.yaml", (_, line) => {
    expect(errors.filter((e) => e.file === "2025/report.yaml" && e.line === line)).toEqual([
      expect.objectContaining({ code: "path/outside-data", column: 5 }),
    ]);
  });

  it("reports nothing else and leaks nothing", async () => {
    expect(errors.length).toBe(links.length + 3);
    await expectNoLeak(result);
  });
});

describe("report.yaml, the counties folder and the year folder as links (validate)", () => {
  it(
    "report.yaml and the counties folder: each one finding",
    async () => {
      const p = project();
      linkOut(p, "2025/report.yaml", "secret.yaml");
      mkdirSync(path.join(p.outside, "counties"));
      writeFileSync(path.join(p.outside, "counties", "x.yaml"), `${SECRET}: 1\n`);
      linkOut(p, "2025/counties", "counties");
      const { code, errors, all } = await validate(p);
      expect(code).toBe(1);
      expect(errors.map((e) => [e.code, e.file, e.line, e.column])).toEqual([
        ["path/outside-data", "2025/counties/x.yaml", 0, 0],
        ["path/outside-data", "2025/report.yaml", 0, 0],
      ]);
      await expectNoLeak(all);
    },
    SLOW,
  );

  it(
    "the year folder: one finding, nothing in it read",
    async () => {
      const p = project();
      const elsewhere = path.join(p.outside, "2025");
      renameSync(path.join(p.data, "2025"), elsewhere);
      appendFileSync(path.join(elsewhere, "chapters/05-kunskapsstod.md"), `\n${SECRET}\n`);
      symlinkSync(elsewhere, path.join(p.data, "2025"));
      const { code, errors, all } = await validate(p);
      expect(code).toBe(1);
      expect(errors).toEqual([
        {
          code: "path/outside-data",
          file: "2025",
          line: 0,
          column: 0,
          message: "2025 leads outside the data folder (a symbolic link): it was not read.",
        },
      ]);
      await expectNoLeak(all);
    },
    SLOW,
  );
});

describe("templates, images and earlier years that lead out stop the build (build --format md)", () => {
  const links: [string, string][] = [
    ["templates/partials/x.md.hbs", "secret.md"],
    ["templates/charts/calls-per-year.vl.json", "secret.json"],
    ["templates/reference.docx", "secret.txt"],
    ["templates/typst", "typst"],
    ["2025/figurer/bild.svg", "secret.svg"],
    ["2024/support-line/calls.csv", "secret.csv"],
  ];
  let p: Project;
  let result: Run;
  beforeAll(async () => {
    p = project();
    mkdirSync(path.join(p.outside, "typst"));
    writeFileSync(path.join(p.outside, "typst", "report.typ"), `${SECRET}\n`);
    for (const [rel, target] of links) linkOut(p, rel, target);
    writeFileSync(
      path.join(p.data, "templates/partials/bild.md.hbs"),
      `Bild:\n\n![Bild](${path.join(p.outside, "secret.svg")})\n`,
    );
    result = await run(["build", "2025", "--data", p.data, "--out", p.out, "--format", "md"]);
  }, SLOW);

  it.each(links)("%s as a link", (rel) => {
    expect(stylishHas(result.stdout, rel, "-", "path/outside-data")).toBe(true);
  });

  it("an image in a project template, at its place", () => {
    expect(
      stylishHas(result.stdout, "templates/partials/bild.md.hbs", "3:9", "path/outside-data"),
    ).toBe(true);
  });

  it("exits 1, writes nothing and leaks nothing", async () => {
    expect(result.code).toBe(1);
    expect(existsSync(p.out)).toBe(false);
    await expectNoLeak(result);
  });

  it(
    "the templates folder as a link",
    async () => {
      const q = project();
      mkdirSync(path.join(q.outside, "templates"));
      writeFileSync(path.join(q.outside, "templates", "report.md.hbs"), `${SECRET}\n`);
      linkOut(q, "templates", "templates");
      const built = await run([
        "build",
        "2025",
        "--data",
        q.data,
        "--out",
        q.out,
        "--format",
        "md",
      ]);
      expect(built.code).toBe(1);
      expect(stylishHas(built.stdout, "templates/report.md.hbs", "-", "path/outside-data")).toBe(
        true,
      );
      expect(existsSync(q.out)).toBe(false);
      await expectNoLeak(built);
    },
    SLOW,
  );
});

/** The built-in Typst template with an attempt first, as the project's templates/typst/report.typ. */
function typstTemplate(p: Project, attempt: string): string {
  const dir = path.join(p.data, "templates/typst");
  mkdirSync(dir, { recursive: true });
  const builtIn = readFileSync("templates/typst/report.typ", "utf8");
  writeFileSync(path.join(dir, "report.typ"), `${attempt}\n${builtIn}`);
  return path.join(dir, "report.typ");
}

describe("a project's Typst template sees only the build (build --format pdf)", () => {
  it(
    "cannot read the environment",
    async () => {
      const p = project();
      const template = typstTemplate(p, '#read("/proc/self/environ")');
      const result = await run([
        "build",
        "2025",
        "--data",
        p.data,
        "--out",
        p.out,
        "--format",
        "pdf",
        "--quiet",
      ]);
      // A located template/typst finding (exit 1) at the template's line and column.
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`${path.relative(process.cwd(), template)}\n  1:7 `);
      expect(result.stdout).toContain(
        "error    Typst: file not found (searched at /proc/self/environ)  template/typst",
      );
      expect(existsSync(p.out)).toBe(false);
      await expectNoLeak(result);
    },
    SLOW,
  );

  it(
    "cannot import a @local package from the user's folders",
    async () => {
      const p = project();
      const template = typstTemplate(p, '#import "@local/hemlig:0.1.0": x\n#x');
      const xdg = path.join(p.outside, "xdg");
      const pkg = path.join(xdg, "typst", "packages", "local", "hemlig", "0.1.0");
      mkdirSync(pkg, { recursive: true });
      writeFileSync(
        path.join(pkg, "typst.toml"),
        '[package]\nname = "hemlig"\nversion = "0.1.0"\nentrypoint = "lib.typ"\n',
      );
      writeFileSync(path.join(pkg, "lib.typ"), `#let x = "${SECRET}"\n`);
      const result = await run(
        [
          "build",
          "2025",
          "--data",
          p.data,
          "--out",
          p.out,
          "--format",
          "pdf",
          "--quiet",
          "--pdf-standard",
          "a-2b",
        ],
        { XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`${path.relative(process.cwd(), template)}\n  1:9 `);
      expect(result.stdout).toContain(
        "error    Typst: package not found (searched for @local/hemlig:0.1.0)  template/typst",
      );
      expect(existsSync(p.out)).toBe(false);
      await expectNoLeak(result);
    },
    SLOW,
  );
});

describe("raw blocks that reach the converters stay text (build md,docx,pdf)", () => {
  it(
    "from a project partial: no secret, no environment in any output",
    async () => {
      const p = project();
      const partials = path.join(p.data, "templates/partials");
      mkdirSync(partials, { recursive: true });
      writeFileSync(
        path.join(partials, "ra.md.hbs"),
        [
          "```{=typst}",
          '#read("/proc/self/environ")',
          "```",
          "",
          `Se \`#read("${path.join(p.outside, "secret.txt")}")\`{=typst} här.`,
          "",
          "```{=openxml}",
          "<w:p><w:r><w:t>openxml</w:t></w:r></w:p>",
          "```",
          "",
        ].join("\n"),
      );
      appendFileSync(path.join(p.data, CHAPTER), "\n{{> ra}}\n");
      const result = await run(["build", "2025", "--data", p.data, "--out", p.out, "--quiet"]);
      expect(result.code).toBe(0);
      const texts = await outputTexts(p.out);
      expect([...texts.keys()].filter((n) => !n.startsWith("figurer")).sort()).toEqual([
        "manifest.json",
        "report.docx",
        "report.md",
        "report.pdf",
      ]);
      // Shown as the code it is, not run: the attempt is in the PDF's text, its result is not.
      expect(texts.get("report.pdf")).toContain('#read("/proc/self/environ")');
      const docx = unzipSync(new Uint8Array(readFileSync(path.join(p.out, "report.docx"))));
      expect(strFromU8(docx["word/document.xml"] as Uint8Array)).toContain(
        "&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;openxml",
      );
      await expectNoLeak(result, p.out);
    },
    SLOW,
  );
});
