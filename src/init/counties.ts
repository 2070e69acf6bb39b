import { type Document, isSeq, type Node, Scalar, YAMLSeq } from "yaml";
import { COUNTIES, type County, foldName, matchCounty } from "../schema/counties.js";
import { pairOf, replaceValue, scalarAt, type ToDos } from "./todo.js";

/** Report year from which every county without a centre is listed (assignment A2025/01207). */
export const ALL_COUNTIES_FROM = 2026;

/** The county a status report is about, when its `county` value names one. */
export function countyOf(doc: Document): County | undefined {
  const value = scalarAt(doc.contents, "county")?.value;
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const match = matchCounty(value);
  return match.county;
}

function isCentre(doc: Document): boolean {
  return pairOf(doc.contents, "round") !== undefined || pairOf(doc.contents, "phase") !== undefined;
}

function clearThemes(doc: Document, key: string, what: string, year: number, todos: ToDos) {
  const pair = pairOf(doc.contents, key);
  if (!pair || !isSeq(pair.value) || pair.value.items.length === 0) return;
  const empty = new YAMLSeq();
  empty.flow = true;
  pair.value = empty;
  todos.comment(empty, `ange ${what} för ${year} (id i themes.yaml)`);
}

/**
 * A status report carried into the new year: what persists (county, operation, round, phase as
 * last known, principal, builds_on …) stays; what belongs to the period is cleared as to-dos.
 */
export function nextCountyStatus(doc: Document, year: number, todos: ToDos): void {
  const root = doc.contents;
  if (!isCentre(doc)) {
    const expected = scalarAt(root, "expected_established");
    if (expected) todos.comment(expected, "bekräfta när resurscentrum förväntas vara inrättat");
    return;
  }
  const period = pairOf(root, "period");
  if (period) {
    const quoted = (text: string) => Object.assign(new Scalar(text), { type: Scalar.QUOTE_DOUBLE });
    doc.set(
      "period",
      doc.createNode({ from: quoted(`${year}-01-01`), to: quoted(`${year}-12-31`) }),
    );
    todos.comment(period.key as Node, "bekräfta perioden som lägesbilden avser");
  }
  if (pairOf(root, "summary"))
    replaceValue(root, "summary", todos.text(`skriv nulägesbilden för ${year}`));
  if (pairOf(root, "plans")) replaceValue(root, "plans", todos.text("skriv planerna framåt"));
  clearThemes(doc, "success_factors", "framgångsfaktorer", year, todos);
  clearThemes(doc, "challenges", "utmaningar", year, todos);
  doc.delete("payment_note");
}

/** "Västra Götaland" → "vastra-gotaland", as the shipped file names. */
export function countySlug(county: County): string {
  return foldName(county.name).replace(/ /g, "-");
}

/**
 * A status report for a county without any in the previous year: the county alone. Its missing
 * expected_established is the to-do (counties/expected-missing names it).
 */
export function countyWithoutCentre(county: County): string {
  return [
    "# Län utan resurscentrum (uppdrag A2025/01207): lägg till när resurscentrum förväntas vara",
    '# inrättat, expected_established: "ÅÅÅÅ-MM", eller verksamhetens round och phase.',
    `county: ${county.name}`,
    "",
  ].join("\n");
}

/** Counties with no status report among `present` (codes), in SCB order. */
export function countiesMissing(present: ReadonlySet<string>): County[] {
  return COUNTIES.filter((c) => !present.has(c.code));
}
