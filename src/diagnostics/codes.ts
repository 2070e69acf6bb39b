// The table is data, one row per code: its default severity and a one-line summary.
import table from "./codes.json" with { type: "json" };
import type { Severity } from "./diagnostic.js";

interface CodeInfo {
  severity: Severity;
  summary: string;
}

/**
 * Every diagnostic code the tool can emit, with its default severity.
 * Codes are user-facing API (CI scripts filter on them): never rename one.
 */
export type DiagnosticCode = keyof typeof table;

export const CODES: Readonly<Record<DiagnosticCode, CodeInfo>> = table as Record<
  DiagnosticCode,
  CodeInfo
>;

export function defaultSeverity(code: DiagnosticCode): Severity {
  return CODES[code].severity;
}
