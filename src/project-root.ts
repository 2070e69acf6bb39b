// Where a project is: the folder whose data/ holds year folders, found from any sub-folder of
// it, as ESLint and Quarto find their configuration.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The data root's name inside a project (DATA-CONTRACT.md: `./data`). */
export const DATA_FOLDER = "data";

/** The year folders of a data root ("2023", "2025"), sorted; empty when there are none. */
export function yearFolders(dataRoot: string): string[] {
  try {
    return readdirSync(dataRoot, { withFileTypes: true })
      .filter((e) => /^\d{4}$/.test(e.name) && (e.isDirectory() || e.isSymbolicLink()))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** A project root has `data/<year>/report.yaml` for at least one year. */
export function isProjectRoot(dir: string): boolean {
  const data = path.join(dir, DATA_FOLDER);
  return yearFolders(data).some((year) => existsSync(path.join(data, year, "report.yaml")));
}

const found = new Map<string, string | undefined>();

/** The nearest project root at or above `start`, or undefined outside any project. */
export function findProjectRoot(start: string = process.cwd()): string | undefined {
  const from = path.resolve(start);
  if (found.has(from)) return found.get(from);
  let root: string | undefined;
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (isProjectRoot(dir)) {
      root = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  found.set(from, root);
  return root;
}

/** The project root, or the working directory outside a project (where a new one would start). */
export function projectRootOrCwd(cwd: string = process.cwd()): string {
  return findProjectRoot(cwd) ?? path.resolve(cwd);
}
