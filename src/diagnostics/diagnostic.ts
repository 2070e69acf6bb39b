import type { DiagnosticCode } from "./codes.js";

export type Severity = "error" | "warning" | "info";

/** A finding about the input: data, never words on a terminal (reporters do that). */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Relative to the data root, forward slashes. */
  file: string;
  /** 1-based; 0 when the finding is about the whole file or folder. */
  line: number;
  column: number;
  hint?: string;
  /** The values the words are made from (args.ts); stored masked and cut, safe to print. */
  args: object;
}

export interface Position {
  line: number;
  column: number;
}

export const FILE_START: Position = { line: 1, column: 1 };

export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, then position, then severity and code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file, "en") ||
      a.line - b.line ||
      a.column - b.column ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.code.localeCompare(b.code, "en"),
  );
}
