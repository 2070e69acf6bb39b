import { z } from "zod";
import { prose } from "./common.js";

import { PROVENANCE_STATUSES } from "./provenance-statuses.js";

export { PROVENANCE_STATUSES, type ProvenanceStatus } from "./provenance-statuses.js";

const status = z
  .enum(PROVENANCE_STATUSES)
  .describe("published, preliminary, reconstructed eller illustrative");

const STATUS_OR_OBJECT =
  "Write published, preliminary, reconstructed or illustrative, or a mapping {status, note, fields}.";

/** A bare status is short for {status}: `provenance: reconstructed`. */
const statusOrObject = <T extends z.ZodObject>(object: T) =>
  z.union([status, object], { error: STATUS_OR_OBJECT });

const FieldProvenance = statusOrObject(
  z.strictObject({
    status,
    note: prose.optional().describe("Not under det som bygger på fältet (svenska)"),
  }),
);

/**
 * `provenance:` of a data file (in the file itself, or in report.yaml for a CSV file or image):
 * the file's status, a note for the report, and statuses of single fields (YAML keys, CSV columns).
 */
export const ProvenanceDeclaration = statusOrObject(
  z.strictObject({
    status: status.default("published"),
    note: prose.optional().describe("Not under det som bygger på filen (svenska)"),
    fields: z
      .record(z.string(), FieldProvenance)
      .default({})
      .describe("Fält (YAML-nyckel eller CSV-kolumn) med egen status"),
  }),
).describe("Uppgifternas ursprung: publicerade, preliminära, rekonstruerade eller påhittade");
export type ProvenanceDeclaration = z.infer<typeof ProvenanceDeclaration>;
