import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { RenderedReport } from "../render/index.js";
import { type OutputFile, writeAtomically } from "./write.js";

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

/**
 * Writes the build's files into outDir — report.md, its charts and whatever the other recipes
 * made — all staged first and then renamed into place; SVGs of an earlier build that the new
 * report no longer links are removed.
 */
export async function writeReport(outDir: string, files: readonly OutputFile[]): Promise<void> {
  await writeAtomically(outDir, files);
  if (files.some((f) => f.name === MARKDOWN_FILE)) {
    await removeStaleFigures(outDir, new Set(files.map((f) => f.name)));
  }
}

async function removeStaleFigures(outDir: string, kept: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(path.join(outDir, FIGURE_DIR));
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.endsWith(".svg") && !kept.has(`${FIGURE_DIR}/${name}`))
      .map((name) => rm(path.join(outDir, FIGURE_DIR, name), { force: true })),
  );
}
