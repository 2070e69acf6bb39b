// Rebuild on save: the year's folder, the history, the word lists and the project's templates
// are watched; changes that come while a build runs are gathered into one next build.
import path from "node:path";
import { watch } from "chokidar";

/** What preview and `build --watch` watch under the data root. */
export function watchedPaths(dataRoot: string, year: number): string[] {
  return [String(year), "history", "words", "templates"].map((p) => path.join(dataRoot, p));
}

export interface Rebuilder {
  /** Resolves when the watcher is ready. */
  ready: Promise<void>;
  /** Resolves once the build under way (if any) has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Calls `rebuild` after each burst of changes, never two at once. */
export function rebuildOnChange(paths: readonly string[], rebuild: () => Promise<void>): Rebuilder {
  const watcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (p: string) => /(^|[/\\])(\.nch-cache|\.git|node_modules)([/\\]|$)/.test(p),
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
  watcher.on("all", () => {
    // Editors save in bursts (write, rename, chmod): one build for a burst.
    clearTimeout(timer);
    timer = setTimeout(start, 15);
  });
  return {
    ready: new Promise((resolve) => watcher.once("ready", () => resolve())),
    idle: () => running,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
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
