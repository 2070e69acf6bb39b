import type { OutputRecipe } from "../recipe.js";

/** The HTML edition; its code (src/output/html/site.ts) loads only when HTML is asked for. */
export const htmlRecipe = {
  name: "html",
  displayName: "HTML",
  files: ["html/"],
  target: "pandoc",
  // Pandoc runs in the main thread, one page at a time, and only for pages not in the cache.
  converters: [],
  // Asked for by name: the default formats stay those of the product description.
  byDefault: false,
  ownStep: true,
  load: async () => (await import("./site.js")).htmlFiles,
} as const satisfies OutputRecipe<"html">;
