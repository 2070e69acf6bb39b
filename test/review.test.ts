import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { WordReview } from "./word-review.js";

// `nch-report review` on DOCX files built here and then reviewed as Word writes them.
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", NCH_REPORT_CACHE: ".nch-cache/test" };
delete ENV.SOURCE_DATE_EPOCH;
delete ENV.GITHUB_ACTIONS;

function cli(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [path.resolve("bin/nch-report.js"), ...args], {
    encoding: "utf8",
    env: ENV,
    cwd,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temp = () => mkdtempSync(path.join(tmpdir(), "nch-review-"));

/** Builds the year's DOCX (with its manifest) into a folder of its own. */
function buildDocx(year: number, data = "data"): string {
  const out = temp();
  const built = cli(["build", String(year), "--format", "docx", "--data", data, "--out", out, "--quiet"]);
  expect(built.stderr).toBe("");
  expect(built.code).toBe(0);
  return out;
}

const ANNA = "Anna Analytiker";
const BO = "Bo Granskare";
const DATE = "2026-12-01T09:30:00Z";

let build2023: string;
let reviewed2023: string;

beforeAll(() => {
  build2023 = buildDocx(2023);
  const review = new WordReview(readFileSync(path.join(build2023, "report.docx")));
  const prose = review.comment({ text: "Stödtelefonen har funnits sen 2014" }, ANNA, DATE, "Sedan 2014 eller 2015?");
  review.reply(prose, BO, "2026-12-02T08:00:00Z", "2014 enligt diariet.");
  review.comment({ text: "bedriver ett operativt arbete" }, ANNA, DATE, "Gäller det hela länet?");
  review.comment({ text: "kunnat dra nytta av lärdomar" }, BO, DATE, "Vilka län?");
  review.comment({ text: "18 420", after: "Tabell 2: Resultaträkning" }, ANNA, DATE, "Stämmer lönekostnaderna?");
  review.comment({ text: "1 105 000", after: "Tabell 4: Lämnade bidrag" }, BO, DATE, "Örebro fick 1 105 000 kr");
  review.comment({ text: "antal samtal per organisation 2023", after: "Figur 3" }, ANNA, DATE, "Färger?");
  review.delete({ text: "framför allt " }, BO, DATE);
  review.insert({ text: "Rekrytering med fokus på en breddad kompetens har" }, ANNA, DATE, " ändå");
  reviewed2023 = path.join(build2023, "report-granskad.docx");
  writeFileSync(reviewed2023, review.bytes());
}, 240_000);

describe("report.docx knows its sources", () => {
  it("records each hidden anchor's source in manifest.json", () => {
    const manifest = JSON.parse(readFileSync(path.join(build2023, "manifest.json"), "utf8"));
    const sources = manifest.sources["report.docx"];
    expect(Object.keys(sources).length).toBeGreaterThan(500);
    expect(sources._nch2023_1).toEqual({ file: "2023/report.yaml", line: 4, column: 8, path: "title" });
  });
});

describe("nch-report review", () => {
  it("maps each comment, reply and tracked change to its source (json)", () => {
    const result = cli(["review", reviewed2023, "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    console.log(JSON.stringify(report, null, 1));
  });

  it("stylish and github", () => {
    console.log(cli(["review", reviewed2023]).stdout);
    console.log(cli(["review", reviewed2023, "--format", "github"]).stdout);
  });
});
