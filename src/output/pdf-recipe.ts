import { convertedDocument } from "./recipe.js";

/** The PDF output; its code (src/output/pdf.ts) loads only when PDF is asked for. */
export const pdfRecipe = convertedDocument(
  "pdf",
  "PDF",
  async () => (await import("./pdf.js")).pdfFiles,
);
