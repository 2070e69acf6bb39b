// Rebuild on save: the year's folder, the history, the word lists and the project's templates
// are watched; changes that come while a build runs are gathered into one next build.
import { statSync } from "node:fs";
import path from "node:path";
import { watch } from "chokidar";

const IGNORED = /(^|[/\\])(\.nch-cache|\.git|node_modules)([/\\]|$)/;

/**
 * chokidar reports a path's "change" at most once per 50 ms and drops the rest of that window
 * without a trailing event, so a save just after another (or an editor's write that ends after its
 * truncate was reported) would go unseen. Each reported path is looked at again after the window.
 */
const LOOK_AGAIN_MS = 80;

/** What preview and `build --watch` watch under the data root. */
export function watchedPaths(dataRoot: string, year: number): string[] {
  return [String(year), "history", "words", "templates"].map((p) => path.join(dataRoot, p));
}

export interface Rebuilder {
  /** Resolves when the watcher is ready. */
  ready: Promise<void>;
  /** Resolves once the build under way (if any) has finished. */
  idle(): Promise<void>;
  /** A build is under way or about to be (a save seen, a build queued): background work waits. */
  busy(): boolean;
  /** Runs `task` (the first build) in turn with the rebuilds: a save while it runs builds again after it. */
  first<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Calls `rebuild` after each burst of changes, never two at once. Start it before the first build
 * (`first`), so that a save while that runs is not lost: chokidar's "ready" is trustworthy for
 * one watched root (see below), so every save after it is reported.
 */
export function rebuildOnChange(
  paths: readonly string[],
  rebuild: () => Promise<void>,
  /** Told a rebuild that threw (the watch goes on): the CLI says so, nothing else prints. */
  failed: (error: unknown) => void = () => undefined,
): Rebuilder {
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
  let debouncing = false;
  /** Builds queued or under way (the first one included). */
  let inTurn = 0;
  const late = lateSaves(() => start());
  const start = () => {
    debouncing = false;
    if (queued) return;
    queued = true;
    inTurn++;
    running = running
      .then(async () => {
        queued = false;
        late.buildStarts();
        await rebuild().catch(failed);
      })
      .finally(() => inTurn--);
  };
  watcher.on("all", (_event, p) => {
    late.reported(p);
    // Editors save in bursts (write, rename, chmod): one build for a burst.
    clearTimeout(timer);
    debouncing = true;
    timer = setTimeout(start, 15);
  });
  return {
    ready: new Promise<void>((resolve) => watcher.once("ready", () => resolve())),
    idle: () => running,
    busy: () => debouncing || inTurn > 0,
    first: (task) => {
      inTurn++;
      const result = running.then(task).finally(() => inTurn--);
      running = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    close: async () => {
      clearTimeout(timer);
      late.close();
      await watcher.close();
    },
  };
}

/**
 * Saves chokidar did not report (see LOOK_AGAIN_MS): each reported path is looked at again after
 * the window, and `missed` is called when it differs from what the last build began with.
 */
function lateSaves(missed: () => void) {
  /** Paths reported since the last build began; what each of them was when a build began. */
  const touched = new Set<string>();
  const seenByBuild = new Map<string, string>();
  const looks = new Map<string, NodeJS.Timeout>();
  const lookAgain = (p: string) => {
    looks.delete(p);
    const seen = seenByBuild.get(p);
    // No build has read it yet: the one queued will.
    if (seen !== undefined && seen !== signature(p)) missed();
  };
  return {
    reported(p: string): void {
      touched.add(p);
      clearTimeout(looks.get(p));
      looks.set(p, setTimeout(lookAgain, LOOK_AGAIN_MS, p));
    },
    buildStarts(): void {
      for (const p of touched) seenByBuild.set(p, signature(p));
      touched.clear();
    },
    close(): void {
      for (const look of looks.values()) clearTimeout(look);
    },
  };
}

/** What a file is now, as far as a save changes it: "" when it is gone or cannot be looked at. */
function signature(file: string): string {
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : "";
  } catch {
    return ""; // gone as far as a build can tell (a folder on its path replaced by a file, no access)
  }
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
