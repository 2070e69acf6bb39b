import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type Document, parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { decodeInput } from "../load/input-text.js";
import type { OutputFile } from "../output/write.js";
import { markLiteralNumbers } from "./chapters.js";
import {
  ALL_COUNTIES_FROM,
  countiesMissing,
  countyOf,
  countySlug,
  countyWithoutCentre,
  nextCountyStatus,
} from "./counties.js";
import { headerOnly, nextFinance } from "./finance.js";
import { nextReport } from "./report.js";
import { stringify, ToDos } from "./todo.js";

/** The new year's folder, in memory: nothing is written until all of it is made. */
export interface NewYear {
  files: OutputFile[];
  /** How many to-dos were written (each one an error of validate). */
  todos: number;
  chapters: number;
  statusReports: number;
  /** Counties without a centre given a status report to fill in. */
  addedCounties: string[];
  /** Files of the old folder that are not carried (README.md …). */
  notCarried: string[];
  diagnostics: Diagnostic[];
}

/** Folders and files of a year that init knows how to carry. */
const CARRIED =
  /^(report\.yaml|themes\.yaml|chapters\/.+|figurer\/.+|counties\/[^/]+\.ya?ml|finance\/(income-statement|appropriation)\.yaml|finance\/grants\.csv|support-line\/calls\.csv)$/;

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) return listFiles(dir, rel);
      return e.isFile() ? [rel] : [];
    }),
  );
  return nested.flat().sort();
}

/** The years with a folder under the data root, ascending. */
export async function yearsIn(root: string): Promise<number[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name))
    .map((e) => Number(e.name))
    .sort((a, b) => a - b);
}

function parseYaml(text: string, rel: string, diagnostics: Diagnostic[]): Document | undefined {
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (!error) return doc;
  diagnostics.push(
    finding(
      "yaml/syntax",
      { file: rel, line: error.linePos?.[0].line ?? 1, column: error.linePos?.[0].col ?? 1 },
      { detail: error.message.split("\n")[0] ?? "The YAML cannot be parsed.", problem: "init" },
    ),
  );
  return undefined;
}

/** Makes the new year's files from the previous year's folder `<root>/<from>`. */
export async function initYear(root: string, from: number, year: number): Promise<NewYear> {
  const fromDir = path.join(root, String(from));
  const rels = await listFiles(fromDir);
  const made: NewYear = {
    files: [],
    todos: 0,
    chapters: 0,
    statusReports: 0,
    addedCounties: [],
    notCarried: rels.filter((r) => !CARRIED.test(r)),
    diagnostics: [],
  };
  const todos = new ToDos();
  const present = new Set<string>();
  for (const rel of rels.filter((r) => CARRIED.test(r))) {
    const bytes = await readFile(path.join(fromDir, rel));
    const text = () => decodeInput(bytes) ?? bytes.toString("utf8");
    const yaml = (edit: (doc: Document) => void) => {
      const doc = parseYaml(text(), `${from}/${rel}`, made.diagnostics);
      if (!doc) return;
      // Provenance marks describe last year's figures; the new year's data starts published.
      doc.delete("provenance");
      edit(doc);
      made.files.push({ name: rel, bytes: stringify(doc) });
    };
    if (rel === "report.yaml") yaml((doc) => nextReport(doc, from, year, todos));
    else if (rel.startsWith("counties/")) {
      made.statusReports++;
      yaml((doc) => {
        const county = countyOf(doc);
        if (county) present.add(county.code);
        nextCountyStatus(doc, year, todos);
      });
    } else if (rel.startsWith("finance/") && rel.endsWith(".yaml"))
      yaml((doc) => nextFinance(doc, from, year, todos));
    else if (rel.endsWith(".csv")) made.files.push({ name: rel, bytes: headerOnly(text()) });
    else if (rel.startsWith("chapters/") && rel.endsWith(".md")) {
      const marked = markLiteralNumbers(text().replace(/^\uFEFF/, ""), from);
      todos.count += marked.marked;
      made.chapters++;
      made.files.push({ name: rel, bytes: marked.text });
    } else made.files.push({ name: rel, bytes });
  }
  if (year >= ALL_COUNTIES_FROM && present.size > 0) {
    for (const county of countiesMissing(present)) {
      const name = `counties/${countySlug(county)}.yaml`;
      if (made.files.some((f) => f.name === name)) continue;
      made.files.push({ name, bytes: countyWithoutCentre(county) });
      made.addedCounties.push(county.name);
      todos.count++;
    }
  }
  made.todos = todos.count;
  return made;
}
