// The package mirror of our build machines serves only the linux-x64 builds of platform-specific
// optional packages (Biome's CLI, the Typst compiler), so `npm install` here leaves the other
// platforms out of package-lock.json, and `npm ci` then refuses the lock file. This adds each
// missing platform package with its version and os/cpu/libc, exactly what npm records when it can
// see them: npm skips them on other platforms and fetches them by name@version on Windows or macOS.
// Run after every `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const m =
    /-(android|darwin|linux|win32)-(arm64|x64|arm|ia32)(?:-(gnu|musl|msvc|eabi|gnueabihf))?$/.exec(
      name,
    );
  if (!m) return undefined;
  const [, os, cpu, abi] = m;
  const entry = { os: [os], cpu: [cpu] };
  if (os === "linux") entry.libc = [abi === "musl" ? "musl" : "glibc"];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[key] = { version, ...(pkg.dev && { dev: true }), optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform packages`);
