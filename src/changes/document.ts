/**
 * The rendered report as a reader meets it: blocks of text under their section heading, and
 * tables with their caption, header and rows. The table of contents is left out: every heading
 * it lists is compared where it stands.
 */

export interface Table {
  /** "Antal samtal per organisation 2025" (without "Tabell N:", which moves when tables are added). */
  caption: string;
  header: string[];
  rows: string[][];
}

export interface Block {
  section: string;
  kind: "text" | "chart" | "table";
  text: string;
  table?: Table;
  /** A chart's name ("calls-per-county") and caption line ("Antal samtal per län 2025"). */
  chart?: string;
  caption?: string;
}

const TOC = /^#\s+Innehållsförteckning\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const TABLE_CAPTION = /^\*Tabell \d+: (.*)\*$/;
const IMAGE = /^!\[(.*)\]\((?:[^)]*\/)?([^/)]*?)(?:\.svg)?\)$/s;
const FIGURE_CAPTION = /^\*Figur \d+: (.*)\*$/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** "5.1.1.2 Projektomgång 2 › Dalarna": the nearest heading, under its numbered one if it has no number. */
function sectionName(stack: readonly string[]): string {
  const nearest = stack.at(-1) ?? "";
  if (/^\d/.test(nearest) || stack.length < 2) return nearest;
  const numbered = [...stack].reverse().find((h) => /^\d/.test(h));
  return numbered ? `${numbered} › ${nearest}` : stack.join(" › ");
}

export function readDocument(markdown: string): Block[] {
  const blocks: Block[] = [];
  const stack: string[] = [];
  let inToc = false;
  for (const raw of markdown.split(/\n{2,}/)) {
    const text = raw.trim();
    if (!text) continue;
    const heading = HEADING.exec(text);
    if (heading && !text.includes("\n")) {
      const level = (heading[1] as string).length;
      inToc = TOC.test(text);
      if (inToc) continue;
      stack.length = Math.min(stack.length, level - 1);
      while (stack.length < level - 1) stack.push("");
      stack.push(heading[2] as string);
      blocks.push({ section: sectionName(stack.filter(Boolean)), kind: "text", text });
      continue;
    }
    if (inToc) continue;
    const section = sectionName(stack.filter(Boolean)) || "Titelsida";
    const lines = text.split("\n");
    if (lines.every((l) => l.startsWith("|")) && lines.length >= 2) {
      const caption = TABLE_CAPTION.exec(blocks.at(-1)?.text ?? "")?.[1] ?? section;
      const rows = lines.slice(2).map(cells);
      blocks.push({
        section,
        kind: "table",
        text,
        table: { caption, header: cells(lines[0] ?? ""), rows },
      });
      continue;
    }
    const image = IMAGE.exec(text);
    const previous = blocks.at(-1);
    // The caption line stands above its chart (both sides are built by this version).
    const above = previous?.kind === "text" ? FIGURE_CAPTION.exec(previous.text)?.[1] : undefined;
    blocks.push(
      image
        ? {
            section,
            kind: "chart",
            text: image[1] as string,
            chart: image[2] as string,
            ...(above && { caption: above }),
          }
        : { section, kind: "text", text },
    );
  }
  return blocks;
}
