/**
 * Literal numbers in a carried chapter: each line with one gets a Handlebars comment
 * `{{!-- TODO: granska … --}}` (never printed), so that validate lists it for review.
 * Expressions ({{supportLine.thisYear.total}}) follow the data and are left alone.
 */

/** A figure or year as written: 342, 21 751, 12,5. */
const NUMBER = /\d+(?:[ \u00a0]\d{3})*(?:,\d+)?/g;
/** Glued to a letter, a slash, a colon or a dot (A2025/01207, 2022:1345, 5.1.1) it is a reference. */
const REFERENCE_BEFORE = /[\p{L}\d/:.§-]$/u;
const REFERENCE_AFTER = /^(?:[\p{L}\d/]|[:.]\d)/u;

interface LineState {
  fence: string | null;
  inMustache: boolean;
  inComment: boolean;
  /** The text of a {{ … }} that spans lines, up to this line. */
  mustache: string;
}

/** The parts of a line a reader sees as prose: without code, links' targets, Handlebars or comments. */
function proseOf(line: string, state: LineState): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (state.inMustache) {
      const end = line.indexOf("}}", i);
      state.mustache += end < 0 ? `${line.slice(i)}\n` : line.slice(i, end);
      if (end < 0) return out;
      // A quoted argument (caption="… 2015–2023") is printed; number="5.1.1" is not prose.
      for (const m of state.mustache.matchAll(/(\w+=)?"([^"]*)"/g))
        if (m[1] !== "number=") out += ` ${m[2]} `;
      state.inMustache = false;
      state.mustache = "";
      i = end + 2;
    } else if (state.inComment) {
      const end = line.indexOf("-->", i);
      if (end < 0) return out;
      state.inComment = false;
      i = end + 3;
    } else if (line.startsWith("{{", i)) {
      if (line.startsWith("{{!", i)) {
        const end = line.indexOf("}}", i);
        if (end < 0) return out;
        i = end + 2;
      } else {
        state.inMustache = true;
        i += 2;
      }
    } else if (line.startsWith("<!--", i)) {
      state.inComment = true;
      i += 4;
    } else if (line[i] === "`") {
      const end = line.indexOf("`", i + 1);
      i = end < 0 ? line.length : end + 1;
      out += " ";
    } else if (line.startsWith("](", i)) {
      const end = line.indexOf(")", i);
      i = end < 0 ? line.length : end + 1;
      out += " ";
    } else {
      out += line[i];
      i++;
    }
  }
  return out;
}

/** Literal numbers of one prose text, in order, each once. */
export function literalNumbers(prose: string): string[] {
  const found: string[] = [];
  const text = prose.replace(/https?:\/\/\S+/g, " ").replace(/\[\^[^\]]*\]/g, " ");
  for (const m of text.matchAll(NUMBER)) {
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(after)) continue;
    const value = m[0].replace(/\u00a0/g, " ");
    if (!found.includes(value)) found.push(value);
  }
  return found;
}

/** Heading numbers ("## 5.1 …") and list markers ("1. ") are structure, not figures. */
function withoutStructure(line: string): string {
  return line.replace(/^#{1,6}\s+\d+(?:\.\d+)*\.?\s/, "").replace(/^\s*\d+[.)]\s/, "");
}

export function markLiteralNumbers(text: string, from: number): { text: string; marked: number } {
  const state: LineState = { fence: null, inMustache: false, inComment: false, mustache: "" };
  const lines = text.split("\n");
  let pending: string[] = [];
  let marked = 0;
  for (const [n, line] of lines.entries()) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (state.fence !== null || fence) {
      if (state.fence === null) state.fence = fence?.[0] ?? null;
      else if (fence?.startsWith(state.fence)) state.fence = null;
      continue;
    }
    for (const number of literalNumbers(proseOf(withoutStructure(line), state)))
      if (!pending.includes(number)) pending.push(number);
    // A marker inside an open {{ … }} or <!-- … --> would break it: wait for its end.
    if (pending.length === 0 || state.inMustache || state.inComment) continue;
    const end = line.endsWith("\r") ? "\r" : "";
    lines[n] =
      `${line.slice(0, line.length - end.length)} {{!-- TODO: granska ${pending.join(", ")} (tal ur texten för ${from}) --}}${end}`;
    marked++;
    pending = [];
  }
  return { text: lines.join("\n"), marked };
}
