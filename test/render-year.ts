import { loadYear } from "../src/load/dataset.js";
import { loadEarlierCalls } from "../src/load/earlier-calls.js";
import { loadImages } from "../src/load/images.js";
import { buildReportModel } from "../src/model/index.js";
import type { Target } from "../src/render/index.js";
import { loadTemplates, type RenderedReport, renderReport } from "../src/render/index.js";

/** A year of a data root rendered as the build does, for each target asked for. */
export async function renderYear(
  root: string,
  year: number,
  targets: readonly Target[],
): Promise<RenderedReport[]> {
  const { data } = await loadYear(root, year);
  const [{ calls }, { images }, { templates }] = await Promise.all([
    loadEarlierCalls(root, year),
    loadImages(root, year),
    loadTemplates(root),
  ]);
  const model = buildReportModel(data, { earlierCalls: calls });
  return Promise.all(targets.map((target) => renderReport(model, { target, templates, images })));
}
