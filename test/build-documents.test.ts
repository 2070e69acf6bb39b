import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";

// Whole builds through the CLI, as CI runs them (npm test compiles lib/ first).
const BASE_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: "1",
  NCH_REPORT_CACHE: ".nch-cache/test",
};
delete BASE_ENV.SOURCE_DATE_EPOCH;
delete BASE_ENV.GITHUB_SHA;

function build(args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeArgs, "bin/nch-report.js", "build", ...args], {
    encoding: "utf8",
    env: { ...BASE_ENV, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temp = () => mkdtempSync(path.join(tmpdir(), "nch-docs-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const OUTPUTS = ["report.md", "report.docx", "report.pdf", "manifest.json"];

async function pdfPagesText(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(""));
  }
  return pages;
}

describe("nch-report build (md, docx, pdf)", () => {
  it("stops each converter worker once it has answered, before the next step needs memory", () => {
    const out = path.join(temp(), "out");
    const { code, stderr } = build(["2025", "--format", "docx,pdf", "--out", out, "--quiet"], {}, [
      "--import",
      "./test/fixtures/hooks/log-workers.mjs",
    ]);
    expect(code).toBe(0);
    const events = stderr.split("\n").filter((line) => line.startsWith("⚙ "));
    const at = (event: string) => {
      expect(events, event).toContain(`⚙ ${event}`);
      return events.indexOf(`⚙ ${event}`);
    };
    // Each worker is asked once and stopped right after it answers; nothing is asked again.
    for (const [kind, op] of [
      ["docx", "docx"],
      ["markdown-to-typst", "typst"],
      ["typst", "pdf"],
    ]) {
      expect(events.filter((e) => e.startsWith(`⚙ ${kind} asked`))).toEqual([
        `⚙ ${kind} asked ${op}`,
      ]);
      expect(at(`${kind} started`)).toBeLessThan(at(`${kind} asked ${op}`));
      expect(at(`${kind} asked ${op}`)).toBeLessThan(at(`${kind} stopped`));
      expect(at(`${kind} stopped`)).toBeLessThan(at(`${kind} exited`));
    }
    // pandoc's Markdown → Typst worker is stopped before the Typst compiler sets the PDF.
    expect(at("markdown-to-typst stopped")).toBeLessThan(at("typst asked pdf"));
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "report.docx", "report.pdf"]);
  }, 120_000);

  it("writes all three formats and a manifest, byte-identical from run to run", () => {
    const [a, b] = [path.join(temp(), "a"), path.join(temp(), "b")];
    expect(build(["2025", "--out", a, "--quiet"]).code).toBe(0);
    expect(build(["2025", "--out", b, "--quiet"]).code).toBe(0);
    for (const name of OUTPUTS) expect(sha(path.join(a, name)), name).toBe(sha(path.join(b, name)));
    const manifest = JSON.parse(readFileSync(path.join(a, "manifest.json"), "utf8"));
    expect(manifest.tool).toEqual({ name: "nch-report", version: "0.1.0" });
    expect(manifest.converters).toEqual({
      pandoc: "3.10",
      "pandoc-wasm": "1.1.0",
      "typst-ts-node-compiler": "0.7.0",
    });
    expect(manifest.inputs).toContainEqual({
      file: "2025/report.yaml",
      sha256: sha("data/2025/report.yaml"),
    });
    expect(manifest.outputs).toContainEqual({
      file: "report.pdf",
      sha256: sha(path.join(a, "report.pdf")),
    });
  }, 120_000);

  it("stamps UTKAST, the commit and its date on every page of a draft, and Exempeldata for illustrative data", async () => {
    const out = temp();
    // A copy outside Git: the commit comes from the CI variable, and no local change marks it.
    const data = path.join(temp(), "data");
    cpSync("data", data, { recursive: true });
    const env = {
      GITHUB_SHA: "abcdef1234567890abcdef1234567890abcdef12",
      SOURCE_DATE_EPOCH: "1740787200",
    };
    expect(build(["2025", "--data", data, "--out", out, "--draft", "--quiet"], env).code).toBe(0);
    const stamp = "Exempeldata · UTKAST · abcdef1 · 2025-03-01";
    const pages = await pdfPagesText(path.join(out, "report.pdf"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(page).toContain(stamp);
    const docx = unzipSync(readFileSync(path.join(out, "report.docx")));
    expect(strFromU8(docx["word/header1.xml"] as Uint8Array)).toContain(`>${stamp}</w:t>`);
    expect(readFileSync(path.join(out, "report.md"), "utf8").split("\n")[0]).toBe(
      "> UTKAST · abcdef1 · 2025-03-01",
    );
  }, 120_000);

  it("writes PDF/A-2b when asked for an archival standard", async () => {
    const out = temp();
    expect(
      build(["2025", "--out", out, "--format", "pdf", "--pdf-standard", "a-2b", "--quiet"]).code,
    ).toBe(0);
    const pdf = await getDocument({
      data: new Uint8Array(readFileSync(path.join(out, "report.pdf"))),
    }).promise;
    const { metadata } = await pdf.getMetadata();
    expect([metadata?.get("pdfaid:part"), metadata?.get("pdfaid:conformance")]).toEqual(["2", "B"]);
  }, 120_000);
});

describe("a failed or killed build", () => {
  function project(): { data: string; out: string } {
    const dir = temp();
    cpSync("examples/minimal", path.join(dir, "data"), { recursive: true });
    const out = path.join(dir, "dist");
    expect(build(["2025", "--data", path.join(dir, "data"), "--out", out, "--quiet"]).code).toBe(0);
    return { data: path.join(dir, "data"), out };
  }
  const hashes = (out: string) =>
    Object.fromEntries(OUTPUTS.map((n) => [n, sha(path.join(out, n))]));
  const leftovers = (out: string) =>
    readdirSync(out, { recursive: true })
      .map(String)
      .filter((n) => n.includes(".tmp-") || n.startsWith(".nch-"));

  it("leaves the previous outputs in place when a conversion fails", () => {
    const { data, out } = project();
    const before = hashes(out);
    // A broken Typst template override makes the PDF conversion fail after Markdown and DOCX are done.
    mkdirSync(path.join(data, "templates", "typst"), { recursive: true });
    writeFileSync(path.join(data, "templates", "typst", "report.typ"), "#let x = (\n");
    writeFileSync(
      path.join(data, "2025", "chapters", "01-inledning.md"),
      "# Inledning\n\nNy text.\n",
    );
    const failed = build(["2025", "--data", data, "--out", out, "--quiet"]);
    // An error in the project's Typst template is a finding at its line (exit 1), not a crash.
    expect(failed.code).toBe(1);
    // The file as the terminal shows paths: relative to the working folder (a checkout under the
    // system's temporary folder, as the data here) or absolute (a checkout elsewhere).
    const template = path.join(data, "templates", "typst", "report.typ");
    const finding = "\n  1:10     error    Typst: unclosed delimiter  template/typst";
    expect(
      [template, path.relative(process.cwd(), template)].map((f) => `${f}${finding}`),
    ).toContainEqual(expect.toSatisfy((line: string) => failed.stdout.includes(line)));
    expect(failed.stdout).toContain("The report cannot be set as a PDF: nothing was built.");
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    expect(hashes(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  }, 120_000);

  it("leaves the previous outputs in place when killed midway", async () => {
    const { data, out } = project();
    const before = hashes(out);
    writeFileSync(
      path.join(data, "2025", "chapters", "01-inledning.md"),
      "# Inledning\n\nÄndrad text.\n",
    );
    const child = spawn(
      process.execPath,
      ["bin/nch-report.js", "build", "2025", "--data", data, "--out", out],
      {
        env: BASE_ENV,
      },
    );
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("rendered")) child.kill("SIGKILL");
      });
      child.on("exit", () => resolve());
    });
    expect(child.signalCode).toBe("SIGKILL");
    expect(hashes(out)).toEqual(before);
    expect(existsSync(path.join(out, "report.pdf"))).toBe(true);
  }, 120_000);
});
