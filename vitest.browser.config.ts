import { defineConfig } from "vitest/config";

// npm run test:browser: the HTML edition and preview in Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
