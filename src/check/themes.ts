import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { YearData } from "../load/dataset.js";
import { didYouMean } from "../text/did-you-mean.js";

const KINDS = ["success_factors", "challenges"] as const;
type Kind = (typeof KINDS)[number];

/** Ids unique across themes.yaml: they are anchors in the report as well as references. */
function duplicateIds(data: YearData): Diagnostic[] {
  const themes = data.themes;
  if (!themes) return [];
  const seen = new Map<string, { kind: Kind; index: number; line: number }>();
  const found: Diagnostic[] = [];
  for (const kind of KINDS) {
    themes.data[kind].forEach((theme, index) => {
      const at = themes.source.locate([kind, index, "id"]);
      const first = seen.get(theme.id);
      if (!first) {
        seen.set(theme.id, { kind, index, line: at.line });
        return;
      }
      found.push(
        finding(
          "themes/duplicate-id",
          { file: themes.source.file, ...at },
          {
            id: theme.id,
            first: first.line,
            firstKind: first.kind,
            second: at.line,
            secondKind: kind,
          },
        ),
      );
    });
  }
  return found;
}

/** Theme ids in status reports that themes.yaml does not define for that list. */
function unknownIds(data: YearData): Diagnostic[] {
  const themes = data.themes;
  if (!themes) return [];
  const found: Diagnostic[] = [];
  for (const kind of KINDS) {
    const ids = themes.data[kind].map((t) => t.id);
    const known = new Set(ids);
    for (const { data: report, source } of data.counties) {
      report[kind].forEach((id, index) => {
        if (known.has(id)) return;
        const other = KINDS.find((k) => k !== kind && themes.data[k].some((t) => t.id === id));
        const nearest = didYouMean(id, ids);
        found.push(
          finding(
            "themes/unknown",
            { file: source.file, ...source.locate([kind, index]) },
            {
              id,
              kind,
              ...(other && { other }),
              ...(nearest !== undefined && { nearest }),
              known: ids,
            },
          ),
        );
      });
    }
  }
  return found;
}

/** A theme no status report refers to: its synthesis would say "0 av N verksamheter". */
function unusedThemes(data: YearData): Diagnostic[] {
  const themes = data.themes;
  if (!themes || data.counties.length === 0) return [];
  const found: Diagnostic[] = [];
  for (const kind of KINDS) {
    const used = new Set(data.counties.flatMap((c) => c.data[kind]));
    themes.data[kind].forEach((theme, index) => {
      if (used.has(theme.id)) return;
      found.push(
        finding(
          "themes/unused",
          { file: themes.source.file, ...themes.source.locate([kind, index, "id"]) },
          { id: theme.id, kind, title: theme.title },
        ),
      );
    });
  }
  return found;
}

/** themes.yaml against the status reports that refer to it. */
export function checkThemes(data: YearData): Diagnostic[] {
  return [...duplicateIds(data), ...unknownIds(data), ...unusedThemes(data)];
}
