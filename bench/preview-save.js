// P5: from saving a chapter of a copy of data/2025 to the preview serving the new page. Starts
// `nch-report preview 2025`, then per round appends a sentence to a chapter and times until the
// page is served with it (the server-sent reload, then the page's GET). Prints the times (s).
import { spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const [work, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText) || 5;
const data = path.join(work, "preview-data");
cpSync("data", data, { recursive: true });
const chapter = path.join(data, "2025", "chapters", "07-stod-till-yrkesverksamma.md");
const original = readFileSync(chapter, "utf8");
const child = spawn(
  process.execPath,
  ["bin/nch-report.js", "preview", "2025", "--data", data, "--no-open"],
  {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  },
);
let out = "";
const url = await new Promise((resolve, reject) => {
  child.stdout.on("data", (c) => {
    out += c;
    const m = /(?:at|på) (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (m) resolve(m[1]);
  });
  child.on("exit", (code) => reject(new Error(`preview exited ${code}`)));
});
const get = (u) =>
  new Promise((resolve, reject) =>
    http
      .get(u, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject),
  );
const versions = [];
let wake = () => {};
http.get(`${url}__nch/events`, (res) => {
  res.setEncoding("utf8");
  res.on("data", (chunk) => {
    for (const m of chunk.matchAll(/^data: (.*)$/gm)) versions.push(JSON.parse(m[1]).version);
    wake();
  });
});
const nextVersion = (after) =>
  new Promise((resolve) => {
    wake = () => {
      if (versions.at(-1) > after) resolve(versions.at(-1));
    };
    wake();
  });
await nextVersion(0);
const times = [];
// A warm-up save first: pandoc has loaded by then, as it has while an analyst writes.
for (let round = 0; round <= rounds; round++) {
  const sentence = `Mening ${round} för mätningen av förhandsvisningen.`;
  const before = versions.at(-1);
  const start = performance.now();
  writeFileSync(chapter, `${original}\n${sentence}\n`);
  await nextVersion(before);
  const page = await get(`${url}6-stod-till-yrkesverksamma.html`);
  const seconds = (performance.now() - start) / 1000;
  if (!page.includes(sentence)) throw new Error("the page served lacks the saved sentence");
  if (round > 0) times.push(seconds);
  await new Promise((r) => setTimeout(r, 300));
}
writeFileSync(chapter, original);
child.kill("SIGINT");
process.stdout.write(`${JSON.stringify(times)}\n`);
process.exit(0);
