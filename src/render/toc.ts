/** An ATX heading of the rendered Markdown. */
export interface Heading {
  level: number;
  /** The heading's Markdown (escaped as rendered). */
  markdown: string;
  /** GitHub's anchor for it: "511-samlad-lägesbild-för-resurscentralänen-2023". */
  anchor: string;
}

const ATX = /^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})/;

/** The headings of a Markdown text in order, outside fenced code. */
export function headingsOf(markdown: string, slugger = new GithubSlugger()): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const open = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (open?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (open) {
      fence = open;
      continue;
    }
    const match = ATX.exec(line);
    if (!match) continue;
    const markdownText = match[2] as string;
    headings.push({
      level: (match[1] as string).length,
      markdown: markdownText,
      anchor: slugger.slug(plainText(markdownText)),
    });
  }
  return headings;
}

/** What GitHub shows of a heading: escapes resolved, emphasis and code marks gone. */
export function plainText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|[*_`]/g, (_, escaped?: string) => escaped ?? "");
}

/**
 * GitHub's heading anchors (github-slugger): lower case, punctuation and symbols removed,
 * spaces to hyphens; letters of any script kept; a repeated anchor gets -1, -2, …
 */
export class GithubSlugger {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    const original = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    let result = original;
    while (this.occurrences.has(result)) {
      const n = (this.occurrences.get(original) ?? 0) + 1;
      this.occurrences.set(original, n);
      result = `${original}-${n}`;
    }
    this.occurrences.set(result, 0);
    return result;
  }
}

/** The table of contents as a nested Markdown list of links, levels 1 to maxLevel. */
export function tocMarkdown(headings: readonly Heading[], maxLevel = 3): string {
  const shown = headings.filter((h) => h.level <= maxLevel);
  const top = Math.min(...shown.map((h) => h.level));
  return shown
    .map((h) => `${"  ".repeat(h.level - top)}- [${h.markdown}](#${h.anchor})`)
    .join("\n");
}
