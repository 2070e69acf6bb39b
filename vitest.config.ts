import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The browser tests need Chromium: npm run test:browser (vitest.browser.config.ts).
    exclude: ["test/browser/**", "**/node_modules/**"],
    // Whole builds run pandoc and Typst: give them time on a loaded 2-core machine.
    testTimeout: 60_000,
  },
});
