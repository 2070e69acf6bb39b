// Parsing YAML and checking it against its schema is most of what a warm `validate` costs:
// an unchanged file is read from the cache's `yaml` namespace instead, without loading yaml or zod.
import { isDeepStrictEqual } from "node:util";
import { codeFingerprint, contentKey } from "../cache-key.js";
import { type Cache, NO_CACHE } from "../cache-space.js";
import { TOOL_VERSION } from "../version.js";
import type { CheckedYaml, SchemaName } from "./yaml-check.js";

export interface YamlCacheOptions {
  /** The command's cache (its `yaml` namespace is used); none: every file parsed. */
  cache?: Cache;
  /** Parses and checks a file that is not in the cache (tests replace it). */
  check?: (file: string, text: string, schema: SchemaName) => CheckedYaml | Promise<CheckedYaml>;
}

let fingerprint: string | undefined;

/** The parsing and schema code, so that changed code never meets an old entry. */
function codeHash(): string {
  fingerprint ??= codeFingerprint(import.meta.url, [".", "../schema"], TOOL_VERSION);
  return fingerprint;
}

/**
 * A file's parse and schema check, from the cache when its text, name and schema and the code
 * are unchanged. Each data file has one slot (by its absolute path and schema), so the cache
 * stays the size of the data however often a file is edited.
 */
export async function checkedYaml(
  abs: string,
  rel: string,
  text: string,
  schema: SchemaName,
  options: YamlCacheOptions = {},
): Promise<CheckedYaml> {
  return (options.cache ?? NO_CACHE).yaml.result({
    slot: contentKey([abs, schema]),
    key: contentKey([codeHash(), rel, schema, text]),
    valid: isCheckedYaml,
    compute: async () =>
      options.check
        ? options.check(rel, text, schema)
        : (await import("./yaml-check.js")).checkYaml(rel, text, schema),
    storable: survivesJson,
  });
}

function isCheckedYaml(value: unknown): value is CheckedYaml {
  const v = value as CheckedYaml | undefined;
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray(v.diagnostics) &&
    typeof v.positions?.values === "object" &&
    typeof v.positions?.keys === "object"
  );
}

/** Values JSON would change (Infinity, -0, undefined in a list) are never cached. */
function survivesJson(result: CheckedYaml): boolean {
  const kept = { value: result.value, ...(result.data !== undefined && { data: result.data }) };
  return isDeepStrictEqual(JSON.parse(JSON.stringify(kept)), kept);
}
