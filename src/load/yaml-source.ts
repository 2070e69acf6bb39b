import type { Position } from "../diagnostics/diagnostic.js";

export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can tell where each value came from. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Position of the value at a path; the nearest existing ancestor when it is missing. */
  locate(path: YamlPath): Position;
  /** Position of a key itself within the mapping at a path. */
  locateKey(path: YamlPath, key: string): Position;
}

/**
 * Where a YAML file's values and mapping keys start, as [line, column] by the JSON text of
 * their path (a mapping key as text, a sequence index as a number). Plain data, so that a
 * parsed file can be cached without its syntax tree.
 */
export interface YamlPositions {
  values: Record<string, [number, number]>;
  keys: Record<string, [number, number]>;
}

export const pathKey = (path: YamlPath): string => JSON.stringify(path);

export function yamlSource(file: string, value: unknown, positions: YamlPositions): YamlSource {
  const locate = (path: YamlPath): Position => {
    for (let n = path.length; n >= 0; n--) {
      const found = positions.values[pathKey(path.slice(0, n))];
      if (found) return { line: found[0], column: found[1] };
    }
    return { line: 1, column: 1 };
  };
  return {
    file,
    value,
    locate,
    locateKey(path, key) {
      const found = positions.keys[pathKey([...path, key])];
      return found ? { line: found[0], column: found[1] } : locate(path);
    },
  };
}
