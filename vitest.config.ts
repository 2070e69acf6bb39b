import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Whole builds run pandoc and Typst: give them time on a loaded 2-core machine.
    testTimeout: 60_000,
  },
});
