import type { Themes } from "../schema/themes.js";
import { type OperationModel, oneLine } from "./operations.js";

/** A success factor or challenge with the operations that reported it — computed, never typed. */
export interface ThemeModel {
  id: string;
  title: string;
  /** The analysts' synthesis (inserted as literal text). */
  text: string;
  /** Names of the operations that reported the theme, in report order. */
  reportedBy: string[];
  count: number;
  /** Operations with a status report: the denominator of "7 av 11 verksamheter". */
  of: number;
}

export interface ThemesModel {
  successFactors: ThemeModel[];
  challenges: ThemeModel[];
}

export function themesOf(themes: Themes | undefined, operations: readonly OperationModel[]) {
  const of = operations.length;
  const build = (list: Themes["success_factors"], key: "successFactors" | "challenges") =>
    list.map((theme): ThemeModel => {
      const reportedBy = operations.filter((o) => o[key].includes(theme.id)).map((o) => o.name);
      return {
        id: theme.id,
        title: oneLine(theme.title),
        text: theme.text,
        reportedBy,
        count: reportedBy.length,
        of,
      };
    });
  return {
    successFactors: build(themes?.success_factors ?? [], "successFactors"),
    challenges: build(themes?.challenges ?? [], "challenges"),
  } satisfies ThemesModel;
}
