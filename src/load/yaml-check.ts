// Parsing and schema-checking a YAML data file: the part of loading that needs the yaml and zod
// packages, imported only when a file is not in the cache (see yaml-cache.ts).
import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CountyStatus } from "../schema/county-status.js";
import { Appropriation, IncomeStatement } from "../schema/finance.js";
import { ReportMeta } from "../schema/report.js";
import { Themes } from "../schema/themes.js";
import { checkAgainstSchema } from "../schema/validate.js";
import { parseYaml } from "./yaml.js";
import type { YamlPositions } from "./yaml-source.js";

export const SCHEMAS = {
  report: ReportMeta,
  themes: Themes,
  county: CountyStatus,
  "income-statement": IncomeStatement,
  appropriation: Appropriation,
} as const;

export type SchemaName = keyof typeof SCHEMAS;
export type SchemaOutput<N extends SchemaName> = z.output<(typeof SCHEMAS)[N]>;

/** A YAML file parsed and checked, as plain data: its value, positions, findings, checked data. */
export interface CheckedYaml {
  value: unknown;
  positions: YamlPositions;
  diagnostics: Diagnostic[];
  /** The schema's output; absent when the file has an error. */
  data?: unknown;
}

export function checkYaml(file: string, text: string, schema: SchemaName): CheckedYaml {
  const parsed = parseYaml(file, text);
  const base = {
    value: parsed.source.value,
    positions: parsed.positions,
    diagnostics: parsed.diagnostics,
  };
  // A refused character in a value is an error of its own: the file's values are still checked.
  const broken = parsed.diagnostics.some(
    (d) => d.severity === "error" && d.code !== "text/control-character",
  );
  if (broken) return base;
  const checked = checkAgainstSchema(SCHEMAS[schema], parsed.source);
  return {
    ...base,
    diagnostics: [...parsed.diagnostics, ...checked.diagnostics],
    ...(checked.data !== undefined && { data: checked.data }),
  };
}
