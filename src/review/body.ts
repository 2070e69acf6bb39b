import type { ReviewItem, ReviewKind } from "./read.js";
import { attr, children, type Node, textOf } from "./xml.js";

export type Change = Omit<ReviewItem, "before" | "after"> & { para: number };

const CHANGE_KIND: Record<string, ReviewKind> = {
  "w:ins": "insertion",
  "w:del": "deletion",
  "w:moveTo": "move",
};

/** One pass over the body in document order: anchors, comment ranges, tracked changes. */
export class BodyWalker {
  readonly anchors: string[] = [];
  readonly ranges = new Map<
    string,
    { anchor: string | undefined; commented: string; para: number }
  >();
  readonly changes: Change[] = [];
  readonly paragraphs: { before: string; after: string }[] = [];
  private current: string | undefined;
  private paraAnchor: string | undefined;
  private readonly open = new Set<string>();

  constructor(private readonly prefix: string) {}

  walk(n: Node): void {
    const name = n.nodeName;
    if (name === "w:p") {
      this.paragraph(n);
      return;
    }
    if (name === "w:bookmarkStart") {
      const bookmark = attr(n, "w:name");
      if (bookmark.startsWith(this.prefix)) {
        this.anchors.push(bookmark);
        this.current = bookmark;
      }
    } else if (name === "w:commentRangeStart" || name === "w:commentReference") {
      const id = attr(n, "w:id");
      if (!this.ranges.has(id)) {
        const para = this.paragraphs.length - (this.paraText ? 1 : 0);
        this.ranges.set(id, { anchor: this.here(), commented: "", para });
        if (name === "w:commentRangeStart") this.open.add(id);
      }
    } else if (name === "w:commentRangeEnd") this.open.delete(attr(n, "w:id"));
    else if (name === "w:t" || name === "w:delText") {
      const text = textOf(n, [name]);
      for (const id of this.open) {
        const range = this.ranges.get(id);
        if (range) range.commented += text;
      }
      if (!this.inChange) this.text(text);
    } else if (name === "w:moveFrom" && this.paraText && !this.inChange) {
      // The moved text's old place: part of the paragraph as it was; the move is told at w:moveTo.
      this.paraText.before += textOf(n, ["w:t", "w:delText"]);
      this.inside(n);
      return;
    } else if (CHANGE_KIND[name] && this.paraText && !this.inChange) {
      this.change(n, CHANGE_KIND[name]);
      return;
    }
    for (const c of children(n)) this.walk(c);
  }

  private inChange = false;

  private inside(n: Node): void {
    this.inChange = true;
    for (const c of children(n)) this.walk(c);
    this.inChange = false;
  }

  private paraText: { before: string; after: string } | undefined;

  private here(): string | undefined {
    return this.paraAnchor ?? this.current;
  }

  private paragraph(p: Node): void {
    // The paragraph's own anchor wins over one before it, wherever Word put the comment's start.
    const own = findAnchor(p, this.prefix);
    this.paraAnchor = own;
    this.paraText = { before: "", after: "" };
    const index = this.paragraphs.length;
    this.paragraphs.push(this.paraText);
    for (const c of children(p)) this.walk(c);
    this.paragraphs[index] = this.paraText;
    this.paraText = undefined;
    this.paraAnchor = undefined;
  }

  private change(n: Node, kind: ReviewKind): void {
    const text = textOf(n, [kind === "deletion" ? "w:delText" : "w:t"]);
    const para = this.paraText as { before: string; after: string };
    this.changes.push({
      kind,
      author: attr(n, "w:author"),
      date: attr(n, "w:date"),
      text,
      commented: "",
      anchor: this.here(),
      context: para.before,
      id: attr(n, "w:id"),
      para: this.paragraphs.length - 1,
    });
    if (kind === "deletion") para.before += text;
    else para.after += text;
    this.inside(n);
  }

  /** Plain runs add to both texts of the paragraph. */
  private text(text: string): void {
    if (!this.paraText) return;
    this.paraText.before += text;
    this.paraText.after += text;
  }
}

function findAnchor(n: Node, prefix: string): string | undefined {
  if (n.nodeName === "w:bookmarkStart" && attr(n, "w:name").startsWith(prefix))
    return attr(n, "w:name");
  for (const c of children(n)) {
    const found = findAnchor(c, prefix);
    if (found) return found;
  }
  return undefined;
}
