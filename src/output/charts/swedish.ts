/** A label from data on one line: line breaks and runs of spaces (not U+00A0) as one space. */
export function plainLabel(label: string): string {
  return label.replace(/[^\S\u00a0]+/g, " ").trim();
}

/** The label lower-cased where it reads inside a sentence ("Bortförande" → "bortförande"). */
export function inSentence(label: string): string {
  const first = label.charAt(0);
  const second = label.charAt(1);
  // An abbreviation ("NCH", "OH") keeps its capitals.
  return second && second === second.toUpperCase() && second !== second.toLowerCase()
    ? label
    : first.toLowerCase() + label.slice(1);
}
