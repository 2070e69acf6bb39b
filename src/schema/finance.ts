import { z } from "zod";
import type { IssueParams } from "./common.js";
import { amount, prose } from "./common.js";
import { ProvenanceDeclaration } from "./provenance.js";

/**
 * One line of resultaträkning or anslagsredovisning: a leaf with outcome and forecast,
 * or a sum with children (its outcome/forecast, when given, are stated totals to check).
 */
export const FinanceLine = z
  .strictObject({
    label: prose.describe("Radens benämning"),
    outcome: amount.optional().describe("Utfall (blad) eller angiven summa (summarad)"),
    forecast: amount.optional().describe("Prognos (blad) eller angiven summa (summarad)"),
    role: z
      .enum(["grants"])
      .optional()
      .describe("grants: raden för lämnade bidrag, stäms av mot grants.csv"),
    get children() {
      return z.array(FinanceLine).min(1).optional().describe("Delrader; raden är då en summa");
    },
  })
  .superRefine((line, ctx) => {
    if (!line.children && line.outcome === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["outcome"],
        params: {
          code: "schema/invalid-value",
          args: { issue: "no-outcome", label: line.label },
        } satisfies IssueParams,
      });
    }
  });
export type FinanceLine = z.infer<typeof FinanceLine>;

const unit = z.enum(["tkr", "kr"]).describe("Enhet: tkr eller kr");

export const IncomeStatement = z
  .strictObject({
    title: prose.default("Verksamhetens intäkter och kostnader").describe("Rubrik"),
    unit: unit.default("tkr"),
    outcome_label: prose.optional().describe("Kolumnrubrik för utfall"),
    forecast_label: prose.optional().describe("Kolumnrubrik för prognos"),
    lines: z.array(FinanceLine).min(1).describe("Rader; den första är årets totala utfall"),
    provenance: ProvenanceDeclaration.optional(),
  })
  .describe("finance/income-statement.yaml: resultaträkning");
export type IncomeStatement = z.infer<typeof IncomeStatement>;

export const SubAssignment = z.strictObject({
  id: z.string().optional().describe("Diarienummer, t.ex. A2021/01029"),
  title: prose.describe("Uppdragets namn"),
  ceiling: amount.describe("Högst så här många kronor får användas"),
  spent: amount.optional().describe("Förbrukat under året, kr"),
  grants: z
    .boolean()
    .default(false)
    .describe("true: medlen betalas ut som bidrag (grants.csv) inom denna ram"),
});
export type SubAssignment = z.infer<typeof SubAssignment>;

export const Appropriation = z
  .strictObject({
    title: prose.describe("Anslagets namn"),
    unit: unit.default("kr"),
    outcome_label: prose.optional().describe("Kolumnrubrik för utfall"),
    forecast_label: prose.optional().describe("Kolumnrubrik för prognos"),
    lines: z.array(FinanceLine).min(1).describe("Rader, bland dem raden med role: grants"),
    sub_assignments: z.array(SubAssignment).default([]).describe("Årets deluppdrag med takbelopp"),
    provenance: ProvenanceDeclaration.optional(),
  })
  .describe("finance/appropriation.yaml: anslagsredovisning");
export type Appropriation = z.infer<typeof Appropriation>;
