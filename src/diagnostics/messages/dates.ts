/** The hint of every date that cannot be read, in YAML and CSV alike. */
export const DATE_HINT_EN =
  "Expected a date YYYY-MM-DD that exists in the calendar, for example 2024-03-01.";
export const DATE_HINT_SV =
  "Skriv ett datum ÅÅÅÅ-MM-DD som finns i kalendern, till exempel 2024-03-01.";
