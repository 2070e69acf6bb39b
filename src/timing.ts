// Where a build's time goes: with NCH_REPORT_TIMING=1 each named span is printed to stderr as it
// ends ("⏱ load 12.3 ms (ended at 181.0 ms)", the end counted from the process's start); without
// it a span is a bare call (nothing measured, nothing printed).
const enabled = Boolean(process.env.NCH_REPORT_TIMING);

/** Runs `work`, printing how long it took when timing is on. */
export async function span<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    const end = performance.now();
    process.stderr.write(
      `⏱ ${name} ${(end - start).toFixed(1)} ms (ended at ${end.toFixed(1)} ms)\n`,
    );
  }
}
