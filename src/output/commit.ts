import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { OutputFolderError } from "./folder-errors.js";
import { checkpoint } from "./kill-hook.js";

/**
 * The commit of a staged build into the output folder, as a journal of renames.
 *
 * `<out>/.nch-staging-<pid>-<hex>/new/` holds the complete new build. The journal `<out>/.nch-commit`
 * lists the renames: first `manifest.json`, then every file of the previous build, moved out to
 * `<staging>/old/`; then every new file moved in, `manifest.json` last. So whenever manifest.json
 * exists, the folder holds exactly what it lists. A kill during the renames leaves the journal, and
 * the next build completes the commit before anything else. Files are renamed, never directories,
 * so it works the same on Windows.
 */
export const JOURNAL = ".nch-commit";
export const STAGING_PREFIX = ".nch-staging-";
export const MANIFEST_FILE = "manifest.json";

export interface Step {
  /** "out": a previous build's file to <staging>/old; "in": a new file from <staging>/new. */
  move: "out" | "in";
  /** Relative to the output folder, forward slashes. */
  file: string;
}

export interface Journal {
  tool: "nch-report";
  pid: number;
  /** The staging folder's name inside the output folder. */
  staging: string;
  steps: Step[];
}

const local = (dir: string, file: string) => path.join(dir, ...file.split("/"));

function paths(outDir: string, journal: Journal, step: Step) {
  const side = path.join(outDir, journal.staging, step.move === "out" ? "old" : "new");
  return { live: local(outDir, step.file), staged: local(side, step.file) };
}

/** Only the staging side tells whether a step is done: nobody else touches it. */
function isDone(outDir: string, journal: Journal, step: Step): boolean {
  const { staged } = paths(outDir, journal, step);
  return step.move === "out" ? existsSync(staged) : !existsSync(staged);
}

async function apply(outDir: string, journal: Journal, step: Step): Promise<void> {
  const { live, staged } = paths(outDir, journal, step);
  if (step.move === "in") {
    await mkdir(path.dirname(live), { recursive: true });
    await rename(staged, live);
    return;
  }
  try {
    await rename(live, staged);
  } catch (error) {
    // A previous file someone already deleted has nothing to move.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

async function undo(outDir: string, journal: Journal, step: Step): Promise<void> {
  const { live, staged } = paths(outDir, journal, step);
  if (step.move === "out" && existsSync(staged)) await rename(staged, live);
  if (step.move === "in" && !existsSync(staged)) await rename(live, staged);
}

/** Undoes the done steps, newest first: the previous build is back in place. */
async function rollBack(outDir: string, journal: Journal, done: readonly Step[]): Promise<void> {
  for (const step of [...done].reverse()) await undo(outDir, journal, step);
}

/** Removes the journal, then the staging folder and folders our moves left empty. */
async function finish(outDir: string, journal: Journal): Promise<void> {
  await rm(path.join(outDir, JOURNAL), { force: true });
  checkpoint();
  // The build is committed: a staging folder that cannot go now goes with the next build.
  await rm(path.join(outDir, journal.staging), { recursive: true, force: true }).catch(() => {});
  const folders = new Set(journal.steps.map((s) => path.posix.dirname(s.file)));
  for (const folder of [...folders]
    .filter((f) => f !== ".")
    .sort()
    .reverse()) {
    await rmdir(local(outDir, folder)).catch(() => undefined); // kept when not empty
  }
}

/** Creates the journal; only one build at a time may commit into a folder. */
async function writeJournal(outDir: string, journal: Journal): Promise<void> {
  try {
    await writeFile(path.join(outDir, JOURNAL), `${JSON.stringify(journal)}\n`, { flag: "wx" });
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === "EEXIST";
    if (!busy) await rm(path.join(outDir, JOURNAL), { force: true });
    await rm(path.join(outDir, journal.staging), { recursive: true, force: true });
    throw busy ? new OutputFolderError(outDir, "another nch-report is writing it") : error;
  }
}

/** Runs the renames of a journal written by this build; on a failure the previous build is restored. */
export async function commit(outDir: string, journal: Journal): Promise<void> {
  await writeJournal(outDir, journal);
  checkpoint();
  const done: Step[] = [];
  try {
    for (const step of journal.steps) {
      await apply(outDir, journal, step);
      done.push(step);
      checkpoint();
    }
  } catch (error) {
    await rollBack(outDir, journal, done); // if this fails too, the journal stays for the next build
    await rm(path.join(outDir, JOURNAL), { force: true });
    await rm(path.join(outDir, journal.staging), { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  await finish(outDir, journal);
}

const SAFE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\/:*?"<>|\0]+(?:\/[^\\/:*?"<>|\0]+)*$/;

/** A file name of ours: relative, forward slashes, no `.`/`..` segment, nothing Windows refuses. */
export function isSafeName(name: unknown): name is string {
  return typeof name === "string" && SAFE_NAME.test(name) && !name.startsWith(".nch-");
}

function parseJournal(text: string): Journal | undefined {
  try {
    const journal = JSON.parse(text) as Journal;
    const valid =
      journal.tool === "nch-report" &&
      Number.isInteger(journal.pid) &&
      /^\.nch-staging-\d+-[0-9a-f]+$/.test(journal.staging) &&
      Array.isArray(journal.steps) &&
      journal.steps.every((s) => (s.move === "in" || s.move === "out") && isSafeName(s.file));
    return valid ? journal : undefined;
  } catch {
    return undefined; // cut short by a kill while it was written: no rename had begun
  }
}

/** A commit takes milliseconds: a journal or staging folder older than this is abandoned. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** Whether what process `pid` left at `path` may still be in use (PIDs are reused in time). */
export async function inUse(pid: number, at: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const modified = await stat(at).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  return Date.now() - modified < ABANDONED_AFTER_MS;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Completes a commit that a kill interrupted (the staged build is whole), or, when that fails,
 * undoes it; nothing to do without a journal.
 */
export async function recoverCommit(outDir: string): Promise<void> {
  const journalPath = path.join(outDir, JOURNAL);
  let text: string;
  try {
    text = await readFile(journalPath, "utf8");
  } catch {
    return;
  }
  const journal = parseJournal(text);
  if (!journal) return rm(journalPath, { force: true });
  if (await inUse(journal.pid, journalPath))
    throw new OutputFolderError(
      outDir,
      `another nch-report (process ${journal.pid}) is writing it`,
    );
  // The steps ran in order: those after the last one done are still to do.
  const last = journal.steps.findLastIndex((s) => isDone(outDir, journal, s));
  try {
    for (const step of journal.steps.slice(last + 1)) await apply(outDir, journal, step);
  } catch {
    await rollBack(
      outDir,
      journal,
      journal.steps.filter((s) => isDone(outDir, journal, s)),
    );
  }
  await finish(outDir, journal);
}
