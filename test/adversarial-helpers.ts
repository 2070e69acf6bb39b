// Shared by the adversarial confinement tests: a copy of the shipped data beside a folder of
// secrets it must never read, the CLI run as a user runs it with a secret in its environment,
// and the text of every output (Markdown, DOCX, PDF, manifest) to search for the secret.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect } from "vitest";

/** Planted in the child's environment and in every file outside the data root. */
export const SECRET = `NCHSECRET${randomBytes(12).toString("hex")}`;

const made: string[] = [];
let count = 0;

export interface Project {
  /** The data root: a copy of data/2025 and data/history. */
  data: string;
  /** A folder beside it with files the build must not read. */
  outside: string;
  out: string;
}

/** Digits only in the folder's name: no new word for the spelling check in any path. */
export function project(): Project {
  const base = path.join(os.tmpdir(), `nch-confine-${process.pid}-${count++}`);
  rmSync(base, { recursive: true, force: true });
  made.push(base);
  const data = path.join(base, "data");
  const outside = path.join(base, "outside");
  cpSync("data/2025", path.join(data, "2025"), { recursive: true });
  cpSync("data/history", path.join(data, "history"), { recursive: true });
  mkdirSync(outside, { recursive: true });
  const plant = (name: string, text: string) => writeFileSync(path.join(outside, name), text);
  plant("secret.txt", `${SECRET}\n`);
  plant("secret.md", `# Hemligt\n\n${SECRET}\n`);
  plant("secret.svg", `<svg xmlns="http://www.w3.org/2000/svg"><text>${SECRET}</text></svg>`);
  plant("secret.csv", `${SECRET},x\n1,2\n`);
  plant("secret.yaml", `${SECRET}: ${SECRET}\n`);
  plant("secret.json", `{ "${SECRET}": 1 `);
  plant("secret.typ", `${SECRET}\n`);
  return { data, outside, out: path.join(base, "out") };
}

export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The bundled CLI as a user runs it; asynchronous, so that cases can run side by side. */
export function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const child = spawn(process.execPath, ["bin/nch-report.js", ...args], {
    env: {
      ...process.env,
      NO_COLOR: "1",
      NCH_REPORT_CACHE: ".nch-cache/test",
      NCH_SECRET_TOKEN: SECRET,
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Found {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `validate --format json`: the errors it reports. */
export async function validate(
  p: Project,
): Promise<{ code: number | null; errors: Found[]; all: Run }> {
  const all = await run(["validate", "2025", "--data", p.data, "--format", "json"]);
  const parsed = JSON.parse(all.stdout) as { diagnostics: (Found & { severity: string })[] };
  const errors = parsed.diagnostics
    .filter((d) => d.severity === "error")
    .map(({ code, file, line, column, message }) => ({ code, file, line, column, message }));
  return { code: all.code, errors, all };
}

/** A stylish report (build) has this finding under the file's heading: "  17:5  error  …  code". */
export function stylishHas(stdout: string, file: string, at: string, code: string): boolean {
  const blocks = stdout.split("\n\n");
  return blocks.some((block) => {
    const [heading, ...rows] = block.split("\n");
    if (!heading?.endsWith(file)) return false;
    return rows.some((row) => new RegExp(`^ +${at} +error +.*  ${code}$`).test(row));
  });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes }).promise;
  let text = "";
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  }
  return text;
}

/** Every file under a folder as text: DOCX entries unzipped, PDF text extracted, raw bytes too. */
export async function outputTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
  for (const file of names) {
    const bytes = new Uint8Array(readFileSync(file));
    let text = Buffer.from(bytes).toString("latin1");
    if (file.endsWith(".docx")) {
      text += Object.values(unzipSync(bytes))
        .map((entry) => strFromU8(entry))
        .join("\n");
    }
    if (file.endsWith(".pdf")) text += await pdfText(bytes);
    texts.set(path.relative(dir, file), text);
  }
  return texts;
}

/** Neither the messages nor any output file (when there are any) carry the secret. */
export async function expectNoLeak(result: Run, out?: string): Promise<void> {
  expect(result.stdout).not.toContain(SECRET);
  expect(result.stderr).not.toContain(SECRET);
  if (!out) return;
  for (const [name, text] of await outputTexts(out)) {
    expect(text.includes(SECRET), `${name} carries the secret`).toBe(false);
  }
}
