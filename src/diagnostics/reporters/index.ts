import { github } from "./github.js";
import { json } from "./json.js";
import { stylish } from "./stylish.js";
import type { Reporter } from "./types.js";

export type { Reporter, ReporterOptions } from "./types.js";

/** Output formats of `validate --format`, by name. */
export const REPORTERS = { stylish, json, github } as const satisfies Record<string, Reporter>;
export type ReporterName = keyof typeof REPORTERS;

export function isReporterName(name: string): name is ReporterName {
  return Object.hasOwn(REPORTERS, name);
}
