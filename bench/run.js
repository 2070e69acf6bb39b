// npm run bench [-- --json] [-- --runs N]: times whole commands as a user runs them, each goal
// as a ratio against a baseline measured in the same run, so it holds on a noisy shared machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateMillionCalls } from "./generate.js";
import { generateWorstCase } from "./generate-limits.js";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const runs = Number(args[args.indexOf("--runs") + 1]) || 5;
/** The sub-second commands of P1 and P2 get three times as many rounds: they cost little. */
const shortRuns = runs * 3;
const work = mkdtempSync(path.join(tmpdir(), "nch-bench-"));
const env = {
  ...process.env,
  NO_COLOR: "1",
  NCH_REPORT_CACHE: path.join(work, "cache"),
  SOURCE_DATE_EPOCH: "1740787200",
};
const log = (line) => {
  if (!asJson) process.stderr.write(`${line}\n`);
};

/** Runs a command once; returns wall seconds, its stderr and (for rss.js) its peak RSS. */
function once(argv, withEnv = env) {
  const start = performance.now();
  const result = spawnSync(process.execPath, argv, {
    env: withEnv,
    encoding: "utf8",
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0)
    throw new Error(`${argv.join(" ")} exited ${result.status}:\n${result.stderr}`);
  const rss = result.output[3] ? JSON.parse(result.output[3] || "null") : null;
  return { seconds, stderr: result.stderr, maxRssMb: rss?.maxRssMb };
}

const stats = (samples) => {
  const times = samples.map((s) => s.seconds).sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)], max: times.at(-1), samples };
};

/**
 * A warm-up run of each command, then `rounds` rounds that run each command once, in turn: a
 * command and its baseline meet the same load on a shared machine, which measuring one after
 * the other would not give them. Per command: min, median, max.
 */
function measureTogether(commands, rounds) {
  for (const [, argv] of commands) once(argv);
  const samples = commands.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, [, argv]] of commands.entries()) samples[i].push(once(argv));
  }
  return commands.map(([name], i) => {
    const stat = stats(samples[i]);
    log(
      `  ${name.padEnd(34)} median ${stat.median.toFixed(3)} s  (min ${stat.min.toFixed(3)}, max ${stat.max.toFixed(3)})`,
    );
    return stat;
  });
}

/** A figure's ratio: of the medians, and the range of the command's runs against the baseline's median. */
function ratio(command, baseline) {
  return {
    value: command.median / baseline.median,
    min: command.min / baseline.median,
    max: command.max / baseline.median,
  };
}

const cli = (...a) => ["bin/nch-report.js", ...a];
const out = (name) => path.join(work, name);

log(
  `nch-report benchmark: a warm-up, then ${runs} rounds (${shortRuns} for the short commands) of each command beside its baseline; medians; work folder ${work}`,
);
const [node, validate, buildMd, buildHtml] = measureTogether(
  [
    ["node -e 0", ["-e", "0"]],
    ["validate 2025", cli("validate", "2025")],
    [
      "build 2025 --format md",
      cli("build", "2025", "--format", "md", "--out", out("md"), "--quiet"),
    ],
    [
      "build 2025 --format html",
      cli("build", "2025", "--format", "html", "--out", out("html"), "--quiet"),
    ],
  ],
  shortRuns,
);

// P5: a saved chapter to the new page served by `preview`, against a cold HTML build (no cache).
const coldHtml = stats(
  Array.from({ length: runs }, (_, i) =>
    once(cli("build", "2025", "--format", "html", "--out", out(`cold-${i}`), "--quiet"), {
      ...env,
      NCH_REPORT_CACHE: path.join(work, `cold-cache-${i}`),
    }),
  ),
);
log(`  ${"build 2025 --format html (cold)".padEnd(34)} median ${coldHtml.median.toFixed(3)} s`);
const saves = JSON.parse(
  spawnSync(process.execPath, ["bench/preview-save.js", work, String(runs)], {
    env,
    encoding: "utf8",
  }).stdout,
);
const save = stats(saves.map((seconds) => ({ seconds })));
log(`  ${"preview: save → page served".padEnd(34)} median ${save.median.toFixed(3)} s`);
// The baselines convert the Markdown this build wrote (report.pandoc.md), so it runs first.
once(cli("build", "2025", "--out", out("all"), "--keep-intermediates"));
writeFileSync(
  path.join(out("all"), "bench-meta.json"),
  JSON.stringify({
    title: "T",
    organisation: "O",
    publisher: "P",
    isbn: "",
    reportNumber: "",
    registrationNumber: "",
    published: 2026,
    stamp: "",
    cover: { subtitle: "S" },
    wordmark: false,
    backCover: { lines: ["P"], web: null },
  }),
);
const [buildAll, docxBase, pdfBase] = measureTogether(
  [
    [
      "build 2025 (md, docx, pdf)",
      cli("build", "2025", "--out", out("all"), "--keep-intermediates"),
    ],
    ["baseline: pandoc → DOCX", ["bench/baseline-docx.js", out("all")]],
    ["baseline: pandoc → Typst → PDF", ["bench/baseline-pdf.js", out("all")]],
  ],
  runs,
);
const buildRss = once(["bench/rss.js", "build", "2025", "--out", out("rss"), "--quiet"]).maxRssMb;

log("  generating a data folder with 1 000 000 calls …");
const million = await generateMillionCalls(path.join(tmpdir(), "nch-bench-1m"));
const [csvBase, validateMillion] = measureTogether(
  [
    [
      "baseline: csv-parse 1M rows",
      ["bench/baseline-csv.js", path.join(million, "2025/support-line/calls.csv")],
    ],
    ["validate 1M calls", ["bench/rss.js", "validate", "2025", "--data", million, "--quiet"]],
  ],
  runs,
);
const p4Rss = Math.max(...validateMillion.samples.map((s) => s.maxRssMb ?? 0));

// P5: the largest data the limits let through (src/load/limits.ts), built in every format once.
log("  building the worst case the limits allow (200 grants, 50 status reports, 256 KB of text) …");
const worst = generateWorstCase(path.join(tmpdir(), "nch-bench-limits"));
const worstBuild = once([
  "bench/rss.js",
  "build",
  "2025",
  "--data",
  worst,
  "--out",
  out("worst"),
  "--quiet",
]);
log(
  `  build of the worst case: ${worstBuild.seconds.toFixed(1)} s, peak RSS ${worstBuild.maxRssMb.toFixed(0)} MB`,
);

const stages = {};
for (const line of buildAll.samples.at(-1).stderr.split("\n")) {
  const m = /^✔ (.+?)(?: — .*)? \(([\d.]+) s\)$/.exec(line);
  if (m) stages[m[1]] = Number(m[2]);
}

const slowerBaseline = docxBase.median >= pdfBase.median ? docxBase : pdfBase;
const ratios = {
  P1: ratio(validate, node),
  P2: ratio(buildMd, node),
  P3: ratio(buildAll, slowerBaseline),
  P4: ratio(validateMillion, csvBase),
  HTML: ratio(buildHtml, node),
  P5_save: ratio(save, coldHtml),
};
const result = {
  P1: ratios.P1.value,
  P2: ratios.P2.value,
  P3: ratios.P3.value,
  P4: ratios.P4.value,
  P4_rss_mb: p4Rss,
  HTML: ratios.HTML.value,
  P5_save: ratios.P5_save.value,
  P5_save_ms: save.median * 1000,
  P5_rss_mb: worstBuild.maxRssMb,
  build_rss_mb: buildRss,
  seconds: {
    node: node.median,
    validate: validate.median,
    build_md: buildMd.median,
    build_all: buildAll.median,
    baseline_docx: docxBase.median,
    baseline_pdf: pdfBase.median,
    baseline_csv: csvBase.median,
    validate_1m: validateMillion.median,
    build_worst_case: worstBuild.seconds,
    build_html: buildHtml.median,
    build_html_cold: coldHtml.median,
    preview_save: save.median,
  },
  ranges: ratios,
  stages,
  runs,
  short_runs: shortRuns,
};
rmSync(work, { recursive: true, force: true });

const goals = {
  P1: 3,
  P2: 4,
  P3: 1.25,
  P4: 1.5,
  P4_rss_mb: 256,
  P5_rss_mb: 1024,
  HTML: 4,
  P5_save: 0.1,
  P5_save_ms: 300,
};
if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const row = (k) => {
    const v = result[k];
    const range = ratios[k] ? `${ratios[k].min.toFixed(2)}–${ratios[k].max.toFixed(2)}` : "";
    const verdict = v <= goals[k] ? "met" : "NOT met";
    return `| ${k} | ${v.toFixed(2)} | ${range} | ≤ ${goals[k]} | ${verdict} |`;
  };
  console.log("| figure | median | min–max | goal | |");
  console.log("|---|---:|---:|---:|---|");
  for (const k of Object.keys(goals)) console.log(row(k));
  console.log(`| build peak RSS (MB) | ${buildRss?.toFixed(0)} | | – | |`);
  console.log(`\nstages of the full build (s): ${JSON.stringify(stages)}`);
}
