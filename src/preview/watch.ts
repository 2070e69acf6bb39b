// Rebuild on save: the year's folder, the history, the word lists and the project's templates
// are watched; changes that come while a build runs are gathered into one next build.
import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { watch } from "chokidar";

const IGNORED = /(^|[/\\])(\.nch-cache|\.git|node_modules)([/\\]|$)/;

/** What preview and `build --watch` watch under the data root. */
export function watchedPaths(dataRoot: string, year: number): string[] {
  return [String(year), "history", "words", "templates"].map((p) => path.join(dataRoot, p));
}

export interface Rebuilder {
  /** Resolves when the watcher is ready. */
  ready: Promise<void>;
  /** Resolves once the build under way (if any) has finished. */
  idle(): Promise<void>;
  /** Runs `task` (the first build) in turn with the rebuilds: a save while it runs builds again after it. */
  first<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Calls `rebuild` after each burst of changes, never two at once. Start it before the first build
 * (`first`), so that a save while that runs is not lost. chokidar's "ready" comes before its
 * watches see every change (measured: saves in the next ~100 ms can go unseen), so the files'
 * times and sizes at "ready" are compared with those after the first build, and a difference
 * the watches did not report builds again.
 */
export function rebuildOnChange(paths: readonly string[], rebuild: () => Promise<void>): Rebuilder {
  // One watched root (the data root), filtered to the paths: given several paths of which some
  // are missing (words/, templates/), chokidar counts each missing one twice towards "ready".
  const root = path.dirname(paths[0] ?? ".");
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (p: string) => IGNORED.test(p) || !within(root, paths, path.resolve(p)),
  });
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let timer: NodeJS.Timeout | undefined;
  const start = () => {
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      await rebuild().catch(() => undefined);
    });
  };
  let seen = 0;
  watcher.on("all", () => {
    seen++;
    // Editors save in bursts (write, rename, chmod): one build for a burst.
    clearTimeout(timer);
    timer = setTimeout(start, 15);
  });
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  const before = ready.then(() => filesState(paths));
  return {
    ready,
    idle: () => running,
    first: (task) => {
      const result = running.then(task);
      void Promise.all([before, result]).then(
        // A change the watches saw has queued its build already.
        ([state]) => seen === 0 && filesState(paths) !== state && start(),
        () => undefined,
      );
      running = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** Whether `file` is the root itself or in one of the watched paths (all of them in the root). */
function within(root: string, paths: readonly string[], file: string): boolean {
  return file === root || paths.some((p) => file === p || file.startsWith(p + path.sep));
}

/** Resolves with 130 (Ctrl-C) or 143 (SIGTERM) at the first of them. */
export function untilInterrupted(): Promise<number> {
  return new Promise((resolve) => {
    const stop = (code: number) => () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(code);
    };
    const onInt = stop(130);
    const onTerm = stop(143);
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
}

/** Every watched file's path, modification time and size, as one text to compare. */
function filesState(paths: readonly string[]): string {
  const lines: string[] = [];
  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not there (history/, words/ and templates/ are optional)
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (IGNORED.test(full)) continue;
      if (entry.isDirectory()) visit(full);
      else {
        const stat = statSync(full, { throwIfNoEntry: false });
        if (stat) lines.push(`${full}\t${stat.mtimeMs}\t${stat.size}`);
      }
    }
  };
  for (const p of paths) visit(p);
  return lines.sort().join("\n");
}
