// Apart from the schema, so that the loader reads calls.csv's status column without loading zod.
/** Where a figure comes from: only "published" may be presented without a note. */
export const PROVENANCE_STATUSES = [
  "published",
  "preliminary",
  "reconstructed",
  "illustrative",
] as const;
export type ProvenanceStatus = (typeof PROVENANCE_STATUSES)[number];
