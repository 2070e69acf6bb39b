import type { ReportModel } from "../model/index.js";
import type { FigureChange, ProseChange, SourceLine } from "./compare.js";
import { diff } from "./diff.js";

/** A changed input line with its text, on the side where it is. */
interface ChangedLine extends SourceLine {
  text: string;
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

/** Every input line that differs between the sides: added, removed or changed. */
export function changedLines(
  old: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
): ChangedLine[] {
  const found: ChangedLine[] = [];
  for (const file of [...new Set([...now.keys(), ...old.keys()])].sort()) {
    const a = splitLines(old.get(file) ?? "");
    const b = splitLines(now.get(file) ?? "");
    if (old.get(file) === now.get(file)) continue;
    for (const h of diff(a, b)) {
      const paired = Math.min(h.aEnd - h.aStart, h.bEnd - h.bStart);
      for (let i = h.bStart; i < h.bEnd; i++) {
        const change = i - h.bStart < paired ? "changed" : "added";
        found.push({ file, line: i + 1, change, text: b[i] ?? "" });
      }
      for (let i = h.aStart + paired; i < h.aEnd; i++)
        found.push({ file, line: i + 1, change: "removed", text: a[i] ?? "" });
    }
  }
  return found;
}

type Flat = Map<string, string | number | boolean | null>;

/** The model as path → value, without the chapters' source text. */
function flatten(value: unknown, path: string, out: Flat, seen: Set<unknown>): Flat {
  if (value === null || typeof value !== "object") {
    if (value !== undefined && typeof value !== "function") out.set(path, value as string);
    return out;
  }
  if (seen.has(value)) return out;
  seen.add(value);
  for (const [key, inner] of Object.entries(value)) {
    if (path === "" && key === "chapters") continue;
    flatten(inner, path ? `${path}.${key}` : key, out, seen);
  }
  seen.delete(value);
  return out;
}

export interface ModelChange {
  path: string;
  old: unknown;
  new: unknown;
}

export function modelChanges(old: ReportModel, now: ReportModel): ModelChange[] {
  const a = flatten(old, "", new Map(), new Set());
  const b = flatten(now, "", new Map(), new Set());
  const found: ModelChange[] = [];
  for (const path of new Set([...b.keys(), ...a.keys()]))
    if (a.get(path) !== b.get(path)) found.push({ path, old: a.get(path), new: b.get(path) });
  return found;
}

/** The input files a model value is computed from. */
function filesOf(path: string, year: number, models: readonly ReportModel[]): string[] {
  const [head, second, third] = path.split(".");
  const y = String(year);
  const operation = (list: "operations" | "countiesWithoutCentre") =>
    models.map((m) => m[list]?.[Number(second)]?.file).filter((f): f is string => !!f);
  if (head === "operations" || head === "countiesWithoutCentre") return operation(head);
  if (head === "rounds" && third === "operations") return [`${y}/counties/`];
  if (head === "themes") return [`${y}/themes.yaml`, `${y}/counties/`];
  if (head === "supportLine") return [`${y}/support-line/calls.csv`, "history/support-line.csv"];
  if (head === "finance" && second === "grants") return [`${y}/finance/grants.csv`];
  if (head === "finance" && second === "incomeStatement")
    return [`${y}/finance/income-statement.yaml`];
  if (head === "finance") return [`${y}/finance/appropriation.yaml`, `${y}/finance/grants.csv`];
  if (head === "operationCount" || head === "countyCount" || head === "rounds")
    return [`${y}/counties/`];
  return [`${y}/report.yaml`];
}

/** "21 751" → 21751, "−317" → -317, "12,5" → 12.5; undefined for anything else. */
export function swedishNumber(text: string): number | undefined {
  const t = text
    .replace(/[\u00a0 ]/g, "")
    .replace("−", "-")
    .replace(",", ".")
    .replace(/(kr|tkr|%)$/, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

const normal = (text: string) =>
  text
    .replace(/\\(.)/g, "$1")
    .replace(/[\u00a0\s]+/g, " ")
    .trim();

/** `needle` in `hay` as whole words or numbers, not as a part of one. */
function containsWhole(hay: string, needle: string): boolean {
  if (needle.length < 2) return false;
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const before = hay[at - 1] ?? " ";
    const after = hay[at + needle.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = hay.indexOf(needle, at + 1);
  }
  return false;
}

interface Evidence {
  old: string;
  new: string;
}

/**
 * Where a visible change comes from: input lines that now read (or read before) the changed
 * text itself; else the changed lines of the files the changed model values are computed from;
 * else every changed data line.
 */
export function sourcesOf(
  change: Evidence,
  lines: readonly ChangedLine[],
  model: readonly ModelChange[],
  year: number,
  models: readonly ReportModel[],
): SourceLine[] {
  const o = normal(change.old);
  const n = normal(change.new);
  const literal = lines.filter((l) =>
    l.change === "removed" ? containsWhole(normal(l.text), o) : containsWhole(normal(l.text), n),
  );
  if (literal.length > 0) return literal.map(strip);
  const oNum = swedishNumber(o);
  const nNum = swedishNumber(n);
  const matching = model.filter((m) =>
    oNum !== undefined || nNum !== undefined
      ? (m.old === oNum || oNum === undefined) && (m.new === nNum || nNum === undefined)
      : (typeof m.new === "string" && n !== "" && normal(m.new).includes(n)) ||
        (typeof m.old === "string" && o !== "" && normal(m.old).includes(o)),
  );
  const files = matching.flatMap((m) => filesOf(m.path, year, models));
  const fromModel = lines.filter((l) =>
    files.some((f) => l.file === f || (f.endsWith("/") && l.file.startsWith(f))),
  );
  if (fromModel.length > 0) return fromModel.map(strip);
  return lines.filter((l) => !l.file.includes("/chapters/")).map(strip);
}

function strip(line: ChangedLine): SourceLine {
  return { file: line.file, line: line.line, change: line.change };
}

export function trace(
  figures: FigureChange[],
  prose: ProseChange[],
  lines: readonly ChangedLine[],
  model: readonly ModelChange[],
  year: number,
  models: readonly ReportModel[],
): void {
  for (const f of figures) f.sources = sourcesOf(f, lines, model, year, models);
  for (const p of prose) {
    const longest = (kind: "old" | "new") =>
      p.segments
        .filter((s) => s.kind === kind)
        .map((s) => s.text)
        .sort((x, y) => y.length - x.length)[0] ?? "";
    p.sources = sourcesOf({ old: longest("old"), new: longest("new") }, lines, model, year, models);
  }
}
