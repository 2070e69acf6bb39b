import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import type { YamlSource } from "../load/yaml-source.js";
import type { ProvenanceDeclaration } from "../schema/provenance.js";

function fieldFindings(
  declaration: ProvenanceDeclaration,
  known: readonly string[],
  source: YamlSource,
  path: (string | number)[],
): Diagnostic[] {
  if (typeof declaration === "string") return [];
  return Object.keys(declaration.fields)
    .filter((field) => !known.includes(field))
    .map((field) =>
      finding(
        "provenance/unknown-source",
        { file: source.file, ...source.locateKey([...path, "fields"], field) },
        { problem: "field", field, known: [...known] },
      ),
    );
}

/** Declarations that name no file or field of the year: a mark that silently marks nothing. */
export async function checkProvenance(data: YearData): Promise<Diagnostic[]> {
  const files = [...data.counties, data.themes, data.incomeStatement, data.appropriation];
  const declared = Object.keys(data.report?.data.provenance ?? {}).length > 0;
  if (!declared && !files.some((file) => file?.data.provenance)) return [];
  const { FIELDS } = await import("./provenance-fields.js");
  return findings(data, FIELDS);
}

function findings(data: YearData, FIELDS: readonly [RegExp, readonly string[]][]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const prefix = `${data.year}/`;
  const files = data.inputs
    .filter((f) => f.rel.startsWith(prefix))
    .map((f) => f.rel.slice(prefix.length));
  const report = data.report;
  for (const [path, declaration] of Object.entries(report?.data.provenance ?? {})) {
    if (!report || path.startsWith("figurer/")) continue;
    const match = new RegExp(
      `^${path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`,
    );
    const known = FIELDS.find(([kind]) => kind.test(path.replace(/\*/g, "x")))?.[1] ?? [];
    if (!files.some((f) => match.test(f))) {
      found.push(
        finding(
          "provenance/unknown-source",
          { file: report.source.file, ...report.source.locateKey(["provenance"], path) },
          { problem: "file", path, year: data.year },
        ),
      );
    } else found.push(...fieldFindings(declaration, known, report.source, ["provenance", path]));
  }
  for (const file of [...data.counties, data.themes, data.incomeStatement, data.appropriation]) {
    const declaration = file?.data.provenance;
    if (!file || !declaration) continue;
    const rel = file.source.file.slice(prefix.length);
    const known = FIELDS.find(([kind]) => kind.test(rel))?.[1] ?? [];
    found.push(...fieldFindings(declaration, known, file.source, ["provenance"]));
  }
  return found;
}
