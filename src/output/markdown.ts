import type { OutputRecipe, RenderedReport } from "./recipe.js";
import type { OutputFile } from "./write.js";

/** The Markdown report's file name in the output folder. */
export const MARKDOWN_FILE = "report.md";
/** Folder of the chart images, beside report.md (as the Markdown links them). */
export const FIGURE_DIR = "figurer";

/** report.md and the SVG images it links (figurer/*.svg), as files of the output folder. */
export function markdownOutputFiles(report: RenderedReport): OutputFile[] {
  const images = report.charts
    .filter((chart) => chart.fileName.endsWith(".svg"))
    .map((chart) => ({ name: chart.fileName, bytes: chart.svg }));
  return [...images, { name: MARKDOWN_FILE, bytes: report.markdown }];
}

/** The Markdown output: report.md (a draft line on top for drafts) and its charts as SVG. */
export const markdownRecipe = {
  name: "md",
  displayName: "Markdown",
  files: [MARKDOWN_FILE, `${FIGURE_DIR}/*.svg`],
  target: "gfm",
  converters: [],
  byDefault: true,
  ownStep: false,
  load: async () => async (report, context) =>
    markdownOutputFiles(
      context.draftLine
        ? { ...report, markdown: `> ${context.draftLine}\n\n${report.markdown}` }
        : report,
    ),
} as const satisfies OutputRecipe<"md">;
