import { Chalk } from "chalk";
import { countBySeverity, type Diagnostic } from "../diagnostic.js";
import { redacting } from "../redact.js";
import type { Reporter } from "./types.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The reporter's own words: the severities, the hint label and the summary line. */
const WORDS = {
  en: {
    severity: { error: "error", warning: "warning", info: "info" },
    hint: "hint",
    clean: "No problems found.",
    summary: (total: number, errors: number, warnings: number, infos: number) =>
      `${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info)`,
  },
  sv: {
    severity: { error: "fel", warning: "varning", info: "info" },
    hint: "tips",
    clean: "Inga problem hittades.",
    summary: (total: number, errors: number, warnings: number, infos: number) =>
      `${total} problem (${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}, ${infos} info)`,
  },
} as const;

/** Grouped by file, one line per finding, a summary line at the end — the ESLint look. */
export const stylish: Reporter = redacting((diagnostics, { color, pathPrefix, lang }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const words = WORDS[lang ?? "en"];
  const severityText = {
    error: c.red(words.severity.error),
    warning: c.yellow(words.severity.warning),
    info: c.blue(words.severity.info),
  };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);

  const lines: string[] = [];
  for (const [file, found] of byFile) {
    lines.push(c.underline(pathPrefix + file));
    for (const d of found) {
      const where = d.line > 0 ? `${d.line}:${d.column}` : "-";
      const padding = " ".repeat(Math.max(0, 7 - words.severity[d.severity].length));
      lines.push(
        `  ${c.dim(where.padEnd(7))}  ${severityText[d.severity]}${padding}  ${d.message}  ${c.dim(d.code)}`,
      );
      if (d.hint) lines.push(`  ${" ".repeat(7)}  ${c.dim(`${words.hint}: ${d.hint}`)}`);
    }
    lines.push("");
  }
  const { errors, warnings, infos } = countBySeverity(diagnostics);
  const total = errors + warnings + infos;
  if (total === 0) {
    lines.push(c.green(`✔ ${words.clean}`));
  } else {
    const summary = `✖ ${words.summary(total, errors, warnings, infos)}`;
    lines.push(errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join("\n")}\n`;
});
