// Edits a built report.docx the way Word writes a reviewed document: comments with their ranges
// and references, replies in commentsExtended.xml, tracked insertions and deletions.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
const W15 = 'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unesc = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** Where to act: the first run holding `text` after the first occurrence of `after` (if given). */
export interface Target {
  text: string;
  after?: string;
}

interface Comment {
  id: number;
  author: string;
  date: string;
  text: string;
  paraId: string;
  parent?: string;
}

const RUN =
  /<w:r>(<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/g;

export class WordReview {
  private readonly files: Record<string, Uint8Array>;
  private document: string;
  private readonly comments: Comment[] = [];
  private nextId = 0;

  constructor(docx: Uint8Array) {
    this.files = unzipSync(docx);
    this.document = strFromU8(this.files["word/document.xml"] as Uint8Array);
  }

  /** Splits the run holding the target into before / target / after; returns what to wrap. */
  private split(target: Target, wrap: (rPr: string, text: string) => string): void {
    const after = target.after ? this.document.indexOf(esc(target.after)) : 0;
    if (after < 0) throw new Error(`No "${target.after}" in the document.`);
    RUN.lastIndex = this.document.lastIndexOf("<w:p>", after);
    for (let m = RUN.exec(this.document); m; m = RUN.exec(this.document)) {
      const text = unesc(m[2] ?? "");
      const at = text.indexOf(target.text);
      if (at < 0) continue;
      const rPr = m[1] ?? "";
      const run = (t: string) =>
        t ? `<w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>` : "";
      const replaced =
        run(text.slice(0, at)) + wrap(rPr, target.text) + run(text.slice(at + target.text.length));
      this.document =
        this.document.slice(0, m.index) + replaced + this.document.slice(m.index + m[0].length);
      return;
    }
    throw new Error(`No run with "${target.text}" in the document.`);
  }

  /** A comment on the target's text; returns its id, for replies. */
  comment(target: Target, author: string, date: string, text: string): number {
    const id = this.nextId++;
    this.split(
      target,
      (rPr, t) =>
        `<w:commentRangeStart w:id="${id}"/><w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
    );
    return this.record(id, author, date, text);
  }

  /** A comment on a picture: Word puts the range around the run of the drawing. */
  commentOnImage(alt: string, author: string, date: string, text: string): number {
    const id = this.nextId++;
    const at = this.document.indexOf(`descr="${esc(alt)}`);
    const start = this.document.lastIndexOf("<w:r><w:drawing>", at);
    const end = this.document.indexOf("</w:drawing></w:r>", at) + "</w:drawing></w:r>".length;
    if (at < 0 || start < 0) throw new Error(`No picture "${alt}" in the document.`);
    this.document = `${this.document.slice(0, start)}<w:commentRangeStart w:id="${id}"/>${this.document.slice(start, end)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>${this.document.slice(end)}`;
    return this.record(id, author, date, text);
  }

  /** A reply: a comment of its own on the same text, its parent in commentsExtended.xml. */
  reply(parent: number, author: string, date: string, text: string): number {
    const id = this.nextId++;
    const start = `<w:commentRangeStart w:id="${parent}"/>`;
    const reference = `<w:r><w:commentReference w:id="${parent}"/></w:r>`;
    this.document = this.document
      .replace(start, `${start}<w:commentRangeStart w:id="${id}"/>`)
      .replace(
        reference,
        `${reference}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
      );
    const parentPara = this.comments.find((c) => c.id === parent)?.paraId;
    return this.record(id, author, date, text, parentPara);
  }

  /** The comment as comments.xml and commentsExtended.xml will list it; Word's paraId from its id. */
  private record(id: number, author: string, date: string, text: string, parent?: string): number {
    const paraId = (0x10000000 + id).toString(16).toUpperCase();
    this.comments.push({ id, author, date, text, paraId, ...(parent && { parent }) });
    return id;
  }

  insert(target: Target, author: string, date: string, inserted: string): void {
    const id = 9000 + this.nextId++;
    this.split(
      target,
      (rPr, t) =>
        `<w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r><w:ins w:id="${id}" w:author="${esc(author)}" w:date="${date}"><w:r>${rPr}<w:t xml:space="preserve">${esc(inserted)}</w:t></w:r></w:ins>`,
    );
  }

  delete(target: Target, author: string, date: string): void {
    const id = 9000 + this.nextId++;
    this.split(
      target,
      (rPr, t) =>
        `<w:del w:id="${id}" w:author="${esc(author)}" w:date="${date}"><w:r>${rPr}<w:delText xml:space="preserve">${esc(t)}</w:delText></w:r></w:del>`,
    );
  }

  /** A tracked move: the text struck at `from`, and the same text put in after `to`'s text. */
  move(from: Target, to: Target, author: string, date: string): void {
    const id = 9000 + this.nextId++;
    const who = `w:author="${esc(author)}" w:date="${date}"`;
    this.split(
      from,
      (rPr, t) =>
        `<w:moveFrom w:id="${id}" ${who}><w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:moveFrom>`,
    );
    this.split(
      to,
      (rPr, t) =>
        `<w:r>${rPr}<w:t xml:space="preserve">${esc(t)}</w:t></w:r><w:moveTo w:id="${id + 1}" ${who}><w:r>${rPr}<w:t xml:space="preserve">${esc(from.text)}</w:t></w:r></w:moveTo>`,
    );
  }

  bytes(): Uint8Array {
    const files = { ...this.files };
    files["word/document.xml"] = strToU8(this.document);
    files["word/comments.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W} ${W14}>${this.comments
        .map(
          (c) =>
            `<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="${c.date}" w:initials="X"><w:p w14:paraId="${c.paraId}"><w:r><w:t xml:space="preserve">${esc(c.text)}</w:t></w:r></w:p></w:comment>`,
        )
        .join("")}</w:comments>`,
    );
    files["word/commentsExtended.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx ${W15}>${this.comments
        .map(
          (c) =>
            `<w15:commentEx w15:paraId="${c.paraId}"${c.parent ? ` w15:paraIdParent="${c.parent}"` : ""} w15:done="0"/>`,
        )
        .join("")}</w15:commentsEx>`,
    );
    const rels = strFromU8(files["word/_rels/document.xml.rels"] as Uint8Array);
    files["word/_rels/document.xml.rels"] = strToU8(
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdNchX" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>',
      ),
    );
    const types = strFromU8(files["[Content_Types].xml"] as Uint8Array);
    files["[Content_Types].xml"] = strToU8(
      types.replace(
        "</Types>",
        '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
      ),
    );
    return zipSync(files);
  }
}
