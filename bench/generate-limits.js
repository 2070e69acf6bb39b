// A data folder like data/2025 at every limit of src/load/limits.ts at once — the largest data
// the validator lets through — for the worst-case peak RSS of a full build. Deterministic.

import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/** The limits this folder fills (src/load/limits.ts; test/limits.test.ts checks they agree). */
export const FILLED = {
  grantPayments: 200,
  statusReports: 50,
  historyRows: 100,
  lineLength: 10_000,
  yearText: 256 * 1024,
};

const SENTENCE =
  "Arbetet mot hedersrelaterat våld och förtryck kräver samverkan mellan myndigheter, kommuner och civilsamhälle. ";

export function generateWorstCase(root) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const year = path.join(root, "2025");
  cpSync("data/2025", year, { recursive: true });
  mkdirSync(path.join(root, "history"));
  writeHistory(path.join(root, "history", "support-line.csv"));
  writeGrants(path.join(year, "finance", "grants.csv"));
  writeStatusReports(path.join(year, "counties"));
  fillChapters(year);
  return root;
}

function writeHistory(file) {
  const rows = ["year,cases,exposed_persons"];
  for (let i = 0; i < FILLED.historyRows; i++) rows.push(`${1825 + i},${300 + (i % 50)},`);
  writeFileSync(file, `${rows.join("\n")}\n`);
}

function writeGrants(file) {
  const header = readFileSync(file, "utf8").split("\n")[0];
  const rows = [header];
  for (let i = 0; i < FILLED.grantPayments; i++) {
    rows.push(`${10_000 + i};Grupp ${1 + (i % 4)};Länsstyrelsen i Uppsala län;2025-03-14;`);
  }
  writeFileSync(file, `${rows.join("\n")}\n`);
}

/** The shipped status reports again and again, each copy its own operation of its county. */
function writeStatusReports(dir) {
  const shipped = readdirSync(dir).sort();
  const texts = shipped.map((name) => readFileSync(path.join(dir, name), "utf8"));
  rmSync(dir, { recursive: true });
  mkdirSync(dir);
  for (let i = 0; i < FILLED.statusReports; i++) {
    const text = texts[i % texts.length].replace(/^operation:.*\n|^area:.*\n/gm, "");
    const named = text.replace(
      /^(county: .*)$/m,
      `$1\noperation: Resurscentrum ${i + 1}\narea: Område ${i + 1}`,
    );
    writeFileSync(path.join(dir, `operation-${String(i + 1).padStart(3, "0")}.yaml`), named);
  }
}

/** The last chapter grows with paragraphs of the longest line allowed until the year's text is full. */
function fillChapters(year) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(ya?ml|md)$/.test(name) && name !== "README.md") files.push(abs);
    }
  };
  walk(year);
  const used = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const line = SENTENCE.repeat(Math.floor(FILLED.lineLength / SENTENCE.length));
  const paragraph = `${line}\n\n`;
  const room = FILLED.yearText - used - 1024;
  const count = Math.floor(room / Buffer.byteLength(paragraph));
  appendFileSync(
    path.join(year, "chapters", "05-kunskapsstod.md"),
    `\n\n${paragraph.repeat(count)}`,
  );
}
