import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where the data came from: the commit a draft is stamped with. */
export interface Provenance {
  /** Full commit id, or undefined outside Git. */
  commit?: string;
  /** Short id for the stamp. */
  shortCommit?: string;
  /** The data folder has changes that are not committed. */
  dirty: boolean;
  /** Commit time, seconds since 1970. */
  commitTime?: number;
}

/** CI services put the commit in the environment; use it before asking git. */
const CI_COMMIT_VARIABLES = [
  "GITHUB_SHA",
  "CI_COMMIT_SHA",
  "BUILD_SOURCEVERSION",
  "GIT_COMMIT",
] as const;

async function git(cwd: string, ...args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd, timeout: 10_000 });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

export async function readProvenance(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Provenance> {
  const fromEnv = CI_COMMIT_VARIABLES.map((name) => env[name]).find(
    (v) => v && /^[0-9a-f]{7,40}$/i.test(v),
  );
  const { last, dirty } = await headAndStatus(dataDir);
  const [commit, time] = last?.split(" ") ?? [];
  const head = fromEnv ?? commit;
  return {
    ...(head && { commit: head, shortCommit: head.slice(0, 7) }),
    ...(time && /^\d+$/.test(time) && { commitTime: Number(time) }),
    dirty,
  };
}

const SEPARATOR = "--nch-report-status--";

/** Both questions to one shell: a process started from a large Node process costs tens of ms. */
const BOTH = `git log -1 --format='%H %ct' 2>/dev/null; echo ${SEPARATOR}; git status --porcelain -- . 2>/dev/null; exit 0`;

/** HEAD's "<commit> <time>", and whether the data folder has uncommitted changes. */
async function headAndStatus(dataDir: string): Promise<{ last?: string; dirty: boolean }> {
  if (process.platform !== "win32") {
    try {
      const { stdout } = await run("/bin/sh", ["-c", BOTH], { cwd: dataDir, timeout: 10_000 });
      const [last = "", status = ""] = stdout.split(`${SEPARATOR}\n`);
      return { ...(last.trim() && { last: last.trim() }), dirty: status.trim() !== "" };
    } catch {
      // No shell: ask git directly.
    }
  }
  const [last, status] = await Promise.all([
    git(dataDir, "log", "-1", "--format=%H %ct"),
    git(dataDir, "status", "--porcelain", "--", "."),
  ]);
  return { ...(last && { last }), dirty: Boolean(status) };
}

/**
 * The date put into documents: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
 * else the commit time, else the given fallback (the report's signing date). Never the clock.
 */
export function documentDate(
  provenance: Provenance,
  fallback: Date,
  env: NodeJS.ProcessEnv = process.env,
): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (provenance.commitTime !== undefined) return new Date(provenance.commitTime * 1000);
  return fallback;
}
