import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = path.resolve("bin/nch-report.js");
const CACHE = path.resolve(".nch-cache/test");

/** A real git repository in a temporary folder with copies of data/<dirs> under data/, committed. */
export function makeRepo(dirs: readonly string[]): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nch-report-repo-"));
  for (const d of dirs)
    cpSync(path.join("data", d), path.join(dir, "data", d), { recursive: true });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  commit(dir, "data");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.org",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.org",
      GIT_CONFIG_NOSYSTEM: "1",
    },
  });
}

export function commit(dir: string, message: string): void {
  git(dir, "add", "-A");
  git(dir, "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
}

/** The CLI as a user runs it, in `cwd`. */
export function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: CACHE },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
