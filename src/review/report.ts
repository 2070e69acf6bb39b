import { Chalk } from "chalk";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { cut, maskPersonalData, redactText } from "../diagnostics/redact.js";
import { REPORTERS } from "../diagnostics/reporters/index.js";
import type { ReviewFinding } from "./map.js";
import type { ReviewKind } from "./read.js";

export const REVIEW_FORMATS = ["stylish", "json", "github"] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export interface ReviewReport {
  /** The DOCX as the user named it. */
  document: string;
  findings: readonly ReviewFinding[];
  /** Inputs changed since the build, no mapping found: said once, before the findings. */
  warnings: readonly Diagnostic[];
  /** Turns a data-root-relative file into one relative to the working directory. */
  pathPrefix: string;
  color: boolean;
}

/** Comment words and names may carry identity numbers: masked, and cut to a line's length. */
const safe = (text: string, max = 400) =>
  cut(maskPersonalData(text.replace(/\s+/g, " ").trim()), max);

const CODE: Record<ReviewKind, Diagnostic["code"]> = {
  comment: "review/comment",
  reply: "review/reply",
  insertion: "review/insertion",
  deletion: "review/deletion",
  move: "review/move",
};

/** "Anna Svensson, 2026-12-01: ”Stämmer siffran?” on ”21 751”". */
function sentence(f: ReviewFinding): string {
  const who = [f.author || "(no author)", f.date.slice(0, 10)].filter(Boolean).join(", ");
  const on = f.commented ? ` on ”${safe(f.commented, 80)}”` : "";
  const what = {
    comment: `”${safe(f.text)}”${on}`,
    reply: `”${safe(f.text)}”${on}`,
    insertion: `inserted ”${safe(f.text)}”`,
    deletion: `deleted ”${safe(f.text)}”`,
    move: `moved ”${safe(f.text)}” here`,
  }[f.kind];
  const via = f.source?.computation
    ? ` (${f.source.computation})`
    : f.source?.path
      ? ` (${f.source.path})`
      : "";
  const moved = f.changed ? " — the file has changed since the build: the line may have moved" : "";
  return `${who}: ${what}${via}${moved}`;
}

function diffLines(f: ReviewFinding): string[] {
  return f.diff ? [`- ${safe(f.diff.old, 2000)}`, `+ ${safe(f.diff.new, 2000)}`] : [];
}

/** "…under året [-framför allt -]handlat om…": the change in its line, for one-line annotations. */
export function inlineDiff(diff: { old: string; new: string }): string {
  let start = 0;
  while (start < diff.old.length && diff.old[start] === diff.new[start]) start++;
  let end = 0;
  while (
    end < diff.old.length - start &&
    end < diff.new.length - start &&
    diff.old[diff.old.length - 1 - end] === diff.new[diff.new.length - 1 - end]
  )
    end++;
  const removed = diff.old.slice(start, diff.old.length - end);
  const added = diff.new.slice(start, diff.new.length - end);
  const before = diff.old.slice(Math.max(0, start - 30), start);
  const after = diff.old.slice(diff.old.length - end, diff.old.length - end + 30);
  const change = `${removed ? `[-${removed}-]` : ""}${added ? `{+${added}+}` : ""}`;
  return safe(`${start > 30 ? "…" : ""}${before}${change}${after}${end > 30 ? "…" : ""}`);
}

function stylish(report: ReviewReport): string {
  const c = new Chalk({ level: report.color ? 1 : 0 });
  const lines: string[] = report.warnings.flatMap((w) => [
    `${c.yellow("warning")}  ${redactText(w.message)}  ${c.dim(w.code)}`,
    ...(w.hint ? [`         ${c.dim(`hint: ${redactText(w.hint)}`)}`] : []),
  ]);
  if (lines.length > 0) lines.push("");
  const groups = new Map<string, ReviewFinding[]>();
  for (const f of report.findings) {
    const key = f.source ? report.pathPrefix + f.source.file : "no source";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [file, found] of groups) {
    lines.push(c.underline(file));
    for (const f of found) {
      const where = f.source && f.source.line > 0 ? `${f.source.line}:${f.source.column}` : "-";
      lines.push(`  ${c.dim(where.padEnd(7))}  ${c.blue(f.kind.padEnd(9))}  ${sentence(f)}`);
      for (const d of diffLines(f))
        lines.push(`  ${" ".repeat(7)}  ${d.startsWith("-") ? c.red(d) : c.green(d)}`);
    }
    lines.push("");
  }
  lines.push(summary(report.findings, maskPersonalData(report.document)));
  return `${lines.join("\n")}\n`;
}

function summary(findings: readonly ReviewFinding[], document: string): string {
  const count = (kinds: ReviewKind[]) => findings.filter((f) => kinds.includes(f.kind)).length;
  const comments = count(["comment", "reply"]);
  const changes = count(["insertion", "deletion", "move"]);
  if (comments + changes === 0) return `No comments or tracked changes in ${document}.`;
  return `${comments} comment${comments === 1 ? "" : "s"} (${count(["reply"])} repl${count(["reply"]) === 1 ? "y" : "ies"}) and ${changes} tracked change${changes === 1 ? "" : "s"} in ${document}.`;
}

function json(report: ReviewReport): string {
  const findings = report.findings.map((f) => ({
    kind: f.kind,
    id: f.id,
    ...(f.parent !== undefined && { parent: f.parent }),
    author: maskPersonalData(f.author),
    date: maskPersonalData(f.date),
    text: maskPersonalData(f.text),
    commented: maskPersonalData(f.commented),
    file: f.source?.file ?? null,
    line: f.source?.line ?? 0,
    column: f.source?.column ?? 0,
    ...(f.source?.path && { path: f.source.path }),
    ...(f.source?.computation && { computation: f.source.computation }),
    changed: f.changed,
    ...(f.diff && {
      diff: { old: maskPersonalData(f.diff.old), new: maskPersonalData(f.diff.new) },
    }),
  }));
  const warnings = report.warnings.map((w) => ({ code: w.code, message: redactText(w.message) }));
  const document = maskPersonalData(report.document);
  return `${JSON.stringify({ document, findings, warnings }, null, 2)}\n`;
}

/** Workflow annotations on the source lines, through validate's github reporter. */
function github(report: ReviewReport): string {
  const diagnostics: Diagnostic[] = report.findings.map((f) => ({
    severity: "info",
    code: CODE[f.kind],
    message: sentence(f),
    file: f.source ? report.pathPrefix + f.source.file : report.document,
    line: f.source?.line ?? 0,
    column: f.source?.column ?? 0,
    ...(f.diff && { hint: `Suggested: ${inlineDiff(f.diff)}` }),
  }));
  const warnings = report.warnings.map((w) => ({ ...w, file: report.document }));
  return REPORTERS.github([...warnings, ...diagnostics], { color: false, pathPrefix: "" });
}

export const REVIEW_REPORTERS: Record<ReviewFormat, (report: ReviewReport) => string> = {
  stylish,
  json,
  github,
};
