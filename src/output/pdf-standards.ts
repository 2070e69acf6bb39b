/** PDF standards Typst can write; PDF/UA-1 (accessible) is the default. */
export const PDF_STANDARDS = [
  "ua-1",
  "a-1b",
  "a-2b",
  "a-2u",
  "a-3b",
  "a-3u",
  "a-4",
  "1.7",
  "2.0",
] as const;
export type PdfStandard = (typeof PDF_STANDARDS)[number];
