import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { controlCharacters, normaliseText } from "../src/load/text.js";
import { validateYear } from "../src/pipeline/validate.js";

// Files as Git for Windows (CRLF), classic Mac OS (CR) and macOS (NFD) write them give the report
// an LF/NFC file gives, byte for byte; invisible characters are refused at their place.

const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: "1",
  NCH_REPORT_CACHE: ".nch-cache/test",
};
delete ENV.SOURCE_DATE_EPOCH;
delete ENV.GITHUB_SHA;

function build(data: string, out: string, format: string) {
  const result = spawnSync(
    process.execPath,
    [
      "bin/nch-report.js",
      "build",
      "2023",
      "--data",
      data,
      "--format",
      format,
      "--out",
      out,
      "--quiet",
    ],
    { encoding: "utf8", env: ENV },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TEXT = /\.(ya?ml|md|csv)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** data/2023 and data/history copied, every YAML, Markdown and CSV file rewritten by `rewrite`. */
function variant(rewrite: (text: string) => string): string {
  const root = mkdtempSync(path.join(tmpdir(), "nch-normalise-"));
  cpSync("data/2023", path.join(root, "2023"), { recursive: true });
  cpSync("data/history", path.join(root, "history"), { recursive: true });
  for (const file of files(root).filter((f) => TEXT.test(f)))
    writeFileSync(file, rewrite(readFileSync(file, "utf8")));
  return root;
}

const crlf = (text: string) => text.replace(/\n/g, "\r\n");
const cr = (text: string) => text.replace(/\n/g, "\r");
const nfd = (text: string) => text.normalize("NFD");

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(""));
  }
  return pages.join("\n");
}

describe("normaliseText", () => {
  it("turns CRLF and lone CR into LF and composes decomposed letters", () => {
    expect(normaliseText("a\r\nb\rc\n")).toBe("a\nb\nc\n");
    expect(normaliseText("La\u0308nsstyrelsen O\u0308stergo\u0308tland")).toBe(
      "Länsstyrelsen Östergötland",
    );
    expect(normaliseText("Länsstyrelsen").length).toBe(13);
  });
});

describe("builds from CRLF, CR and NFD files", () => {
  it("give report.md and its charts byte-identical to the LF/NFC build", () => {
    const reference = mkdtempSync(path.join(tmpdir(), "nch-normalise-out-"));
    expect(
      build(
        variant((t) => t),
        reference,
        "md",
      ).code,
    ).toBe(0);
    const expected = readFileSync(path.join(reference, "report.md"));
    // The Förord's signatures and the table of contents are what CRLF and NFD used to lose.
    expect(expected.toString()).toContain("Linköping, den 1 mars 2024");
    expect(expected.toString()).toContain("# Innehållsförteckning");
    expect(expected.includes("\r")).toBe(false);
    for (const [name, rewrite] of [
      ["crlf", crlf],
      ["cr", cr],
      ["nfd", nfd],
    ] as const) {
      const out = mkdtempSync(path.join(tmpdir(), `nch-normalise-${name}-`));
      const built = build(variant(rewrite), out, "md");
      expect(built.code, `${name}: ${built.stdout}`).toBe(0);
      expect(readFileSync(path.join(out, "report.md")).equals(expected), name).toBe(true);
      for (const chart of readdirSync(path.join(reference, "figurer")))
        expect(
          readFileSync(path.join(out, "figurer", chart)).equals(
            readFileSync(path.join(reference, "figurer", chart)),
          ),
          `${name}: ${chart}`,
        ).toBe(true);
    }
  }, 240_000);

  it("give the same DOCX and the same PDF text from NFD and CRLF files", async () => {
    const [reference, decomposed] = [
      mkdtempSync(path.join(tmpdir(), "nch-normalise-ref-")),
      mkdtempSync(path.join(tmpdir(), "nch-normalise-nfd-")),
    ];
    expect(
      build(
        variant((t) => t),
        reference,
        "docx,pdf",
      ).code,
    ).toBe(0);
    expect(
      build(
        variant((t) => crlf(nfd(t))),
        decomposed,
        "docx,pdf",
      ).code,
    ).toBe(0);
    expect(
      readFileSync(path.join(decomposed, "report.docx")).equals(
        readFileSync(path.join(reference, "report.docx")),
      ),
    ).toBe(true);
    const [expected, actual] = await Promise.all([
      pdfText(path.join(reference, "report.pdf")),
      pdfText(path.join(decomposed, "report.pdf")),
    ]);
    expect(actual).toBe(expected);
    expect(actual).toContain("Linköping, den 1 mars 2024");
  }, 240_000);

  it("validate the same: the same findings at the same lines and columns", async () => {
    const [lf, windows, mac] = await Promise.all([
      validateYear(
        variant((t) => t),
        2023,
      ),
      validateYear(variant(crlf), 2023),
      validateYear(variant(nfd), 2023),
    ]);
    expect(lf.diagnostics.length).toBeGreaterThan(0);
    expect(windows.diagnostics).toEqual(lf.diagnostics);
    expect(mac.diagnostics).toEqual(lf.diagnostics);
  }, 120_000);
});

describe("invisible characters", () => {
  it("are refused at their line and column, named by code point; joiners that join are kept", async () => {
    const { diagnostics } = await validateYear("test/fixtures/control-characters", 2025);
    expect(
      diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column, d.message]),
    ).toEqual([
      [
        "error",
        "text/control-character",
        "2025/chapters/01-inledning.md",
        9,
        7,
        "An invisible character, U+2028 LINE SEPARATOR, is in the text.",
      ],
      [
        "error",
        "text/control-character",
        "2025/chapters/01-inledning.md",
        9,
        24,
        "An invisible character, U+200B ZERO WIDTH SPACE, is in the text.",
      ],
      [
        "error",
        "text/control-character",
        "2025/counties/uppsala.yaml",
        19,
        36,
        "An invisible character, U+0085 NEXT LINE (NEL), is in the text.",
      ],
      [
        "error",
        "text/control-character",
        "2025/counties/uppsala.yaml",
        20,
        8,
        "An invisible character, U+202E RIGHT-TO-LEFT OVERRIDE, is in the text.",
      ],
      [
        "error",
        "text/control-character",
        "2025/finance/grants.csv",
        2,
        34,
        "An invisible character, U+000C FORM FEED, is in the text.",
      ],
    ]);
    expect(diagnostics[0]?.hint).toBe(
      "Replace it with an ordinary line break (or a blank line between paragraphs); it was probably pasted from Word or a PDF.",
    );
  });

  it("keep zero-width joiners inside emoji and between letters, and refuse stray ones", () => {
    expect(controlCharacters("f.md", "👩\u200d⚕\ufe0f och می\u200cخواهم")).toEqual([]);
    expect(controlCharacters("f.md", "ord\u200d \n\u200c").map((d) => [d.line, d.column])).toEqual([
      [1, 4],
      [2, 1],
    ]);
  });

  it("stop the build before anything is written", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "nch-control-")), "out");
    const result = spawnSync(
      process.execPath,
      [
        "bin/nch-report.js",
        "build",
        "2025",
        "--data",
        "test/fixtures/control-characters",
        "--format",
        "md",
        "--out",
        out,
      ],
      { encoding: "utf8", env: ENV },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "  9:7      error    An invisible character, U+2028 LINE SEPARATOR, is in the text.  text/control-character",
    );
    expect(() => statSync(out)).toThrow();
  });
});
