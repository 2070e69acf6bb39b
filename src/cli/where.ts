// Where a command works: the project root found from the working directory, the data root in it
// (or --data, relative to the working directory), and checks of folders before anything is written.
import path from "node:path";
import type { MissingYearError } from "../load/dataset.js";
import { DATA_FOLDER, findProjectRoot, projectRootOrCwd, yearFolders } from "../project-root.js";
import { unusualFolderReason } from "../unusual-path.js";
import { UsageError } from "./exit.js";

/** The data root: `--data` as given (relative to the working directory), else the project's data/. */
export function dataRootFor(dataFlag: string | undefined, cwd: string = process.cwd()): string {
  return dataFlag === undefined
    ? path.join(projectRootOrCwd(cwd), DATA_FOLDER)
    : path.resolve(cwd, dataFlag);
}

/** A path as the user reads it: relative to the working directory when below it, else absolute. */
export function shownPath(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  if (rel === "") return ".";
  return (rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel).split(path.sep).join("/");
}

/** "No data for 2024 in data/. Years there: 2023, 2025." — or why there is no data folder at all. */
export function missingYearMessage(error: MissingYearError, cwd: string = process.cwd()): string {
  const where = `${shownPath(error.root, cwd)}/`;
  const years = yearFolders(error.root);
  if (years.length > 0)
    return `No data for ${error.year} in ${where}. Years there: ${years.join(", ")}.`;
  if (!findProjectRoot(cwd) && error.root === path.join(path.resolve(cwd), DATA_FOLDER)) {
    return `No data for ${error.year}: there is no project here or in a folder above (a folder with ${DATA_FOLDER}/<year>/report.yaml). Run nch-report in the project, or name the data folder with --data.`;
  }
  return `No data for ${error.year} in ${where}: it has no year folders.`;
}

/** Refuses a folder that cannot be written before anything starts (exit 2, one line). */
export function checkWritableFolder(folder: string, shown: string): void {
  const reason = unusualFolderReason(folder);
  if (reason) throw new UsageError(`${shown} cannot be written: ${reason}.`);
}
