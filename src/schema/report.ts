import { z } from "zod";
import { isoDate, prose } from "./common.js";
import { ProvenanceDeclaration } from "./provenance.js";

export const Signatory = z.strictObject({
  name: prose.describe("Namn"),
  title: prose.describe("Titel, t.ex. Landshövding"),
});

export const ReportMeta = z
  .strictObject({
    year: z.number().int().min(2000).max(2100).describe("Redovisningsår"),
    title: prose.describe("Titel"),
    organisation: prose.describe("Författare (organisation)"),
    publisher: prose.describe("Utgivare"),
    isbn: z.string().describe("ISBN-13, t.ex. 978-91-89819-08-5"),
    report_number: z.string().describe("Rapportnummer, t.ex. 2024:2"),
    registration_number: z.string().describe("Diarienummer, t.ex. 2445-2024"),
    published: z.number().int().min(2000).max(2100).describe("Utgivningsår"),
    signed: z
      .strictObject({
        place: prose.describe("Ort"),
        date: isoDate.describe("Datum för underskrift"),
        by: z.array(Signatory).describe("Undertecknare"),
      })
      .describe("Förordets underskrift"),
    cover: z
      .strictObject({
        subtitle: prose.optional().describe("Undertitel (standard: författaren)"),
        wordmark: z
          .string()
          .regex(
            /^[^/\\]+$/,
            "Give the name of an SVG file in the year's figurer/ folder, without .svg.",
          )
          .optional()
          .describe("Ordmärke eller logotyp: namnet på en SVG-fil i årets figurer/"),
      })
      .default({})
      .describe("Omslagets framsida"),
    back_cover: z
      .strictObject({
        lines: z.array(prose).optional().describe("Utgivarens namn och adress, en rad per post"),
        web: prose.optional().describe("Webbadress, t.ex. www.lansstyrelsen.se/ostergotland"),
      })
      .default({})
      .describe("Omslagets baksida"),
    chapters: z
      .array(z.string().min(1))
      .min(1)
      .describe("Kapitel i ordning, sökvägar under chapters/"),
    illustrative: z.boolean().default(false).describe("Exempeldata: true märker varje sida"),
    provenance: z
      .record(z.string(), ProvenanceDeclaration)
      .default({})
      .describe("Ursprung per fil under årets mapp (CSV-filer, bilder, counties/*.yaml)"),
    options: z
      .strictObject({
        disclosure: z
          .strictObject({
            min_count: z
              .number()
              .int()
              .min(1)
              .describe("Antal från 1 till detta värde visas som – (röjandeskydd)"),
          })
          .optional(),
        toc_before_foreword: z
          .boolean()
          .default(false)
          .describe("true: innehållsförteckningen före förordet (publicerad ordning: efter)"),
      })
      .default({ toc_before_foreword: false })
      .describe("Inställningar"),
  })
  .describe("report.yaml: metadata och kapitelordning");
export type ReportMeta = z.infer<typeof ReportMeta>;
