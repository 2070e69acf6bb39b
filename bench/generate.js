// A data folder like data/2025 whose calls.csv has a million rows, for P4. Deterministic.

import { once } from "node:events";
import { cpSync, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

const ORGANISATIONS = [
  "Socialtjänst",
  "Skola/förskola",
  "Polis",
  "Hälso- och sjukvård",
  "Ideell organisation",
  "Annan myndighet/verksamhet",
  "Övrigt",
  "Uppgift saknas",
];
const COUNTIES = [
  "Stockholm",
  "Uppsala",
  "Södermanland",
  "Östergötland",
  "Jönköping",
  "Kronoberg",
  "Kalmar",
  "Gotland",
  "Blekinge",
  "Skåne",
  "Halland",
  "Västra Götaland",
  "Värmland",
  "Örebro",
  "Västmanland",
  "Dalarna",
  "Gävleborg",
  "Västernorrland",
  "Jämtland",
  "Västerbotten",
  "Norrbotten",
  "",
];

export async function generateMillionCalls(root, rows = 1_000_000) {
  const calls = path.join(root, "2025", "support-line", "calls.csv");
  if (existsSync(calls) && statSync(calls).size > rows * 30) return root;
  mkdirSync(root, { recursive: true });
  cpSync("data/2025", path.join(root, "2025"), { recursive: true });
  cpSync("data/history", path.join(root, "history"), { recursive: true });
  const out = createWriteStream(calls);
  out.write("date,organisation,county,child_marriage,abduction,fgm,id\n");
  let seed = 20250101;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let i = 1; i <= rows; i++) {
    const day = 1 + (next() % 365);
    const date = new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10);
    const r = next();
    const line = `${date},${ORGANISATIONS[r % 8]},${COUNTIES[(r >> 3) % 22]},${r % 17 === 0 ? 1 : ""},${r % 11 === 0 ? 1 : ""},${r % 29 === 0 ? 1 : ""},2025-${String(i).padStart(7, "0")}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return root;
}
