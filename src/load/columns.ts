// The columns of the CSV inputs: what the loaders read and the provenance rule names.
import type { CsvColumn } from "./csv.js";

export const CALL_COLUMNS: readonly CsvColumn[] = [
  { name: "date", required: true },
  { name: "organisation", required: true },
  { name: "county", required: true },
  { name: "child_marriage", required: true },
  { name: "abduction", required: true },
  { name: "fgm", required: true },
  { name: "id", required: false },
  { name: "provenance", required: false },
];

export const GRANT_COLUMNS: readonly CsvColumn[] = [
  { name: "amount", required: true },
  { name: "round", required: true },
  { name: "recipient", required: true },
  { name: "paid", required: true },
  { name: "operation", required: false },
];
