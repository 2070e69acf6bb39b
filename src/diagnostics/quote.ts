/** Longest value a message repeats: enough to recognise it, never a whole pasted paragraph. */
const MAX_ECHO = 60;

/** A value as a message shows it: in quotes, on one line, cut at 60 characters with "…". */
export function quoted(value: unknown): string {
  const text = String(value).replace(/\s+/g, " ");
  const chars = [...text];
  return `"${chars.length > MAX_ECHO ? `${chars.slice(0, MAX_ECHO - 1).join("")}…` : text}"`;
}
