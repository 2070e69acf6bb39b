import { Chalk } from "chalk";
import { countBySeverity, type Diagnostic } from "../diagnostic.js";
import { redacting } from "../redact.js";
import type { Reporter } from "./types.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Grouped by file, one line per finding, a summary line at the end — the ESLint look. */
export const stylish: Reporter = redacting((diagnostics, { color, pathPrefix }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const severityText = {
    error: c.red("error"),
    warning: c.yellow("warning"),
    info: c.blue("info"),
  };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);

  const lines: string[] = [];
  for (const [file, found] of byFile) {
    lines.push(c.underline(pathPrefix + file));
    for (const d of found) {
      const where = d.line > 0 ? `${d.line}:${d.column}` : "-";
      const padding = " ".repeat(Math.max(0, 7 - d.severity.length));
      lines.push(
        `  ${c.dim(where.padEnd(7))}  ${severityText[d.severity]}${padding}  ${d.message}  ${c.dim(d.code)}`,
      );
      if (d.hint) lines.push(`  ${" ".repeat(7)}  ${c.dim(`hint: ${d.hint}`)}`);
    }
    lines.push("");
  }
  const { errors, warnings, infos } = countBySeverity(diagnostics);
  const total = errors + warnings + infos;
  if (total === 0) {
    lines.push(c.green("✔ No problems found."));
  } else {
    const summary = `✖ ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}, ${infos} info)`;
    lines.push(errors > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
  }
  return `${lines.join("\n")}\n`;
});
