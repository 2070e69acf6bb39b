import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { type CallsSummary, loadCalls } from "./calls.js";
import { dataFile } from "./files.js";

/** Whether a year folder has its own support-line/calls.csv (which wins over its history row). */
export async function hasCallsFile(root: string, year: number): Promise<boolean> {
  return stat(path.join(root, String(year), "support-line", "calls.csv")).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * The calls.csv of every earlier year folder in the data root: a year with per-call data wins
 * over its history row in the series, and last year's exposure comes from it. Problems in
 * another year's file do not stop this year's build: that year falls back to history, and
 * its findings are returned as warnings.
 */
export async function loadEarlierCalls(
  rootDir: string,
  year: number,
): Promise<{ calls: Map<number, CallsSummary>; diagnostics: Diagnostic[] }> {
  const root = path.resolve(rootDir);
  const calls = new Map<number, CallsSummary>();
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return { calls, diagnostics };
  }
  const years = names
    .filter((n) => /^\d{4}$/.test(n) && Number(n) < year)
    .map(Number)
    .sort((a, b) => a - b);
  for (const earlier of years) {
    const file = dataFile(root, `${earlier}/support-line/calls.csv`);
    const isFile = await stat(file.abs).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) continue;
    const loaded = await loadCalls(file, earlier);
    const errors = loaded.diagnostics.filter((d) => d.severity === "error");
    if (loaded.summary && errors.length === 0) calls.set(earlier, loaded.summary);
    // A link out of the data folder stays an error: it is never a fallback case.
    diagnostics.push(...errors.filter((d) => d.code === "path/outside-data"));
    diagnostics.push(
      ...errors
        .filter((d) => d.code !== "path/outside-data")
        .map((d) => finding(d.code, d, { ...d.args, fallsBack: earlier } as never, "warning")),
    );
  }
  return { calls, diagnostics };
}
