import type { OutputRecipe } from "./recipe.js";

/** The DOCX output; its code (src/output/docx.ts) loads only when DOCX is asked for. */
export const docxRecipe = {
  name: "docx",
  displayName: "DOCX",
  files: ["report.docx"],
  target: "pandoc",
  converters: ["docx"],
  byDefault: true,
  ownStep: true,
  load: async () => (await import("./docx.js")).docxFiles,
} as const satisfies OutputRecipe<"docx">;
