// A chart's Vega-Lite spec: where it is (built-in or the project's override) and its text.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TEMPLATES_DIR } from "../../package-root.js";
import { templateFile } from "../templates-path.js";
import type { ChartName } from "./registry.js";

export const BUILTIN_CHART_DIR = join(TEMPLATES_DIR, "charts");

/** A chart spec that could not be read or compiled; `file` is the spec that failed. */
export class ChartSpecError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "ChartSpecError";
  }
}

/**
 * Where a chart's spec comes from: `<templatesDir>/charts/<name>.vl.json` when the project has
 * one (templatesDir = `<data root>/templates`), else the built-in spec.
 */
export function chartSpecPath(name: ChartName, templatesDir?: string): string {
  return templatesDir
    ? templateFile(templatesDir, `charts/${name}.vl.json`)
    : join(BUILTIN_CHART_DIR, `${name}.vl.json`);
}

export async function readSpec(file: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ChartSpecError(`cannot read chart spec: ${(error as Error).message}`, file);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ChartSpecError("a chart spec must be a JSON object (a Vega-Lite spec)", file);
  }
  return parsed as Record<string, unknown>;
}

/**
 * The text of every chart's spec (in `names`' order) as a build would use it, built-in or the
 * project's override: what a cached rendering depends on. Throws as chartSpecPath does.
 */
export function chartSpecTexts(names: readonly ChartName[], templatesDir?: string): string[] {
  return names.map((name) => specText(chartSpecPath(name, templatesDir)));
}

/** The spec's text as the cache key sees it: empty when there is no such file. */
export function specText(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
