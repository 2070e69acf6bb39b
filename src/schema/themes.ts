import { z } from "zod";
import { prose } from "./common.js";
import { ProvenanceDeclaration } from "./provenance.js";

export const Theme = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Write the id in lower case with hyphens, e.g. glesbygd.")
    .describe("Id som lägesbilderna refererar till"),
  title: prose.describe("Rubrik"),
  text: prose.describe("Analytikernas sammanfattning (Markdown)"),
});
export type Theme = z.infer<typeof Theme>;

export const Themes = z
  .strictObject({
    success_factors: z.array(Theme).default([]).describe("Framgångsfaktorer"),
    challenges: z.array(Theme).default([]).describe("Utmaningar"),
    provenance: ProvenanceDeclaration.optional(),
  })
  .describe("themes.yaml: framgångsfaktorer och utmaningar");
export type Themes = z.infer<typeof Themes>;
