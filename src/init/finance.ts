import { type Document, isMap, isSeq, type Node, Scalar } from "yaml";
import { pairOf, scalarAt, type ToDos } from "./todo.js";

function zero(): Scalar {
  return new Scalar(0);
}

/** Each leaf's amounts become 0 with a to-do; a sum's stated totals go (they are computed). */
function clearLines(lines: unknown, todos: ToDos): void {
  if (!isSeq(lines)) return;
  for (const line of lines.items) {
    if (!isMap(line)) continue;
    const label = scalarAt(line, "label")?.value;
    if (pairOf(line, "children")) {
      line.delete("outcome");
      line.delete("forecast");
      clearLines(pairOf(line, "children")?.value, todos);
      continue;
    }
    const hasForecast = pairOf(line, "forecast") !== undefined;
    const outcome = zero();
    line.set("outcome", outcome);
    if (hasForecast) line.set("forecast", zero());
    todos.comment(outcome, `fyll i ${hasForecast ? "utfall och prognos" : "utfall"} (${label})`);
  }
}

function advanceLabels(doc: Document, from: number, year: number): void {
  for (const key of ["outcome_label", "forecast_label"]) {
    const label = scalarAt(doc.contents, key);
    if (typeof label?.value === "string")
      label.value = label.value.replace(new RegExp(`\\b${from}\\b`, "g"), String(year));
  }
}

/** income-statement.yaml or appropriation.yaml: structure and labels, no amounts. */
export function nextFinance(doc: Document, from: number, year: number, todos: ToDos): void {
  advanceLabels(doc, from, year);
  clearLines(pairOf(doc.contents, "lines")?.value, todos);
  const subs = pairOf(doc.contents, "sub_assignments")?.value;
  if (!isSeq(subs)) return;
  for (const sub of subs.items) {
    if (!isMap(sub)) continue;
    const ceiling = zero();
    sub.set("ceiling", ceiling);
    todos.comment(ceiling, `fyll i takbeloppet för ${year}`);
    if (pairOf(sub, "spent")) {
      const spent = zero();
      sub.set("spent", spent);
      todos.comment(spent as Node, "fyll i förbrukat under året");
    }
  }
}

/** The header line of a CSV file, as its author wrote it. */
export function headerOnly(text: string): string {
  const first = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
  return `${first}\n`;
}
