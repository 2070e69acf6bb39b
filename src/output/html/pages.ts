// The report's pandoc Markdown cut into the HTML edition's pages: one per top-level chapter.

/** One page's Markdown: the chapter from its `# ` heading to the next one. */
export interface PageSource {
  /** File name in html/: "index.html" for the front page, else from the heading. */
  file: string;
  markdown: string;
}

const FENCE = /^(```|~~~)/;

/** Top-level chapters at their `# ` headings (not inside fenced code); what precedes goes to the front page. */
export function splitChapters(markdown: string): { front: string; chapters: string[] } {
  const chapters: string[] = [];
  let current: string[] = [];
  let front: string[] | undefined;
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const opens = FENCE.exec(line)?.[1];
    if (opens && (fence === undefined || fence === opens)) fence = fence ? undefined : opens;
    if (fence === undefined && /^# /.test(line)) {
      if (front === undefined) front = current;
      else chapters.push(current.join("\n"));
      current = [];
    }
    current.push(line);
  }
  if (front === undefined) return { front: current.join("\n"), chapters };
  chapters.push(current.join("\n"));
  return { front: front.join("\n"), chapters };
}

/** "6. Stöd till yrkesverksamma" → "6-stod-till-yrkesverksamma": ASCII, for a file name. */
export function pageSlug(heading: string): string {
  const words = heading
    .replace(/\{[^}]*\}\s*$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    if (slug.length + word.length > 48) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug || "kapitel";
}

/** The pages of the report: the front page, then each chapter under a unique file name. */
export function reportPages(markdown: string): { front: string; pages: PageSource[] } {
  const { front, chapters } = splitChapters(markdown);
  const used = new Set(["index"]);
  const pages = chapters.map((chapter) => {
    const heading = chapter.slice(
      2,
      chapter.indexOf("\n") === -1 ? undefined : chapter.indexOf("\n"),
    );
    const base = pageSlug(heading);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return { file: `${name}.html`, markdown: chapter };
  });
  return { front, pages };
}
