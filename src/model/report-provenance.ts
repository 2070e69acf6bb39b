import type { YearData } from "../load/dataset.js";
import type { OperationModel } from "./operations.js";
import { type Mark, noteOf, type ProvenanceIndex, type ProvenanceNote } from "./provenance.js";

/** Notes for every part of the report that can draw on figures that are not published. */
export interface ReportProvenance {
  supportLine: {
    /** Calls per year: the number of rows of this year's calls.csv. */
    years: ProvenanceNote | null;
    organisation: ProvenanceNote | null;
    county: ProvenanceNote | null;
    exposure: ProvenanceNote | null;
  };
  /** "Rapporterad av n av m verksamheter" under the success factors and the challenges. */
  successFactors: ProvenanceNote | null;
  challenges: ProvenanceNote | null;
  /** The table of all operations; its cells are marked through each operation's `unpublished`. */
  statusTable: ProvenanceNote | null;
  incomeStatement: ProvenanceNote | null;
  appropriation: ProvenanceNote | null;
  grants: ProvenanceNote | null;
  /** The year's own images (`figurer/<name>.svg` in report.yaml's provenance), by name. */
  images: Record<string, ProvenanceNote | null>;
}

const CALLS = "support-line/calls.csv";
/** The status table's columns and the status report keys they show. */
const STATUS_TABLE_FIELDS = ["operation", "round", "phase", "operational_since", "principal"];

function yearRelative(data: YearData, file: string): string {
  return file.startsWith(`${data.year}/`) ? file.slice(String(data.year).length + 1) : file;
}

/** Marks each operation's unpublished status-table fields and returns the notes of the report. */
export function reportProvenanceOf(
  data: YearData,
  index: ProvenanceIndex,
  operations: readonly OperationModel[],
): ReportProvenance {
  const calls = (fields: string[]) =>
    data.calls ? noteOf([...index.marks(CALLS, fields), ...index.callRowMarks()]) : null;
  const ofOperations = (fields: string[]) =>
    operations.flatMap((op) => index.marks(yearRelative(data, op.file), fields));
  const tableMarks: Mark[] = [];
  for (const op of operations) {
    const marks = index.marks(yearRelative(data, op.file), STATUS_TABLE_FIELDS);
    tableMarks.push(...marks);
    for (const m of marks) {
      const field = m.source.split("#")[1];
      if (field) op.unpublished[field] = true;
      else for (const f of STATUS_TABLE_FIELDS) op.unpublished[f] = true;
    }
  }
  const file = (rel: string, present: unknown) => (present ? noteOf(index.marks(rel)) : null);
  const images = Object.keys(data.report?.data.provenance ?? {})
    .filter((p) => /^figurer\/[^*/]+\.svg$/.test(p))
    .map((p) => [p.slice("figurer/".length, -".svg".length), noteOf(index.marks(p))] as const);
  return {
    supportLine: {
      years: calls([]),
      organisation: calls(["organisation"]),
      county: calls(["county"]),
      exposure: calls(["child_marriage", "abduction", "fgm"]),
    },
    successFactors: noteOf(ofOperations(["success_factors"])),
    challenges: noteOf(ofOperations(["challenges"])),
    statusTable: noteOf(tableMarks),
    incomeStatement: file("finance/income-statement.yaml", data.incomeStatement),
    appropriation: file("finance/appropriation.yaml", data.appropriation),
    grants: file("finance/grants.csv", data.grants),
    images: Object.fromEntries(images),
  };
}
