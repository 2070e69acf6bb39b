import { Chalk } from "chalk";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Segment, SourceLine } from "./compare.js";
import type { ReportChanges } from "./index.js";

/** Long unchanged stretches are cut to their words nearest the change. */
const KEEP_WORDS = 10;

function shorten(segments: readonly Segment[]): Segment[] {
  return segments.map((s, i) => {
    if (s.kind !== "same") return s;
    const words = s.text.split(/(?<=\s)/);
    if (words.length <= KEEP_WORDS * 2) return s;
    const first = i === 0;
    const last = i === segments.length - 1;
    if (first) return { ...s, text: `…${words.slice(-KEEP_WORDS).join("")}` };
    if (last) return { ...s, text: `${words.slice(0, KEEP_WORDS).join("")}…` };
    return {
      ...s,
      text: `${words.slice(0, KEEP_WORDS).join("")}… ${words.slice(-KEEP_WORDS).join("")}`,
    };
  });
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ¶ ").trim();

export function sourceText(s: SourceLine, prefix = ""): string {
  return `${prefix}${s.file}:${s.line} (${s.change} line)`;
}

function sourcesText(sources: readonly SourceLine[], prefix: string, max = 5): string {
  const shown = sources.slice(0, max).map((s) => sourceText(s, prefix));
  if (sources.length > max) shown.push(`and ${sources.length - max} more`);
  return shown.length > 0 ? shown.join(", ") : "no changed input line (a template or the tool)";
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(changes: ReportChanges): string {
  return `${count(changes.figures.length, "figure", "figures")}, ${count(changes.prose.length, "prose edit", "prose edits")}, ${count(changes.findings.added.length, "new finding", "new findings")}, ${changes.findings.gone.length} gone`;
}

const NOTHING = "Nothing a reader of the report would see has changed.";

function isEmpty(changes: ReportChanges): boolean {
  const { figures, prose, findings } = changes;
  return figures.length + prose.length + findings.added.length + findings.gone.length === 0;
}

function findingLine(d: Diagnostic, prefix: string): string {
  return `${d.severity} ${d.code} ${prefix}${d.file}:${d.line}:${d.column} ${d.message}`;
}

/** The terminal view: git's word-diff marks ([-old-]{+new+}), coloured on a terminal. */
export function terminal(
  changes: ReportChanges,
  options: { color: boolean; pathPrefix: string },
): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const marked = (segments: readonly Segment[]) =>
    oneLine(
      shorten(segments)
        .map((s) =>
          s.kind === "same"
            ? s.text
            : s.kind === "old"
              ? c.red(`[-${s.text}-]`)
              : c.green(`{+${s.text}+}`),
        )
        .join(""),
    );
  const out = [
    `Changes to the ${changes.year} report since ${changes.since} (${changes.commit})`,
    "",
  ];
  if (changes.newYear)
    out.push(`${changes.year} has no folder at ${changes.since}: the whole year is new.`, "");
  const heading = (title: string) => {
    if (out.at(-1) !== "") out.push("");
    out.push(c.bold(title));
  };
  if (changes.figures.length > 0) heading("Figures");
  for (const f of changes.figures) {
    out.push(`  ${f.section} — ${f.where}`);
    out.push(`    ${c.red(f.old || "–")} → ${c.green(f.new || "–")}   ${marked(f.context)}`);
    out.push(c.dim(`      from ${sourcesText(f.sources, options.pathPrefix)}`));
  }
  if (changes.prose.length > 0) heading("Prose");
  for (const p of changes.prose) {
    out.push(
      `  ${p.section}`,
      `    ${marked(p.segments)}`,
      c.dim(`      from ${sourcesText(p.sources, options.pathPrefix)}`),
    );
  }
  const { added, gone } = changes.findings;
  if (added.length + gone.length > 0) heading("Findings of validate");
  for (const d of added) out.push(`  new   ${findingLine(d, options.pathPrefix)}`);
  for (const d of gone) out.push(`  gone  ${findingLine(d, options.pathPrefix)}`);
  if (out.at(-1) !== "") out.push("");
  out.push(isEmpty(changes) ? NOTHING : summary(changes), "");
  return out.join("\n");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** Text of the report shown in Markdown: its own marks would format the summary. */
const mdText = (text: string) => text.replace(/([\\`*_[\]<>#~|])/g, "\\$1");

/** GitHub job summary or pull-request comment: deleted text struck through, new text in bold. */
export function markdown(changes: ReportChanges, options: { pathPrefix: string }): string {
  const marked = (segments: readonly Segment[]) =>
    oneLine(
      shorten(segments)
        .map((s, i, all) => {
          const t = mdText(s.text);
          if (s.kind === "same" || t.trim() === "") return t;
          const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(t) as RegExpExecArray;
          // Struck-out and bold text side by side need a space to read as two words.
          const gap = s.kind === "old" && trail === "" && all[i + 1]?.kind === "new" ? " " : trail;
          return `${lead}${s.kind === "old" ? `~~${core}~~` : `**${core}**`}${gap}`;
        })
        .join(""),
    );
  const src = (sources: readonly SourceLine[]) =>
    sourcesText(sources, options.pathPrefix).replace(/(\S+:\d+)/g, "`$1`");
  const out = [
    `### Changes to the ${changes.year} report since \`${changes.since}\` (${changes.commit})`,
    "",
  ];
  if (changes.newYear)
    out.push(`${changes.year} has no folder at \`${changes.since}\`: the whole year is new.`, "");
  if (changes.figures.length > 0) {
    out.push(
      "#### Figures",
      "",
      "| section | where | old | new | in context | source |",
      "|---|---|--:|--:|---|---|",
    );
    for (const f of changes.figures)
      out.push(
        `| ${cell(mdText(f.section))} | ${cell(mdText(f.where))} | ${cell(mdText(f.old)) || "–"} | ${cell(mdText(f.new)) || "–"} | ${cell(marked(f.context))} | ${cell(src(f.sources))} |`,
      );
    out.push("");
  }
  if (changes.prose.length > 0) {
    out.push("#### Prose", "");
    for (const p of changes.prose)
      out.push(`- **${mdText(p.section)}** (${src(p.sources)}): ${marked(p.segments)}`);
    out.push("");
  }
  const { added, gone } = changes.findings;
  if (added.length + gone.length > 0) {
    out.push("#### Findings of validate", "");
    for (const d of added) out.push(`- new: ${mdText(findingLine(d, options.pathPrefix))}`);
    for (const d of gone) out.push(`- gone: ${mdText(findingLine(d, options.pathPrefix))}`);
    out.push("");
  }
  out.push(isEmpty(changes) ? NOTHING : `${summary(changes)}.`, "");
  return out.join("\n");
}

export function json(changes: ReportChanges): string {
  return `${JSON.stringify(changes, null, 2)}\n`;
}
