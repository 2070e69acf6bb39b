import type { OutputRecipe } from "./recipe.js";

/** The PDF output; its code (src/output/pdf.ts) loads only when PDF is asked for. */
export const pdfRecipe = {
  name: "pdf",
  displayName: "PDF",
  files: ["report.pdf"],
  target: "pandoc",
  converters: ["pdf"],
  byDefault: true,
  ownStep: true,
  load: async () => (await import("./pdf.js")).pdfFiles,
} as const satisfies OutputRecipe<"pdf">;
