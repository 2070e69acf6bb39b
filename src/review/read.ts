import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";

/** What a reviewer did to the DOCX: a comment, a reply to one, or a tracked change. */
export type ReviewKind = "comment" | "reply" | "insertion" | "deletion" | "move";

export interface ReviewItem {
  kind: ReviewKind;
  author: string;
  /** As Word writes it: "2026-12-01T10:15:00Z"; "" when absent. */
  date: string;
  /** The comment's words, or the text inserted, deleted or moved. */
  text: string;
  /** The document text the comment is attached to (comments and replies). */
  commented: string;
  /** The nearest source anchor (`_nch2023_12`), or undefined when there is none before it. */
  anchor: string | undefined;
  /** The paragraph as it was (deletions kept, insertions left out) and as suggested. */
  before: string;
  after: string;
  /** Text of the paragraph before the change (as it was): where an insertion goes. */
  context: string;
  /** A reply's comment id; the comment's own id. */
  id: string;
  parent?: string;
}

/** A file that is no DOCX (or a broken one): one message and a hint, exit 1. */
export class ReviewReadError extends Error {
  constructor(
    readonly code: "review/unreadable" | "review/not-a-docx",
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ReviewReadError";
  }
}

type Node = { nodeName: string; childNodes?: ArrayLike<Node>; nodeValue?: string | null } & {
  getAttribute?: (name: string) => string | null;
};

function parse(xml: string, part: string): Node {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(
      xml,
      "text/xml",
    ) as unknown as Node;
  } catch {
    throw new ReviewReadError(
      "review/not-a-docx",
      `${part} in the file is not well-formed XML.`,
      "Open the document in Word or LibreOffice and save it again as .docx.",
    );
  }
}

const attr = (n: Node, name: string) => n.getAttribute?.(name) ?? "";
const children = (n: Node): Node[] => Array.from(n.childNodes ?? []);

function textOf(n: Node, tags: readonly string[] = ["w:t"]): string {
  if (tags.includes(n.nodeName))
    return children(n)
      .map((c) => c.nodeValue ?? "")
      .join("");
  if (n.nodeName === "w:tab") return "\t";
  return children(n)
    .map((c) => textOf(c, tags))
    .join("");
}

/** The parts of a DOCX this reads; a file that is no zip or has no document is refused. */
function parts(bytes: Uint8Array): Record<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.startsWith("word/") && f.name.endsWith(".xml"),
    });
  } catch {
    throw new ReviewReadError(
      "review/not-a-docx",
      "The file is not a DOCX (not a zip archive).",
      "Give the .docx file itself as Word or LibreOffice saved it (not a .doc, PDF or shortcut).",
    );
  }
  const document = files["word/document.xml"];
  if (!document) {
    throw new ReviewReadError(
      "review/not-a-docx",
      "The file is a zip archive but no DOCX: it has no word/document.xml.",
      "Give the .docx file itself as Word or LibreOffice saved it.",
    );
  }
  return Object.fromEntries(Object.entries(files).map(([name, b]) => [name, strFromU8(b)]));
}

interface CommentInfo {
  author: string;
  date: string;
  text: string;
  paraIds: string[];
}

function readComments(xml: string | undefined): Map<string, CommentInfo> {
  const found = new Map<string, CommentInfo>();
  if (!xml) return found;
  const walk = (n: Node) => {
    if (n.nodeName === "w:comment") {
      const paragraphs = children(n).filter((c) => c.nodeName === "w:p");
      found.set(attr(n, "w:id"), {
        author: attr(n, "w:author"),
        date: attr(n, "w:date"),
        text: paragraphs.map((p) => textOf(p)).join("\n"),
        paraIds: paragraphs.map((p) => attr(p, "w14:paraId")).filter(Boolean),
      });
    } else children(n).forEach(walk);
  };
  walk(parse(xml, "word/comments.xml"));
  return found;
}

/** Reply → parent comment id, from commentsExtended.xml's paraIdParent. */
function readParents(xml: string | undefined, comments: Map<string, CommentInfo>) {
  const parents = new Map<string, string>();
  if (!xml) return parents;
  const byPara = new Map<string, string>();
  for (const [id, c] of comments) for (const p of c.paraIds) byPara.set(p, id);
  const walk = (n: Node) => {
    if (n.nodeName === "w15:commentEx") {
      const own = byPara.get(attr(n, "w15:paraId"));
      const parent = byPara.get(attr(n, "w15:paraIdParent"));
      if (own !== undefined && parent !== undefined) parents.set(own, parent);
    } else children(n).forEach(walk);
  };
  walk(parse(xml, "word/commentsExtended.xml"));
  return parents;
}

export interface ReviewedDocument {
  items: ReviewItem[];
  /** Every source anchor's name found in the document, in order. */
  anchors: string[];
}

/** Reads a reviewed DOCX: comments (with replies) and tracked changes, each at its nearest anchor. */
export function readReviewedDocx(bytes: Uint8Array, anchorPrefix: string): ReviewedDocument {
  const xml = parts(bytes);
  const comments = readComments(xml["word/comments.xml"]);
  const parents = readParents(xml["word/commentsExtended.xml"], comments);
  const walker = new BodyWalker(anchorPrefix);
  walker.walk(parse(xml["word/document.xml"] as string, "word/document.xml"));
  const items: ReviewItem[] = [];
  const placed = new Map<string, { anchor: string | undefined; commented: string; para: number }>();
  for (const [id, range] of walker.ranges) placed.set(id, range);
  for (const [id, c] of comments) {
    const parent = parents.get(id);
    const at = placed.get(id) ?? (parent !== undefined ? placed.get(parent) : undefined);
    const para = walker.paragraphs[at?.para ?? -1];
    items.push({
      kind: parent !== undefined ? "reply" : "comment",
      author: c.author,
      date: c.date,
      text: c.text,
      commented: at?.commented ?? "",
      anchor: at?.anchor,
      before: para?.before ?? "",
      after: para?.after ?? "",
      context: "",
      id,
      ...(parent !== undefined && { parent }),
    });
  }
  for (const change of walker.changes) {
    const para = walker.paragraphs[change.para];
    items.push({ ...change, before: para?.before ?? "", after: para?.after ?? "" });
  }
  return { items, anchors: walker.anchors };
}

type Change = Omit<ReviewItem, "before" | "after"> & { para: number };

const CHANGE_KIND: Record<string, ReviewKind> = {
  "w:ins": "insertion",
  "w:del": "deletion",
  "w:moveTo": "move",
};

/** One pass over the body in document order: anchors, comment ranges, tracked changes. */
class BodyWalker {
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
