import path from "node:path";
import type { Lang } from "../diagnostics/messages/index.js";
import { stylish } from "../diagnostics/reporters/stylish.js";
import { initYear, yearsIn } from "../init/index.js";
import { FolderExistsError, writeNewFolder } from "../output/new-folder.js";
import { EXIT, parseYear, UsageError } from "./exit.js";
import { pathPrefix } from "./validate.js";
import { dataRootFor } from "./where.js";

export interface InitFlags {
  data: string;
  from?: string;
  color: boolean;
  lang?: Lang;
}

/** The year to start from: --from, else the latest year before the new one that has a folder. */
async function sourceYear(root: string, year: number, from: string | undefined): Promise<number> {
  const years = await yearsIn(root);
  if (from !== undefined) {
    const chosen = parseYear(from);
    if (chosen >= year) throw new UsageError(`--from ${chosen} must be a year before ${year}.`);
    if (!years.includes(chosen))
      throw new UsageError(`There is no folder for ${chosen} in ${root}.`);
    return chosen;
  }
  const earlier = years.filter((y) => y < year).at(-1);
  if (earlier === undefined)
    throw new UsageError(`There is no year before ${year} in ${root} to start from; give --from.`);
  return earlier;
}

/** `nch-report init <year>`: the new year's folder from the previous year's, with its to-dos. */
export async function runInit(
  yearText: string,
  flags: InitFlags,
  out: NodeJS.WritableStream,
): Promise<number> {
  const year = parseYear(yearText);
  const root = path.resolve(flags.data);
  const shown = `${pathPrefix(flags.data)}${year}`;
  const target = path.join(root, String(year));
  const from = await sourceYear(root, year, flags.from);
  const made = await initYear(root, from, year);
  if (made.diagnostics.length > 0) {
    out.write(stylish(made.diagnostics, { ...flags, pathPrefix: pathPrefix(flags.data) }));
    out.write(`Nothing was created: the ${from} files above cannot be read.\n`);
    return EXIT.problems;
  }
  try {
    await writeNewFolder(target, made.files);
  } catch (error) {
    if (error instanceof FolderExistsError)
      throw new UsageError(`${shown}/ exists already; init never overwrites a year.`);
    throw error;
  }
  const added = made.addedCounties.length;
  out.write(
    `Created ${shown}/ from ${from}: report.yaml, ${made.chapters} chapters, ${made.statusReports + added} status reports` +
      `${added > 0 ? ` (${added} new for counties without a centre: ${made.addedCounties.join(", ")})` : ""}` +
      ", finance and support-line files without figures.\n",
  );
  if (made.notCarried.length > 0) out.write(`Not carried over: ${made.notCarried.join(", ")}.\n`);
  out.write(
    `${made.todos} things to fill in or confirm are marked TODO: nch-report validate ${year}${path.resolve(flags.data) === dataRootFor(undefined) ? "" : ` --data ${flags.data}`} lists them.\n`,
  );
  return EXIT.ok;
}
