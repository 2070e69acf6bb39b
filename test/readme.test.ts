import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/diagnostics/codes.js";

const readme = readFileSync("README.md", "utf8");

describe("README", () => {
  it("documents every diagnostic code with its default severity", () => {
    const missing = Object.entries(CODES)
      .filter(([code, info]) => !readme.includes(`| \`${code}\` | ${info.severity} |`))
      .map(([code]) => code);
    expect(missing).toEqual([]);
  });

  it("gives a quick start of exactly two commands, the second the test command", () => {
    const quickStart =
      readme.split("## Quick start")[1]?.split("```sh\n")[1]?.split("```")[0] ?? "";
    const commands = quickStart.trim().split("\n");
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm ci && npx nch-report (build|validate) 2025$/);
    expect(commands[1]).toBe("npm test");
  });
});
