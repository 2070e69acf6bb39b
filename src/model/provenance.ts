import type { YearData } from "../load/dataset.js";
import type { ProvenanceDeclaration, ProvenanceStatus } from "../schema/provenance.js";

export type Unpublished = Exclude<ProvenanceStatus, "published">;

/** The visible note under a table, chart or line that draws on figures that are not published. */
export interface ProvenanceNote {
  /** The strongest status among the sources: illustrative > reconstructed > preliminary. */
  status: Unpublished;
  /** "rekonstruerad uppgift": for a short mark beside a figure. */
  label: string;
  /** The note as printed: the declarations' notes (or a default sentence), each once. */
  text: string;
  /** What it draws on, relative to the data root: "2023/support-line/calls.csv#organisation". */
  sources: string[];
}

const STRENGTH: Record<Unpublished, number> = { preliminary: 1, reconstructed: 2, illustrative: 3 };
const LABELS: Record<Unpublished, string> = {
  preliminary: "preliminär uppgift",
  reconstructed: "rekonstruerad uppgift",
  illustrative: "påhittad uppgift",
};
const PLURAL: Record<Unpublished, string> = {
  preliminary: "preliminära",
  reconstructed: "rekonstruerade",
  illustrative: "påhittade",
};
const DEFAULT_NOTES: Record<Unpublished, string> = {
  preliminary: "Uppgifterna är preliminära och kan komma att ändras.",
  reconstructed: "Uppgifterna är rekonstruerade och har inte publicerats.",
  illustrative: "Uppgifterna är påhittade (exempeldata).",
};

/** One non-published source a note is made of. */
export interface Mark {
  status: Unpublished;
  note: string | undefined;
  source: string;
}

interface Normalised {
  status: ProvenanceStatus;
  note: string | undefined;
  fields: Record<string, { status: ProvenanceStatus; note: string | undefined }>;
}

function normalise(declaration: ProvenanceDeclaration): Normalised {
  if (typeof declaration === "string") return { status: declaration, note: undefined, fields: {} };
  const fields = Object.fromEntries(
    Object.entries(declaration.fields).map(([name, field]) => [
      name,
      typeof field === "string"
        ? { status: field, note: undefined }
        : { status: field.status, note: field.note },
    ]),
  );
  return { status: declaration.status, note: declaration.note, fields };
}

/** `counties/*.yaml` → a pattern over one path segment per `*`. */
function pattern(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*");
  return new RegExp(`^${escaped}$`);
}

/** Every declaration of the year: report.yaml's by path, and each YAML file's own `provenance:`. */
export class ProvenanceIndex {
  private readonly declarations: { match: RegExp; declaration: Normalised }[] = [];

  constructor(private readonly data: YearData) {
    const prefix = `${data.year}/`;
    for (const [path, declaration] of Object.entries(data.report?.data.provenance ?? {}))
      this.declarations.push({ match: pattern(path), declaration: normalise(declaration) });
    const own = [...data.counties, data.themes, data.incomeStatement, data.appropriation].flatMap(
      (f) => (f?.data.provenance ? [{ file: f.source.file, decl: f.data.provenance }] : []),
    );
    for (const { file, decl } of own)
      this.declarations.push({
        match: pattern(file.startsWith(prefix) ? file.slice(prefix.length) : file),
        declaration: normalise(decl),
      });
  }

  /** The non-published marks of a file (relative to the year folder) and of the given fields of it. */
  marks(file: string, fields: readonly string[] = []): Mark[] {
    const source = `${this.data.year}/${file}`;
    const marks: Mark[] = [];
    for (const { match, declaration } of this.declarations) {
      if (!match.test(file)) continue;
      if (declaration.status !== "published")
        marks.push({ status: declaration.status, note: declaration.note, source });
      for (const field of fields) {
        const f = declaration.fields[field];
        if (f && f.status !== "published")
          marks.push({ status: f.status, note: f.note, source: `${source}#${field}` });
      }
    }
    return marks;
  }

  /** Calls whose own row says they are not published (calls.csv's `provenance` column). */
  callRowMarks(): Mark[] {
    const calls = this.data.calls;
    if (!calls) return [];
    return (Object.entries(calls.unpublished ?? {}) as [Unpublished, number][]).map(
      ([status, n]) => ({
        status,
        note: `${n} av ${calls.calls} samtal är ${PLURAL[status]}.`,
        source: `${calls.file}#provenance`,
      }),
    );
  }
}

/** One note from several marks, or null when everything it draws on is published. */
export function noteOf(marks: readonly Mark[]): ProvenanceNote | null {
  if (marks.length === 0) return null;
  const status = marks.reduce<Unpublished>(
    (strongest, m) => (STRENGTH[m.status] > STRENGTH[strongest] ? m.status : strongest),
    "preliminary",
  );
  const texts = [...new Set(marks.map((m) => m.note ?? DEFAULT_NOTES[m.status]))];
  return {
    status,
    label: LABELS[status],
    text: texts.join(" "),
    sources: [...new Set(marks.map((m) => m.source))],
  };
}
