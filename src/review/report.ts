import { Chalk } from "chalk";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { inLanguage, type Lang } from "../diagnostics/messages/index.js";
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
  /** The language the findings and warnings are worded in. */
  lang: Lang;
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

/** A reviewer's comment, reply or change as a finding at its source (words in messages/*-review.ts). */
function reviewFinding(f: ReviewFinding, file: string): Diagnostic {
  const source = f.source?.computation || f.source?.path;
  return finding(
    CODE[f.kind],
    { file, line: f.source?.line ?? 0, column: f.source?.column ?? 0 },
    {
      author: f.author,
      date: f.date.slice(0, 10),
      words: safe(f.text),
      ...(f.commented && { on: safe(f.commented, 80) }),
      ...(source && { source }),
      changed: f.changed,
      ...(f.diff && { suggested: inlineDiff(f.diff) }),
    },
  );
}

/** The finding's message in the report's language: "Anna Svensson, 2026-12-01: ”…” on ”…”". */
function sentence(f: ReviewFinding, lang: Lang): string {
  return inLanguage(reviewFinding(f, ""), lang).message;
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
  const lines: string[] = report.warnings
    .map((w) => inLanguage(w, report.lang))
    .flatMap((w) => [
      `${c.yellow("warning")}  ${redactText(w.message)}  ${c.dim(w.code)}`,
      ...(w.hint ? [`         ${c.dim(`hint: ${redactText(w.hint)}`)}`] : []),
    ]);
  if (lines.length > 0) lines.push("");
  const groups = new Map<string, ReviewFinding[]>();
  for (const f of report.findings) {
    const key = f.source ? report.pathPrefix + f.source.file : "no source";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  // As validate's stylish: files in the order the document meets them, findings by line within.
  const place = (f: ReviewFinding) => [f.source?.line ?? 0, f.source?.column ?? 0] as const;
  const byLine = (a: ReviewFinding, b: ReviewFinding) =>
    place(a)[0] - place(b)[0] || place(a)[1] - place(b)[1];
  for (const [file, found] of groups) {
    lines.push(c.underline(file));
    for (const f of [...found].sort(byLine)) {
      const where = f.source && f.source.line > 0 ? `${f.source.line}:${f.source.column}` : "-";
      lines.push(
        `  ${c.dim(where.padEnd(7))}  ${c.blue(f.kind.padEnd(9))}  ${sentence(f, report.lang)}`,
      );
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
  const warnings = report.warnings.map((w) => ({
    code: w.code,
    message: redactText(inLanguage(w, report.lang).message),
  }));
  const document = maskPersonalData(report.document);
  return `${JSON.stringify({ document, findings, warnings }, null, 2)}\n`;
}

/** Workflow annotations on the source lines, through validate's github reporter. */
function github(report: ReviewReport): string {
  const diagnostics = report.findings.map((f) =>
    reviewFinding(f, f.source ? report.pathPrefix + f.source.file : report.document),
  );
  const warnings = report.warnings.map((w) => ({ ...w, file: report.document }));
  return REPORTERS.github([...warnings, ...diagnostics], {
    color: false,
    pathPrefix: "",
    lang: report.lang,
  });
}

export const REVIEW_REPORTERS: Record<ReviewFormat, (report: ReviewReport) => string> = {
  stylish,
  json,
  github,
};
