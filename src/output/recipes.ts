// The output formats, in the order `--format` lists them and the build makes them. A new format
// is one module exporting its OutputRecipe, and one line here.
import { docxRecipe } from "./docx-recipe.js";
import { htmlRecipe } from "./html/recipe.js";
import { markdownRecipe } from "./markdown.js";
import { pdfRecipe } from "./pdf-recipe.js";
import type { OutputRecipe } from "./recipe.js";

export const OUTPUT_RECIPES = [markdownRecipe, docxRecipe, pdfRecipe, htmlRecipe] as const;

export type OutputFormat = (typeof OUTPUT_RECIPES)[number]["name"];

/** Every `--format` name: "md", "docx", "pdf". */
export const OUTPUT_FORMATS: readonly OutputFormat[] = OUTPUT_RECIPES.map((r) => r.name);

/** The formats made when `--format` is not given. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = OUTPUT_RECIPES.filter(
  (r) => r.byDefault,
).map((r) => r.name);

export function isOutputFormat(name: string): name is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(name);
}

export function recipeFor(format: OutputFormat): OutputRecipe<OutputFormat> {
  return OUTPUT_RECIPES.find((r) => r.name === format) as OutputRecipe<OutputFormat>;
}

/** The converter workers the formats need, each once: what startConverters starts. */
export function convertersFor(formats: readonly OutputFormat[]) {
  return [...new Set(formats.flatMap((f) => recipeFor(f).converters))];
}

/** A target in progress lines: the display name of the one format of the build that uses it, or all of them. */
export function targetNames(
  target: OutputRecipe["target"],
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
): string | string[] {
  const names = OUTPUT_RECIPES.filter((r) => r.target === target && formats.includes(r.name)).map(
    (r) => r.displayName,
  );
  return names.length === 1 ? (names[0] as string) : names;
}
