import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import type { FindingArgs } from "../diagnostics/args.js";
import { wordsOf } from "../diagnostics/messages/index.js";
import { BodyWalker } from "./body.js";
import { attr, children, type Node, textOf } from "./xml.js";

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

/** Why a file to review cannot be read: its code and args (messages/en-review.ts words them). */
export type ReviewReadProblem =
  | { code: "review/unreadable"; args: FindingArgs["review/unreadable"] }
  | { code: "review/not-a-docx"; args: FindingArgs["review/not-a-docx"] };

/** A file that is no DOCX (or a broken one): one finding, exit 1. */
export class ReviewReadError extends Error {
  constructor(readonly problem: ReviewReadProblem) {
    super(wordsOf(problem.code, problem.args as never, "en").message);
    this.name = "ReviewReadError";
  }
}

function parse(xml: string, part: string): Node {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(
      xml,
      "text/xml",
    ) as unknown as Node;
  } catch {
    throw new ReviewReadError({ code: "review/not-a-docx", args: { problem: "xml", part } });
  }
}

/** A report's document.xml is well under a megabyte: a part above this is no report (or a zip bomb). */
const MAX_PART = 64 * 1024 * 1024;

/** The parts of a DOCX this reads; a file that is no zip or has no document is refused. */
function parts(bytes: Uint8Array): Record<string, string> {
  let files: Record<string, Uint8Array>;
  let tooLarge: string | undefined;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name.startsWith("word/") && f.name.endsWith(".xml");
        if (wanted && f.originalSize > MAX_PART) tooLarge = f.name;
        return wanted && f.originalSize <= MAX_PART;
      },
    });
  } catch {
    throw new ReviewReadError({ code: "review/not-a-docx", args: { problem: "not-zip" } });
  }
  if (tooLarge) {
    throw new ReviewReadError({
      code: "review/not-a-docx",
      args: { problem: "part-too-large", part: tooLarge, megabytes: MAX_PART / 1024 / 1024 },
    });
  }
  const document = files["word/document.xml"];
  if (!document) {
    throw new ReviewReadError({ code: "review/not-a-docx", args: { problem: "no-document" } });
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
