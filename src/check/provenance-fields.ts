// The fields each kind of data file has: read from the schemas, so loaded (with zod) only when a
// year declares provenance; a build of a year without declarations never loads zod.
import { CALL_COLUMNS, GRANT_COLUMNS } from "../load/columns.js";
import { CountyStatus } from "../schema/county-status.js";
import { Appropriation, IncomeStatement } from "../schema/finance.js";
import { Themes } from "../schema/themes.js";

/** The fields (CSV columns, YAML keys) each kind of data file has, by its path in the year folder. */
export const FIELDS: [RegExp, readonly string[]][] = [
  [/^support-line\/calls\.csv$/, CALL_COLUMNS.map((c) => c.name)],
  [/^finance\/grants\.csv$/, GRANT_COLUMNS.map((c) => c.name)],
  [/^counties\/[^/]*\.ya?ml$/, Object.keys(CountyStatus.shape)],
  [/^finance\/income-statement\.yaml$/, Object.keys(IncomeStatement.shape)],
  [/^finance\/appropriation\.yaml$/, Object.keys(Appropriation.shape)],
  [/^themes\.yaml$/, Object.keys(Themes.shape)],
];
