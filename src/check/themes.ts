import { closest, distance } from "fastest-levenshtein";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { YearData } from "../load/dataset.js";

const KINDS = ["success_factors", "challenges"] as const;
type Kind = (typeof KINDS)[number];
const KIND_NAME: Record<Kind, string> = {
  success_factors: "success factor (framgångsfaktor)",
  challenges: "challenge (utmaning)",
};

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
      found.push({
        severity: "error",
        code: "themes/duplicate-id",
        message: `The theme id "${theme.id}" is used twice: on line ${first.line} (${first.kind}) and line ${at.line} (${kind}).`,
        file: themes.source.file,
        ...at,
        hint: "Give each theme its own id, and update the status reports that refer to it.",
      });
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
        const nearest = ids.length > 0 ? closest(id, ids) : undefined;
        let hint: string;
        if (other) hint = `"${id}" is a ${KIND_NAME[other]}: move it to ${other}.`;
        else if (nearest !== undefined && distance(id, nearest) <= Math.max(3, id.length / 3))
          hint = `Did you mean "${nearest}"?`;
        else hint = `Add the theme to ${kind} in themes.yaml, or use one of: ${ids.join(", ")}.`;
        found.push({
          severity: "error",
          code: "themes/unknown",
          message: `"${id}" is not a ${KIND_NAME[kind]} in themes.yaml.`,
          file: source.file,
          ...source.locate([kind, index]),
          hint,
        });
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
      found.push({
        severity: "warning",
        code: "themes/unused",
        message: `No status report lists the ${KIND_NAME[kind]} "${theme.id}" (${theme.title}).`,
        file: themes.source.file,
        ...themes.source.locate([kind, index, "id"]),
        hint: `Add "${theme.id}" to ${kind} in the status reports that describe it, or remove the theme.`,
      });
    });
  }
  return found;
}

/** themes.yaml against the status reports that refer to it. */
export function checkThemes(data: YearData): Diagnostic[] {
  return [...duplicateIds(data), ...unknownIds(data), ...unusedThemes(data)];
}
