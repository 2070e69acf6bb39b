// readProvenance asks git (through one shell where there is one) for HEAD and the data's status.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readProvenance } from "../src/load/provenance.js";

const dir = mkdtempSync(path.join(tmpdir(), "nch-provenance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.email=a@b.se", "-c", "user.name=N", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_COMMITTER_DATE: "1740787200 +0000",
      GIT_AUTHOR_DATE: "1740787200 +0000",
    },
  }).trim();

describe("readProvenance", () => {
  const noCi = {};
  it("outside git: no commit, not dirty", async () => {
    expect(await readProvenance(dir, noCi)).toEqual({ dirty: false });
  });

  it("a clean repository: HEAD's commit and time; an edit makes it dirty", async () => {
    git("init", "-q");
    writeFileSync(path.join(dir, "a.md"), "a\n");
    git("add", "a.md");
    git("commit", "-qm", "first");
    const commit = git("rev-parse", "HEAD");
    const clean = { commit, shortCommit: commit.slice(0, 7), commitTime: 1740787200 };
    expect(await readProvenance(dir, noCi)).toEqual({ ...clean, dirty: false });
    writeFileSync(path.join(dir, "a.md"), "b\n");
    expect(await readProvenance(dir, noCi)).toEqual({ ...clean, dirty: true });
    expect(await readProvenance(dir, { GITHUB_SHA: "abcdef1234" })).toEqual({
      commit: "abcdef1234",
      shortCommit: "abcdef1",
      commitTime: 1740787200,
      dirty: true,
    });
  });
});
