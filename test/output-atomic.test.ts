import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The output folder as one unit, through the bundled CLI (npm test compiles lib/ first).
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NO_COLOR: "1",
  NCH_REPORT_CACHE: ".nch-cache/test",
};
delete ENV.SOURCE_DATE_EPOCH;
delete ENV.GITHUB_SHA;

function build(data: string, out: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const args = ["bin/nch-report.js", "build", "2025", "--data", data, "--out", out, "--quiet"];
  const result = spawnSync(process.execPath, [...args, ...extra], {
    encoding: "utf8",
    env: { ...ENV, ...env },
  });
  return { code: result.status, signal: result.signal, stderr: result.stderr };
}
const md = ["--format", "md"];

const temp = () => mkdtempSync(path.join(tmpdir(), "nch-atomic-"));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A user's own files in the output folder: never touched by a build. */
const USER_FILES: Record<string, string> = {
  "notes.txt": "Mina anteckningar.\n",
  "figurer/mine.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n",
};
const addUserFiles = (out: string) => {
  for (const [name, text] of Object.entries(USER_FILES)) writeFileSync(path.join(out, name), text);
};

/** Every file in the folder with its SHA-256, our housekeeping (`.nch-*`) apart. */
function contents(out: string): { files: Record<string, string>; housekeeping: string[] } {
  const files: Record<string, string> = {};
  const housekeeping: string[] = [];
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    const rel = path
      .relative(out, path.join(entry.parentPath, entry.name))
      .split(path.sep)
      .join("/");
    if (rel.startsWith(".nch-")) {
      if (!rel.includes("/")) housekeeping.push(rel);
    } else if (entry.isFile()) files[rel] = sha(path.join(out, rel));
  }
  return { files, housekeeping: housekeeping.sort() };
}

/** The files a manifest.json describes (itself included), with the user's files beside them. */
function described(out: string): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as {
    outputs: { file: string; sha256: string }[];
  };
  const user = Object.fromEntries(
    Object.keys(USER_FILES).map((name) => [name, sha(path.join(out, name))]),
  );
  return {
    ...Object.fromEntries(manifest.outputs.map((o) => [o.file, o.sha256])),
    "manifest.json": sha(path.join(out, "manifest.json")),
    ...user,
  };
}

let root: string;
let data: string;
/** A full build (md, docx, pdf) of the shipped data, with the user's files added. */
let full: string;
/** The set of a Markdown build of changed data, made into an empty folder. */
let changed: Record<string, string>;
let fullSet: Record<string, string>;

beforeAll(() => {
  root = temp();
  data = path.join(root, "data");
  cpSync("data", data, { recursive: true });
  full = path.join(root, "full");
  expect(build(data, full).code).toBe(0);
  addUserFiles(full);
  fullSet = contents(full).files;
  // The next build differs: another 2015 figure (the chart) and another sentence (report.md).
  const history = path.join(data, "history", "support-line.csv");
  writeFileSync(history, readFileSync(history, "utf8").replace("2015,298,", "2015,301,"));
  appendFileSync(path.join(data, "2025", "chapters", "09-kallforteckning.md"), "\nNy mening.\n");
  const fresh = path.join(root, "fresh");
  expect(build(data, fresh, md).code).toBe(0);
  addUserFiles(fresh);
  changed = contents(fresh).files;
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const copyOfFull = (name: string) => {
  const out = path.join(root, name);
  cpSync(full, out, { recursive: true });
  return out;
};

describe("a build over an earlier one", () => {
  it("--format md over a full build leaves exactly what the new manifest lists, and the user's files", () => {
    const out = copyOfFull("md-over-full");
    expect(Object.keys(fullSet).sort()).toEqual([
      "figurer/calls-per-county.svg",
      "figurer/calls-per-organisation.svg",
      "figurer/calls-per-year.svg",
      "figurer/exposure-by-type.svg",
      "figurer/finance-costs.svg",
      "figurer/finance-other-costs.svg",
      "figurer/mine.svg",
      "manifest.json",
      "notes.txt",
      "report.docx",
      "report.md",
      "report.pdf",
    ]);
    // Leftovers of killed builds, of this version and of earlier ones, are removed.
    mkdirSync(path.join(out, ".nch-staging-99999999-0badf00d", "new"), { recursive: true });
    writeFileSync(path.join(out, "report.md.tmp-99999999-0badf00d"), "half");
    writeFileSync(path.join(out, "figurer", "calls-per-year.svg.tmp-99999999-0badf00d"), "half");
    expect(build(data, out, md)).toEqual({ code: 0, signal: null, stderr: "" });
    const after = contents(out);
    expect(after).toEqual({ files: changed, housekeeping: [] });
    expect(after.files).toEqual(described(out));
    expect(after.files["notes.txt"]).toBe(fullSet["notes.txt"]);
    expect(after.files["figurer/calls-per-year.svg"]).not.toBe(
      fullSet["figurer/calls-per-year.svg"],
    );
    expect(existsSync(path.join(out, "report.pdf"))).toBe(false);
  });

  it("refuses to replace a file that no earlier build wrote: exit 2, one line, nothing written", () => {
    const out = path.join(root, "foreign");
    mkdirSync(out);
    writeFileSync(path.join(out, "report.md"), "Mitt eget utkast.\n");
    expect(build(data, out, md)).toEqual({
      code: 2,
      signal: null,
      stderr: `nch-report: cannot write the output folder ${out}: report.md there was not written by nch-report (it is not in manifest.json); move it away or choose another --out\n`,
    });
    expect(readdirSync(out)).toEqual(["report.md"]);
    expect(readFileSync(path.join(out, "report.md"), "utf8")).toBe("Mitt eget utkast.\n");
    // A manifest.json of something else (a web app's) is no list of our files either.
    rmSync(path.join(out, "report.md"));
    writeFileSync(path.join(out, "manifest.json"), '{"name": "Min app", "icons": []}\n');
    expect(build(data, out, md).stderr).toBe(
      `nch-report: cannot write the output folder ${out}: its manifest.json was not written by nch-report; move it away or choose another --out\n`,
    );
    expect(readdirSync(out)).toEqual(["manifest.json"]);
  });

  it("leaves a folder alone while another build commits into it", () => {
    const out = copyOfFull("busy");
    // A journal of a running process (this test's): its commit is under way.
    const journal = {
      tool: "nch-report",
      pid: process.pid,
      staging: ".nch-staging-1-ab",
      steps: [],
    };
    writeFileSync(path.join(out, ".nch-commit"), JSON.stringify(journal));
    expect(build(data, out, md)).toEqual({
      code: 2,
      signal: null,
      stderr: `nch-report: cannot write the output folder ${out}: another nch-report (process ${process.pid}) is writing it\n`,
    });
    expect(contents(out)).toEqual({ files: fullSet, housekeeping: [".nch-commit"] });
  });
});

describe("a build killed (SIGKILL) at each step of writing the output folder", () => {
  const subsetOf = (files: Record<string, string>, set: Record<string, string>) =>
    Object.entries(files).every(([name, hash]) => set[name] === hash);

  it("leaves the previous or the new set as manifest.json lists it, or a journal the next build completes", () => {
    const seen: string[] = [];
    let step = 1;
    for (; ; step++) {
      const out = copyOfFull(`kill-${step}`);
      const killed = build(data, out, md, { NCH_REPORT_TEST_KILL_AT: String(step) });
      if (killed.code === 0) break; // past the last step: nothing killed it
      expect(killed.signal).toBe("SIGKILL");
      const { files, housekeeping } = contents(out);
      if (existsSync(path.join(out, "manifest.json"))) {
        expect(files).toEqual(described(out));
        expect([fullSet, changed]).toContainEqual(files);
        seen.push(files["manifest.json"] === fullSet["manifest.json"] ? "previous" : "new");
        // The next build clears what the kill left, and commits its own.
        expect(build(data, out, md)).toEqual({ code: 0, signal: null, stderr: "" });
      } else {
        // Mid-commit: the previous build's files are moved out first, then the new ones in, so
        // what is there belongs to one build only; the journal says how to go on.
        expect(housekeeping).toEqual([
          ".nch-commit",
          expect.stringMatching(/^\.nch-staging-\d+-[0-9a-f]{8}$/),
        ]);
        expect(subsetOf(files, fullSet) || subsetOf(files, changed)).toBe(true);
        seen.push("committing");
        // The next build completes the commit first, even when it then stops on data errors.
        expect(build("test/fixtures/datasets/outside-path", out, md).code).toBe(1);
      }
      expect(contents(out)).toEqual({ files: changed, housekeeping: [] });
      expect(changed).toEqual(described(out));
      rmSync(out, { recursive: true });
    }
    // 8 files staged, the journal, 10 moved out (manifest.json first) and 8 in (manifest.json
    // last), the journal removed: 28 steps, a kill after each.
    expect(step).toBe(29);
    // From the moment manifest.json is moved in, the folder is the new build.
    expect(seen).toEqual([
      ...Array(9).fill("previous"),
      ...Array(17).fill("committing"),
      "new",
      "new",
    ]);
  }, 900_000);
});

const isRoot = process.getuid?.() === 0;
/** Whether this machine lets the tests mount a tmpfs (root in most containers). */
const canMount = (() => {
  if (!isRoot) return false;
  const probe = mkdtempSync(path.join(tmpdir(), "nch-mount-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();
const mount = (dir: string, options: string) =>
  execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });

describe("an output folder that cannot be written: exit 2, one line, the previous build intact", () => {
  const refused = (out: string, cause: string) => ({
    code: 2,
    signal: null,
    stderr: `nch-report: cannot write the output folder ${out}: ${cause}\n`,
  });
  const seenBefore = (out: string, cause: string) => ({
    code: 2,
    signal: null,
    stderr: `nch-report: --out ${out} cannot be written: ${cause}.\n`,
  });

  it("--out naming a file, or a path through a file", () => {
    const file = path.join(root, "a-file");
    writeFileSync(file, "x");
    expect(build(data, file, md)).toEqual(
      refused(file, `${file} is a file, not a folder (EEXIST)`),
    );
    // A path through a file is seen before anything starts (src/cli/where.ts), in its words.
    const inside = path.join(file, "2025");
    expect(build(data, inside, md)).toEqual(seenBefore(inside, `${file} is a file, not a folder`));
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it.runIf(existsSync("/proc/self"))(
    "a folder where no folder can be made (/proc, /dev/null)",
    () => {
      expect(build(data, "/proc/nch-x", md)).toEqual(
        seenBefore(
          "/proc/nch-x",
          "/proc is a pseudo-filesystem of the kernel, where files cannot be written",
        ),
      );
      expect(build(data, "/dev/null/x", md)).toEqual(
        seenBefore("/dev/null/x", "/dev/null is a file, not a folder"),
      );
    },
  );

  it.runIf(canMount)("a read-only file system", () => {
    const out = path.join(root, "read-only");
    mkdirSync(out);
    mount(out, "size=16m");
    try {
      cpSync(full, out, { recursive: true });
      execFileSync("mount", ["-o", "remount,ro", out]);
      expect(build(data, out, md)).toEqual(refused(out, "read-only file system (EROFS)"));
      expect(contents(out)).toEqual({ files: fullSet, housekeeping: [] });
    } finally {
      execFileSync("umount", [out]);
    }
  });

  it.runIf(canMount)("a full disk", () => {
    const out = path.join(root, "full-disk");
    mkdirSync(out);
    mount(out, "size=16m");
    try {
      cpSync(full, out, { recursive: true });
      const { bavail, bsize } = statfsSync(out);
      // A user's file fills the disk but for 8 KiB: the new report.md alone is larger.
      writeFileSync(path.join(out, "filler.bin"), Buffer.alloc((bavail - 2) * bsize));
      const before = contents(out).files;
      expect(build(data, out, md)).toEqual(refused(out, "no space left on the device (ENOSPC)"));
      expect(contents(out)).toEqual({ files: before, housekeeping: [] });
    } finally {
      execFileSync("umount", [out]);
    }
  });

  it.runIf(isRoot)("a file of the previous build that cannot be moved (open on Windows)", () => {
    const out = copyOfFull("locked");
    const pdf = path.join(out, "report.pdf");
    // The immutable flag makes rename fail with EPERM, as Windows does for a PDF open in a reader.
    execFileSync("chattr", ["+i", pdf]);
    try {
      expect(build(data, out, md)).toEqual(
        refused(out, "report.pdf: not permitted, or it is open in another program (EPERM)"),
      );
      expect(contents(out)).toEqual({ files: fullSet, housekeeping: [] });
    } finally {
      execFileSync("chattr", ["-i", pdf]);
    }
    expect(build(data, out, md).code).toBe(0);
    expect(contents(out)).toEqual({ files: changed, housekeeping: [] });
  });
});

describe("an interrupted commit that cannot be completed", () => {
  it.runIf(isRoot)("is undone by the next build: the previous build is back", () => {
    const out = copyOfFull("undone");
    const killed = build(data, out, md, { NCH_REPORT_TEST_KILL_AT: "15" });
    expect(killed.signal).toBe("SIGKILL");
    const [staging] = contents(out).housekeeping.filter((n) => n.startsWith(".nch-staging-"));
    // The new manifest.json, not yet moved in, cannot be moved (a file locked on Windows).
    const locked = path.join(out, staging as string, "new", "manifest.json");
    execFileSync("chattr", ["+i", locked]);
    try {
      expect(build("test/fixtures/datasets/outside-path", out, md).code).toBe(1);
      expect(contents(out)).toEqual({ files: fullSet, housekeeping: [staging] });
    } finally {
      execFileSync("chattr", ["-i", locked]);
    }
    expect(build(data, out, md).code).toBe(0);
    expect(contents(out)).toEqual({ files: changed, housekeeping: [] });
  });
});

describe("SIGTERM or SIGINT while the output folder is written", () => {
  it("while staging: the previous build stays, nothing is left, exit 143", () => {
    const out = copyOfFull("sigterm");
    const env = { NCH_REPORT_TEST_KILL_AT: "3", NCH_REPORT_TEST_KILL_SIGNAL: "SIGTERM" };
    expect(build(data, out, md, env)).toEqual({
      code: 143,
      signal: null,
      stderr: `nch-report: interrupted by SIGTERM; the output folder ${out} holds one whole build\n`,
    });
    expect(contents(out)).toEqual({ files: fullSet, housekeeping: [] });
  });

  it("while committing: the commit is finished first, exit 130", () => {
    const out = copyOfFull("sigint");
    const env = { NCH_REPORT_TEST_KILL_AT: "15", NCH_REPORT_TEST_KILL_SIGNAL: "SIGINT" };
    expect(build(data, out, md, env)).toEqual({
      code: 130,
      signal: null,
      stderr: `nch-report: interrupted by SIGINT; the output folder ${out} holds one whole build\n`,
    });
    expect(contents(out)).toEqual({ files: changed, housekeeping: [] });
  });
});
