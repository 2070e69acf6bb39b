/**
 * Test hook: with NCH_REPORT_TEST_KILL_AT=N (honoured only under vitest), the process sends itself
 * NCH_REPORT_TEST_KILL_SIGNAL (default SIGKILL) at the N-th step of writing the output folder, so
 * the tests can kill the real CLI at every point of a commit.
 */
const killAt = process.env.VITEST ? Number(process.env.NCH_REPORT_TEST_KILL_AT ?? 0) : 0;
let steps = 0;

export function checkpoint(): void {
  if (killAt > 0 && ++steps === killAt) {
    process.kill(
      process.pid,
      (process.env.NCH_REPORT_TEST_KILL_SIGNAL ?? "SIGKILL") as NodeJS.Signals,
    );
  }
}
