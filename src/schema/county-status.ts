import { z } from "zod";
import { countyCode, isoDate, isoMonth, prose, vocabularyValue } from "./common.js";
import { ProvenanceDeclaration } from "./provenance.js";
import {
  OWN_SUPPORT_LINE,
  PHASES,
  PRINCIPAL_STATUS,
  PROJECT_LEAD,
  SERVES,
  STEERING_GROUP,
} from "./vocabulary.js";

/** counties/<slug>.yaml: the status report (lägesbild) of one resource-centre operation. */
export const CountyStatus = z
  .strictObject({
    county: countyCode.describe("Län: namn i valfri vanlig form eller SCB-kod"),
    operation: prose.optional().describe("Verksamhetens namn"),
    area: prose
      .optional()
      .describe("Område inom länet när länet har flera verksamheter, t.ex. Skaraborg (rubrik)"),
    round: z.number().int().min(1).optional().describe("Projektomgång"),
    period: z
      .strictObject({ from: isoDate, to: isoDate })
      .optional()
      .describe("Perioden lägesbilden avser"),
    phase: vocabularyValue(PHASES).optional().describe("Fas"),
    operational_since: isoMonth.optional().describe("Månad då operativt stöd började"),
    principal: z
      .strictObject({
        name: prose.describe("Huvudman"),
        status: vocabularyValue(PRINCIPAL_STATUS).describe("Beslutad eller planerad"),
      })
      .optional()
      .describe("Huvudman"),
    builds_on: prose.optional().describe("Befintlig struktur som verksamheten bygger på"),
    steering_group: vocabularyValue(STEERING_GROUP).optional().describe("Styrgrupp"),
    project_lead: vocabularyValue(PROJECT_LEAD).optional().describe("Projektledare"),
    own_support_line: vocabularyValue(OWN_SUPPORT_LINE).optional().describe("Egen stödlinje"),
    serves: z.array(vocabularyValue(SERVES)).optional().describe("Vilka som får operativt stöd"),
    summary: prose.optional().describe("Nulägesbild (Markdown)"),
    plans: prose.optional().describe("Planer framåt (Markdown)"),
    success_factors: z
      .array(z.string())
      .default([])
      .describe("Framgångsfaktorer: id i themes.yaml"),
    challenges: z.array(z.string()).default([]).describe("Utmaningar: id i themes.yaml"),
    expected_established: isoMonth
      .optional()
      .describe("Län utan resurscentrum: förväntad etablering (A2025/01207)"),
    payment_note: prose
      .optional()
      .describe("Skäl till att ingen utbetalning gjorts under året trots beviljade medel"),
    provenance: ProvenanceDeclaration.optional(),
  })
  .describe("Lägesbild för en verksamhet");
export type CountyStatus = z.infer<typeof CountyStatus>;
