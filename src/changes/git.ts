import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** git could not give the old side: not a repository, an unknown ref (exit 2). */
export class GitError extends Error {}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    throw new GitError(stderr || (error as Error).message);
  }
}

/** The data root as it was at a commit, extracted from git's objects into a temporary folder. */
export interface OldTree {
  root: string;
  commit: string;
  shortCommit: string;
  remove: () => Promise<void>;
}

/** Files of the data root the report needs: the year, history, templates, word lists, calls.csv of earlier years. */
function needed(rel: string, year: number): boolean {
  const first = rel.split("/", 1)[0] ?? "";
  if (/^\d{4}$/.test(first))
    return (
      first === String(year) || (Number(first) < year && rel.endsWith("/support-line/calls.csv"))
    );
  return ["history", "templates", "words"].includes(first);
}

/** The blobs of `hashes`, read in one `git cat-file --batch`. */
function readBlobs(top: string, hashes: readonly string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: top });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new GitError(`git cat-file exited with ${code}`));
      const all = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let at = 0;
      for (let i = 0; i < hashes.length; i++) {
        const eol = all.indexOf(10, at);
        const size = Number(all.subarray(at, eol).toString("latin1").split(" ")[2]);
        blobs.push(all.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(`${hashes.join("\n")}\n`);
  });
}

/**
 * Extracts the data root at `ref` without touching the checkout: `git ls-tree` lists the files
 * under the data root's path in the repository, `git cat-file` reads them.
 */
export async function oldTree(dataRoot: string, ref: string, year: number): Promise<OldTree> {
  const top = (
    await git(dataRoot, ["rev-parse", "--show-toplevel"]).catch(() => {
      throw new GitError(
        `${dataRoot} is not in a git repository: there is no earlier version to compare with.`,
      );
    })
  ).trim();
  const prefix = (await git(dataRoot, ["rev-parse", "--show-prefix"])).trim();
  const commit = (
    await git(top, [
      "rev-parse",
      "--verify",
      "--quiet",
      "--end-of-options",
      `${ref}^{commit}`,
    ]).catch(() => {
      throw new GitError(
        `"${ref}" is not a commit of this repository (a repository with one commit has no HEAD~1).`,
      );
    })
  ).trim();
  const listing = await git(top, ["ls-tree", "-r", "-z", commit, "--", prefix || "."]);
  const files = listing
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta = "", file = ""] = line.split("\t");
      const [mode, type, hash] = meta.split(" ");
      return { mode, type, hash: hash ?? "", rel: file.slice(prefix.length) };
    })
    // Regular files only: a symbolic link in the old tree is not followed.
    .filter((f) => f.type === "blob" && (f.mode === "100644" || f.mode === "100755"))
    .filter((f) => needed(f.rel, year));
  const root = await mkdtemp(path.join(os.tmpdir(), "nch-report-changes-"));
  try {
    const blobs = await readBlobs(
      top,
      files.map((f) => f.hash),
    );
    for (const [i, f] of files.entries()) {
      const target = path.join(root, ...f.rel.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, blobs[i] as Buffer);
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    commit,
    shortCommit: commit.slice(0, 7),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
