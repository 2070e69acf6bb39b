// Swedish text helpers shared by the model, the charts, the templates and the spelling rules.

/** Swedish collation, so "Östergötland" sorts after "Skåne" as in the report. */
export const swedishCollator = new Intl.Collator("sv-SE");

/** "Dalarna", "Dalarna och Skåne", "Dalarna, Skåne och Örebro" (no serial comma in Swedish). */
export function formatSwedishList(items: readonly string[], conjunction = "och"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** First letter upper-case: "bortförande" → "Bortförande"; the rest as written. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
