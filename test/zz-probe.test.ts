import { readFileSync, readdirSync } from "node:fs";
import { it } from "vitest";
import { parseYaml } from "../src/load/yaml.js";
import { CountyStatus } from "../src/schema/county-status.js";
import { checkAgainstSchema } from "../src/schema/validate.js";
it("probe", () => {
  for (const f of readdirSync("test/fixtures/strict")) {
    const rel = `strict/${f}`;
    const parsed = parseYaml(rel, readFileSync(`test/fixtures/${rel}`, "utf8"));
    const found = parsed.diagnostics.length > 0 ? parsed.diagnostics : checkAgainstSchema(CountyStatus, parsed.source).diagnostics;
    console.log(f, JSON.stringify(found));
  }
});
