// Runs the CLI in this process and reports its peak RSS (MB) on fd 3, for the benchmark.
import { writeSync } from "node:fs";

const { main } = await import("../lib/main.js");
const code = await main(["node", "nch-report", ...process.argv.slice(2)]);
writeSync(3, `${JSON.stringify({ code, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exitCode = code;
