// Apart from the schema (as provenance-statuses.ts), so that model/ and check/ can ask it
// without loading zod: a warm build reads status reports from the cache and never needs zod.
import type { CountyStatus } from "./county-status.js";

/** A status report with neither round nor phase is about a county without a centre. */
export function isWithoutCentre(report: Pick<CountyStatus, "round" | "phase">): boolean {
  return report.round === undefined && report.phase === undefined;
}
