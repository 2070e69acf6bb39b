import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openCache } from "../cache.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareCharts } from "./charts.js";
import { compareTables, compareText, type FigureChange, type ProseChange } from "./compare.js";
import { readDocument } from "./document.js";
import { oldTree } from "./git.js";
import { buildSide, type Side, type SideFailure } from "./side.js";
import { changedLines, modelChanges, trace } from "./trace.js";

export interface ReportChanges {
  year: number;
  since: string;
  commit: string;
  /** The year's folder did not exist at `since`: nothing to compare. */
  newYear: boolean;
  figures: FigureChange[];
  prose: ProseChange[];
  findings: { added: Diagnostic[]; gone: Diagnostic[] };
}

/** A side that cannot be built: which one, and its errors (none: the year has no folder). */
export class SideError extends Error {
  constructor(
    side: string,
    readonly errors: Diagnostic[],
  ) {
    super(
      errors.length > 0
        ? `The report ${side} cannot be built (its errors are above), so there is nothing to compare.`
        : `There is no folder for the report ${side}.`,
    );
  }
}

/** Changes in reading order: by the section they are in, as the new report orders them. */
function inReadingOrder<T extends { section: string }>(
  changes: T[],
  blocks: readonly { section: string }[],
): T[] {
  const order = new Map<string, number>();
  for (const [i, b] of blocks.entries()) if (!order.has(b.section)) order.set(b.section, i);
  const at = (c: T) => order.get(c.section) ?? Number.MAX_SAFE_INTEGER;
  return changes
    .map((c, i) => ({ c, i }))
    .sort((x, y) => at(x.c) - at(y.c) || x.i - y.i)
    .map((x) => x.c);
}

function findingKey(d: Diagnostic): string {
  return [d.severity, d.code, d.file, d.message].join("\u0000");
}

/** Findings on one side and not the other (positions move with edits, so they are not compared). */
function findingsDiff(old: readonly Diagnostic[], now: readonly Diagnostic[]) {
  const count = (list: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) counts.set(findingKey(d), (counts.get(findingKey(d)) ?? 0) + 1);
    return counts;
  };
  const only = (list: readonly Diagnostic[], other: Map<string, number>) =>
    list.filter((d) => {
      const left = other.get(findingKey(d)) ?? 0;
      other.set(findingKey(d), left - 1);
      return left <= 0;
    });
  return { added: only(now, count(old)), gone: only(old, count(now)) };
}

function isSide(side: Side | SideFailure): side is Side {
  return "model" in side;
}

/**
 * `changes`: the report built at `since` (from git's objects) and from the working tree,
 * compared as a reader sees it — figures, prose, findings — each change traced to its input.
 */
export async function reportChanges(
  dataRoot: string,
  year: number,
  since: string,
): Promise<ReportChanges> {
  const root = path.resolve(dataRoot);
  const tree = await oldTree(root, since, year);
  // The old side's files live in a temporary folder: its YAML cache entries would only pile up.
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), "nch-report-changes-cache-"));
  const cache = openCache();
  try {
    const [before, now] = await Promise.all([
      buildSide(tree.root, year, { ...cache, yaml: openCache(cacheDir).yaml }),
      buildSide(root, year, cache),
    ]);
    const base = { year, since, commit: tree.shortCommit };
    if (!isSide(now)) {
      throw new SideError(`of ${year} in the working tree`, now.missing ? [] : now.errors);
    }
    if (!isSide(before)) {
      if (before.missing)
        return {
          ...base,
          newYear: true,
          figures: [],
          prose: [],
          findings: { added: now.diagnostics, gone: [] },
        };
      throw new SideError(`of ${year} at ${since}`, before.errors);
    }
    const oldBlocks = readDocument(before.markdown);
    const newBlocks = readDocument(now.markdown);
    const text = compareText(oldBlocks, newBlocks);
    const figures = inReadingOrder(
      [
        ...text.figures,
        ...compareTables(oldBlocks, newBlocks),
        ...compareCharts(oldBlocks, newBlocks, before.model, now.model),
      ],
      newBlocks,
    );
    trace(
      figures,
      text.prose,
      changedLines(before.inputs, now.inputs),
      modelChanges(before.model, now.model),
      year,
      [now.model, before.model],
    );
    return {
      ...base,
      newYear: false,
      figures,
      prose: text.prose,
      findings: findingsDiff(before.diagnostics, now.diagnostics),
    };
  } finally {
    await Promise.all([tree.remove(), rm(cacheDir, { recursive: true, force: true })]);
  }
}
