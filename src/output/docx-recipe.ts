import { convertedDocument } from "./recipe.js";

/** The DOCX output; its code (src/output/docx.ts) loads only when DOCX is asked for. */
export const docxRecipe = convertedDocument(
  "docx",
  "DOCX",
  async () => (await import("./docx.js")).docxFiles,
);
