// The columns of the CSV inputs: what the loaders read and the provenance rule names.
import type { CsvColumn } from "./csv.js";

/** The required columns, then the optional ones, in the order the contract lists them. */
function columns(required: readonly string[], optional: readonly string[]): readonly CsvColumn[] {
  return [
    ...required.map((name) => ({ name, required: true })),
    ...optional.map((name) => ({ name, required: false })),
  ];
}

export const CALL_COLUMNS = columns(
  ["date", "organisation", "county", "child_marriage", "abduction", "fgm"],
  ["id", "provenance"],
);

export const GRANT_COLUMNS = columns(["amount", "round", "recipient", "paid"], ["operation"]);

export const HISTORY_COLUMNS = columns(
  ["year", "cases"],
  ["exposed_persons", "child_marriage", "abduction", "fgm", "note"],
);
