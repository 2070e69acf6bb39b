// Tried as an attacker would: each case on a copy of the shipped data, the bundled CLI run as a
// user runs it with a secret in its environment and in files outside the data root. Each must
// stop with a located, coded finding, and the secret must reach no message and no output.
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
import { afterAll, describe, expect, it } from "vitest";
import {
  expectNoLeak,
  outputTexts,
  type Project,
  project,
  removeProjects,
  run,
  SECRET,
  stylishHas,
  validate,
} from "./adversarial-helpers.js";

afterAll(removeProjects);

const CHAPTER = "2025/chapters/05-kunskapsstod.md";
/** The chapter has 5 lines; an appended "\n<text>" starts on line 7. */
const APPENDED = 7;

function withChapterText(text: (p: Project) => string): Project {
  const p = project();
  appendFileSync(path.join(p.data, CHAPTER), `\n${text(p)}\n`);
  return p;
}

/** Replaces a data file with a link to a file outside the data root. */
function linkOut(p: Project, rel: string, target: string): void {
  const at = path.join(p.data, rel);
  mkdirSync(path.dirname(at), { recursive: true });
  rmSync(at, { recursive: true, force: true });
  symlinkSync(path.join(p.outside, target), at);
}

describe.concurrent("raw output blocks and inlines in a chapter are refused (validate)", () => {
  const abs = (p: Project) => path.join(p.outside, "secret.txt");
  const cases: [string, (p: Project) => string, number, string][] = [
    ["a ```{=typst} block", (p) => `\`\`\`{=typst}\n#read("${abs(p)}")\n\`\`\``, 1, "block"],
    ["a `…`{=typst} inline", () => 'Se `#read("/proc/self/environ")`{=typst} här.', 4, "inline"],
    [
      "an {=openxml} block",
      () => "```{=openxml}\n<w:p><w:r><w:t>x</w:t></w:r></w:p>\n```",
      1,
      "block",
    ],
    ["an {=openxml} inline", () => "Se `<w:br/>`{=openxml} här.", 4, "inline"],
    ["an {=html} block", (p) => `\`\`\`{=html}\n<img src="${abs(p)}">\n\`\`\``, 1, "block"],
    ["an {=html} inline", () => "Se `<b>x</b>`{=html} här.", 4, "inline"],
    ["a {=latex} block", (p) => `\`\`\` {=latex}\n\\input{${abs(p)}}\n\`\`\``, 1, "block"],
    ["a {=latex} inline", () => "Se `\\newpage`{=latex} här.", 4, "inline"],
    ["a {=tex} block", () => "```{=tex}\n\\relax\n```", 1, "block"],
    ["a ~~~{=ms} block", () => "~~~{=ms}\n.bp\n~~~", 1, "block"],
    ["a {=ms} inline", () => "Se `.bp`{=ms} här.", 4, "inline"],
  ];
  it.each(cases)("%s", async (_, text, column, kind) => {
    const p = withChapterText(text);
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({
        code: "chapter/raw-output",
        file: CHAPTER,
        line: APPENDED,
        column,
      }),
    ]);
    expect(errors[0]?.message).toMatch(new RegExp(`^A raw \\{=\\w+\\} ${kind} is not allowed`));
    await expectNoLeak(all);
  });

  it("raw HTML and raw TeX, each where it is written", async () => {
    const p = withChapterText(
      (q) =>
        `<div class="x">\nText\n</div>\n\nSe <img src="${path.join(q.outside, "secret.svg")}"> och \\input{${path.join(q.outside, "secret.txt")}}.`,
    );
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors.map((e) => [e.code, e.line, e.column, e.message])).toEqual([
      ["chapter/raw-output", 7, 1, "Raw HTML (<div>) is not allowed in a chapter."],
      ["chapter/raw-output", 9, 1, "Raw HTML (</div>) is not allowed in a chapter."],
      ["chapter/raw-output", 11, 4, "Raw HTML (<img>) is not allowed in a chapter."],
      [
        "chapter/raw-output",
        11,
        expect.any(Number),
        "Raw TeX (\\input) is not allowed in a chapter.",
      ],
    ]);
    await expectNoLeak(all);
  });

  it("leaves code, comments, autolinks and escapes alone", async () => {
    const p = withChapterText(
      () => "Se `{=typst}` och <https://www.hedersfortryck.se/> och \\<div\\>.\n\n<!-- Utkast -->",
    );
    expect((await validate(p)).errors).toEqual([]);
  });
});

describe.concurrent("images in a chapter must be files inside the data root (validate)", () => {
  const cases: [string, (p: Project) => string][] = [
    ["an absolute path", (p) => path.join(p.outside, "secret.svg")],
    ["a way out with ..", () => "../../outside/secret.svg"],
    ["a way out, percent-encoded", () => "..%2F..%2Foutside%2Fsecret.svg"],
    ["a file: URL", (p) => `file://${path.join(p.outside, "secret.svg")}`],
  ];
  it.each(cases)("%s", async (_, dest) => {
    const p = withChapterText((q) => `Se ![Bild](${dest(q)}) här.`);
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({
        code: "path/outside-data",
        file: CHAPTER,
        line: APPENDED,
        column: 14,
      }),
    ]);
    await expectNoLeak(all);
  });

  it("a link in figurer/ that leads out", async () => {
    const p = withChapterText(() => "Se ![Bild](figurer/bild.svg) här.");
    linkOut(p, "2025/figurer/bild.svg", "secret.svg");
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors).toEqual([
      expect.objectContaining({
        code: "path/outside-data",
        file: CHAPTER,
        line: APPENDED,
        column: 12,
      }),
    ]);
    await expectNoLeak(all);
  });
});

describe.concurrent("every input that leads outside the data root is refused unread (validate)", () => {
  const fileCases: [string, string, string][] = [
    ["report.yaml", "2025/report.yaml", "secret.yaml"],
    ["a status report", "2025/counties/x.yaml", "secret.yaml"],
    ["support-line/calls.csv", "2025/support-line/calls.csv", "secret.csv"],
    ["finance/grants.csv", "2025/finance/grants.csv", "secret.csv"],
    ["finance/income-statement.yaml", "2025/finance/income-statement.yaml", "secret.yaml"],
    ["finance/appropriation.yaml", "2025/finance/appropriation.yaml", "secret.yaml"],
    ["themes.yaml", "2025/themes.yaml", "secret.yaml"],
    ["history/support-line.csv", "history/support-line.csv", "secret.csv"],
    ["words/ordlista.txt", "words/ordlista.txt", "secret.txt"],
    ["words/terminologi.yaml", "words/terminologi.yaml", "secret.yaml"],
  ];
  it.each(fileCases)("%s as a link", async (_, rel, target) => {
    const p = project();
    linkOut(p, rel, target);
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors).toEqual([
      {
        code: "path/outside-data",
        file: rel,
        line: 0,
        column: 0,
        message: `${rel} leads outside the data folder (a symbolic link): it was not read.`,
      },
    ]);
    await expectNoLeak(all);
  });

  it("a chapter as a link, an absolute path and a way out, each at its place in report.yaml", async () => {
    const p = project();
    linkOut(p, CHAPTER, "secret.md");
    const report = path.join(p.data, "2025/report.yaml");
    writeFileSync(
      report,
      readFileSync(report, "utf8")
        .replace("  - 08-finansiell-redovisning.md", `  - ${path.join(p.outside, "secret.md")}`)
        .replace("  - 09-kallforteckning.md", "  - ../../../outside/secret.md"),
    );
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors.map((e) => [e.code, e.file, e.line, e.column])).toEqual([
      ["path/outside-data", "2025/report.yaml", 33, 5],
      ["path/outside-data", "2025/report.yaml", 36, 5],
      ["path/outside-data", "2025/report.yaml", 37, 5],
    ]);
    await expectNoLeak(all);
  });

  it("the counties folder as a link", async () => {
    const p = project();
    mkdirSync(path.join(p.outside, "counties"));
    writeFileSync(path.join(p.outside, "counties", "x.yaml"), `${SECRET}: 1\n`);
    rmSync(path.join(p.data, "2025/counties"), { recursive: true });
    symlinkSync(path.join(p.outside, "counties"), path.join(p.data, "2025/counties"));
    const { code, errors, all } = await validate(p);
    expect(code).toBe(1);
    expect(errors.map((e) => [e.code, e.file, e.line])).toEqual([
      ["path/outside-data", "2025/counties/x.yaml", 0],
    ]);
    await expectNoLeak(all);
  });

  it("the year folder as a link: one finding, nothing in it read", async () => {
    const p = project();
    const elsewhere = path.join(p.outside, "2025");
    renameSync(path.join(p.data, "2025"), elsewhere);
    appendFileSync(path.join(elsewhere, CHAPTER.slice(5)), `\n${SECRET}\n`);
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
  });
});

describe.concurrent("templates and earlier years that lead outside the data root stop the build", () => {
  const cases: [string, (p: Project) => string, string][] = [
    [
      "a partial",
      (p) => link(p, "templates/partials/x.md.hbs", "secret.md"),
      "templates/partials/x.md.hbs",
    ],
    [
      "a chart spec",
      (p) => link(p, "templates/charts/calls-per-year.vl.json", "secret.json"),
      "templates/charts/calls-per-year.vl.json",
    ],
    [
      "the reference document",
      (p) => link(p, "templates/reference.docx", "secret.txt"),
      "templates/reference.docx",
    ],
    ["the Typst folder", (p) => link(p, "templates/typst", "typst"), "templates/typst"],
    ["the templates folder", (p) => link(p, "templates", "templates"), "templates/report.md.hbs"],
    [
      "an earlier year's calls.csv",
      (p) => link(p, "2024/support-line/calls.csv", "secret.csv"),
      "2024/support-line/calls.csv",
    ],
    [
      "a year image",
      (p) => link(p, "2025/figurer/bild.svg", "secret.svg"),
      "2025/figurer/bild.svg",
    ],
  ];
  function link(p: Project, rel: string, target: string): string {
    if (target === "typst" || target === "templates") {
      const dir = path.join(p.outside, target);
      mkdirSync(dir);
      writeFileSync(path.join(dir, "report.md.hbs"), `${SECRET}\n`);
      writeFileSync(path.join(dir, "report.typ"), `#read("/secret.txt")\n${SECRET}\n`);
    }
    linkOut(p, rel, target);
    return rel;
  }
  it.each(cases)("%s as a link", async (_, plant, file) => {
    const p = project();
    plant(p);
    const result = await run(["build", "2025", "--data", p.data, "--out", p.out, "--format", "md"]);
    expect(result.code).toBe(1);
    expect(stylishHas(result.stdout, file, "-", "path/outside-data")).toBe(true);
    expect(existsSync(p.out)).toBe(false);
    await expectNoLeak(result);
  });

  it("an image in a project template, at its place", async () => {
    const p = project();
    mkdirSync(path.join(p.data, "templates/partials"), { recursive: true });
    writeFileSync(
      path.join(p.data, "templates/partials/bild.md.hbs"),
      `Bild:\n\n![Bild](${path.join(p.outside, "secret.svg")})\n`,
    );
    const result = await run(["build", "2025", "--data", p.data, "--out", p.out, "--format", "md"]);
    expect(result.code).toBe(1);
    expect(
      stylishHas(result.stdout, "templates/partials/bild.md.hbs", "3:9", "path/outside-data"),
    ).toBe(true);
    expect(existsSync(p.out)).toBe(false);
    await expectNoLeak(result);
  });
});

/** The built-in Typst template with an attempt first, as a project's data/templates/typst/report.typ. */
function typstTemplate(p: Project, attempt: string): void {
  const dir = path.join(p.data, "templates/typst");
  mkdirSync(dir, { recursive: true });
  const builtIn = readFileSync("templates/typst/report.typ", "utf8");
  writeFileSync(path.join(dir, "report.typ"), `${attempt}\n${builtIn}`);
}

describe.concurrent("a project's Typst template sees only the build (build --format pdf)", () => {
  const cases: [string, (p: Project) => string, string[], string][] = [
    [
      "reads /proc/self/environ",
      () => '#read("/proc/self/environ")',
      [],
      "file not found (searched at /proc/self/environ)",
    ],
    [
      "reads its way out with ..",
      () => '#read("../../../../../../../../etc/passwd")',
      ["--pdf-standard", "a-2b"],
      "cannot read file outside of project root",
    ],
    [
      "reads a file outside by its absolute path",
      (p) => `#read("${path.join(p.outside, "secret.txt")}")`,
      ["--pdf-standard", "a-4"],
      "file not found",
    ],
    [
      "shows an image outside",
      (p) => `#image("${path.join(p.outside, "secret.svg")}")`,
      ["--pdf-standard", "1.7"],
      "file not found",
    ],
    [
      "includes a file outside",
      (p) => `#include "${path.join(p.outside, "secret.typ")}"`,
      ["--pdf-standard", "a-3u"],
      "file not found",
    ],
    [
      "loads a plugin outside",
      (p) => `#plugin("${path.join(p.outside, "secret.wasm")}")`,
      ["--pdf-standard", "2.0"],
      "file not found",
    ],
    [
      "imports a @local package from the user's folder",
      () => '#import "@local/hemlig:0.1.0": x',
      [],
      "package not found",
    ],
  ];
  it.each(cases)(
    "%s",
    async (_, attempt, flags, found) => {
      const p = project();
      typstTemplate(p, attempt(p));
      // A local package with the secret, where Typst would look for it without confinement.
      const packages = path.join(p.outside, "xdg", "typst", "packages", "local", "hemlig", "0.1.0");
      mkdirSync(packages, { recursive: true });
      writeFileSync(
        path.join(packages, "typst.toml"),
        '[package]\nname = "hemlig"\nversion = "0.1.0"\nentrypoint = "lib.typ"\n',
      );
      writeFileSync(path.join(packages, "lib.typ"), `#let x = "${SECRET}"\n`);
      const result = await run(
        ["build", "2025", "--data", p.data, "--out", p.out, "--format", "pdf", "--quiet", ...flags],
        { XDG_DATA_HOME: path.join(p.outside, "xdg") },
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`${path.join(p.data, "templates/typst/report.typ")}:1:`);
      expect(result.stderr).toContain(found);
      expect(existsSync(p.out)).toBe(false);
      await expectNoLeak(result);
    },
    120_000,
  );
});

describe("raw blocks that reach the converters stay text (build md,docx,pdf)", () => {
  it("from a project partial: no secret, no environment in any output", async () => {
    const p = project();
    const partials = path.join(p.data, "templates/partials");
    mkdirSync(partials, { recursive: true });
    const secretFile = path.join(p.outside, "secret.txt");
    writeFileSync(
      path.join(partials, "ra.md.hbs"),
      [
        "```{=typst}",
        '#read("/proc/self/environ")',
        "```",
        "",
        `Se \`#read("${secretFile}")\`{=typst} och \`<w:t>x</w:t>\`{=openxml}.`,
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
    expect(texts.get("report.pdf")).toContain("/proc/self/environ");
    expect(texts.get("report.docx")).toContain("openxml</w:t></w:r></w:p>");
    await expectNoLeak(result, p.out);
  }, 180_000);
});
