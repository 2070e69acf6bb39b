import { z } from "zod";
import { CountyStatus } from "./county-status.js";
import { Appropriation, IncomeStatement } from "./finance.js";
import { ReportMeta } from "./report.js";
import { Themes } from "./themes.js";

/** JSON Schemas of the YAML inputs, generated from the zod schemas that are the contract. */
export function jsonSchemas(): Record<string, unknown> {
  const schemas = {
    report: ReportMeta,
    county: CountyStatus,
    themes: Themes,
    "income-statement": IncomeStatement,
    appropriation: Appropriation,
  };
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    ]),
  );
}
