// The text a reader of the PDF gets (what a viewer copies or reads aloud): glyphs of every page
// mapped through their fonts' ToUnicode tables, and every text string (outline, alt texts,
// document title). Enough PDF for what Typst writes; anything it cannot read makes it throw,
// so that a gate relying on it fails closed rather than passing unread text.
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export class UnreadablePdfError extends Error {}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) \d+ obj\b/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const streamAt = text.indexOf("stream", bodyStart);
    const endAt = text.indexOf("endobj", bodyStart);
    if (endAt === -1) throw new UnreadablePdfError(`object ${m[1]} has no end`);
    const object: PdfObject = { dict: text.slice(bodyStart, endAt) };
    if (streamAt !== -1 && streamAt < endAt) {
      object.dict = text.slice(bodyStart, streamAt);
      const dataStart = streamAt + (text[streamAt + 6] === "\r" ? 8 : 7);
      const dataEnd = text.lastIndexOf("endstream", endAt);
      object.stream = decodeStream(object.dict, pdf.subarray(dataStart, dataEnd));
    }
    objects.set(Number(m[1]), object);
    start.lastIndex = endAt;
  }
  if (text.includes("/ObjStm")) throw new UnreadablePdfError("object streams are not read");
  return objects;
}

function decodeStream(dict: string, data: Buffer): Buffer | undefined {
  const filter = /\/Filter\s*\[?\s*\/(\w+)/.exec(dict)?.[1];
  if (filter === undefined) return data;
  if (filter !== "FlateDecode") return undefined; // images (DCT) carry no text
  try {
    return inflateSync(data, { finishFlush: 2 });
  } catch {
    throw new UnreadablePdfError("a stream does not inflate");
  }
}

/** A PDF text string: UTF-16BE with its BOM, else PDFDocEncoding (Latin-1 here). */
function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString("utf16le");
  return bytes.toString("latin1");
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** A literal string "(…)" from `at` (the opening parenthesis): its bytes and where it ends. */
function literalString(s: string, at: number): { bytes: Buffer; end: number } {
  const out: number[] = [];
  let depth = 0;
  let i = at;
  for (; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === "\\") {
      const next = s[++i] as string;
      if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(s.slice(i, i + 3))?.[0] as string;
        out.push(Number.parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      } else if (next === "\n" || next === "\r") {
        if (next === "\r" && s[i + 1] === "\n") i++;
      } else out.push(ESCAPES[next] ?? next.charCodeAt(0));
      continue;
    }
    if (ch === "(" && depth++ === 0) continue;
    if (ch === ")" && --depth === 0) break;
    out.push(ch.charCodeAt(0));
  }
  return { bytes: Buffer.from(out), end: i + 1 };
}

function hexString(hex: string): Buffer {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "");
  return Buffer.from(clean.length % 2 ? `${clean}0` : clean, "hex");
}

/** A font's code → text table from its ToUnicode CMap (bfchar and bfrange), and its code length. */
function parseCMap(cmap: string): { map: Map<number, string>; bytes: number } {
  const map = new Map<number, string>();
  const unicode = (hex: string) => hexString(hex).swap16().toString("utf16le");
  const space = /<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>/.exec(
    /begincodespacerange([\s\S]*?)endcodespacerange/.exec(cmap)?.[1] ?? "",
  );
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(Number.parseInt(m[1] as string, 16), unicode(m[2] as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] as string).matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g,
    )) {
      const [low, high] = [
        Number.parseInt(m[1] as string, 16),
        Number.parseInt(m[2] as string, 16),
      ];
      const target = m[3] as string;
      const list = target.startsWith("[") ? [...target.matchAll(/<([0-9a-fA-F]*)>/g)] : undefined;
      for (let code = low; code <= high && code - low < 65536; code++) {
        if (list) map.set(code, unicode(list[code - low]?.[1] ?? ""));
        else {
          const base = hexString(target.slice(1, -1));
          base.writeUInt16BE(
            (base.readUInt16BE(base.length - 2) + code - low) & 0xffff,
            base.length - 2,
          );
          map.set(code, base.swap16().toString("utf16le"));
        }
      }
    }
  }
  return { map, bytes: space?.[1] ? space[1].length / 2 : 2 };
}

/** The value of `/key` in a dictionary's text: a dictionary, an array, a reference or a token. */
function dictValue(dict: string, key: string): string | undefined {
  const at = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
  if (!at) return undefined;
  const from = at.index + at[0].length;
  const open = dict.startsWith("<<", from) ? "<<" : dict.startsWith("[", from) ? "[" : "";
  if (!open) return /^(\d+ \d+ R|\S+)/.exec(dict.slice(from))?.[0];
  const close = open === "<<" ? ">>" : "]";
  let depth = 0;
  for (let i = from; i < dict.length; i++) {
    if (dict.startsWith(open, i)) depth++;
    else if (dict.startsWith(close, i) && --depth === 0) return dict.slice(from, i + close.length);
  }
  return undefined;
}

type Objects = Map<number, PdfObject>;

/** A dictionary given inline or by reference. */
function resolved(objects: Objects, value: string | undefined): string {
  const ref = value && /^(\d+) \d+ R$/.exec(value.trim());
  return ref ? (objects.get(Number(ref[1]))?.dict ?? "") : (value ?? "");
}

type Font = ReturnType<typeof parseCMap>;

function fontsOf(objects: Objects, owner: string, cmaps: Map<number, Font>): Map<string, Font> {
  const fonts = new Map<string, Font>();
  const table = resolved(
    objects,
    dictValue(resolved(objects, dictValue(owner, "Resources")), "Font"),
  );
  for (const m of table.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) \d+ R/g)) {
    const font = objects.get(Number(m[2]));
    const toUnicode = font && /\/ToUnicode\s+(\d+) \d+ R/.exec(font.dict)?.[1];
    const stream = toUnicode ? objects.get(Number(toUnicode))?.stream : undefined;
    if (!stream) continue;
    const cmap = cmaps.get(Number(toUnicode)) ?? parseCMap(stream.toString("latin1"));
    cmaps.set(Number(toUnicode), cmap);
    fonts.set(m[1] as string, cmap);
  }
  return fonts;
}

function glyphText(bytes: Buffer, font: Font): string {
  let text = "";
  for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
    const code = font.bytes === 2 ? bytes.readUInt16BE(i) : (bytes[i] as number);
    text += font.map.get(code) ?? "\uFFFD";
  }
  return text;
}

type Operand = string | number | Buffer | Operand[];

/** The next token of a content stream from `at`: an operand, an operator, or undefined at the end. */
function token(
  s: string,
  at: number,
): { value: Operand | { op: string }; end: number } | undefined {
  let i = at;
  while (i < s.length && /[\s\0]/.test(s[i] as string)) i++;
  if (i >= s.length) return undefined;
  const ch = s[i] as string;
  if (ch === "%") return token(s, s.indexOf("\n", i) === -1 ? s.length : s.indexOf("\n", i));
  if (ch === "(") {
    const { bytes, end } = literalString(s, i);
    return { value: bytes, end };
  }
  if (s.startsWith("<<", i) || s.startsWith(">>", i))
    return { value: { op: s.slice(i, i + 2) }, end: i + 2 };
  if (ch === "<") {
    const end = s.indexOf(">", i);
    return { value: hexString(s.slice(i + 1, end)), end: end + 1 };
  }
  if (ch === "[" || ch === "]") return { value: { op: ch }, end: i + 1 };
  const word = /^(\/[^\s/<>[\]()%]*|[^\s/<>[\]()%]+)/.exec(s.slice(i, i + 256))?.[0] ?? ch;
  const number = Number(word);
  return {
    value:
      word.startsWith("/") || Number.isNaN(number)
        ? word.startsWith("/")
          ? word
          : { op: word }
        : number,
    end: i + word.length,
  };
}

/** The text of one content stream, a space between text objects and moves, in stream order. */
function contentText(content: string, fonts: Map<string, Font>, strings: string[]): string {
  const out: string[] = [];
  const stack: Operand[][] = [[]];
  let font: Font | undefined;
  const show = (value: Operand | undefined) => {
    if (!Buffer.isBuffer(value)) return;
    if (!font) throw new UnreadablePdfError("text is shown without a font");
    out.push(glyphText(value, font));
  };
  for (let t = token(content, 0); t; t = token(content, t.end)) {
    const operands = stack[stack.length - 1] as Operand[];
    const v = t.value;
    if (typeof v !== "object" || Buffer.isBuffer(v) || Array.isArray(v)) {
      operands.push(v);
      continue;
    }
    if (v.op === "[" || v.op === "<<") stack.push([]);
    else if (v.op === "]" || v.op === ">>") {
      const inner = stack.length > 1 ? (stack.pop() as Operand[]) : [];
      (stack[stack.length - 1] as Operand[]).push(inner);
    } else if (v.op === "ID") {
      t = { value: 0, end: content.indexOf("EI", t.end) + 2 }; // inline image data
    } else {
      if (v.op === "Tf") {
        const name = String(operands[operands.length - 2] ?? "").slice(1);
        font = fonts.get(name);
        if (!font) throw new UnreadablePdfError(`font ${name} has no ToUnicode table`);
      } else if (v.op === "Tj" || v.op === "'" || v.op === '"') show(operands[operands.length - 1]);
      else if (v.op === "TJ") {
        for (const part of (operands[operands.length - 1] as Operand[]) ?? []) {
          if (typeof part === "number" && part < -250) out.push(" ");
          else show(part);
        }
      } else if (/^(BT|ET|Td|TD|T\*|Tm)$/.test(v.op)) out.push(" ");
      else if (v.op === "BDC") collectStrings(operands, strings);
      stack[stack.length - 1] = [];
    }
  }
  return out.join("");
}

/** Marked-content properties may carry /ActualText or /Alt: text a reader gets too. */
function collectStrings(operands: Operand[], strings: string[]): void {
  for (const o of operands) {
    if (Buffer.isBuffer(o)) strings.push(textString(o));
    else if (Array.isArray(o)) collectStrings(o, strings);
  }
}

/** Every text string in an object's dictionary: outline titles, /Alt, /Title, /ActualText. */
function dictStrings(dict: string, strings: string[]): void {
  for (let i = 0; i < dict.length; i++) {
    if (dict[i] === "(") {
      const { bytes, end } = literalString(dict, i);
      strings.push(textString(bytes));
      i = end - 1;
    } else if (dict[i] === "<" && dict[i + 1] !== "<" && dict[i - 1] !== "<") {
      const end = dict.indexOf(">", i);
      strings.push(textString(hexString(dict.slice(i + 1, end))));
      i = end;
    }
  }
}

/** The PDF's text: the pages' glyphs as text, then every text string and the XMP metadata. */
export function pdfText(pdf: Uint8Array): string {
  const objects = parseObjects(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  const cmaps = new Map<number, Font>();
  const pages: string[] = [];
  const strings: string[] = [];
  for (const object of objects.values()) {
    dictStrings(object.dict, strings);
    const isPage = /\/Type\s*\/Page(?![a-z])/.test(object.dict);
    const isForm = object.stream && /\/Subtype\s*\/Form/.test(object.dict);
    // XMP metadata, without the document's ids (hashes, not text: their digits are no numbers).
    if (object.stream && /\/Subtype\s*\/XML/.test(object.dict))
      pages.push(object.stream.toString("utf8").replace(/<xmpMM:\w*ID>[^<]*/g, ""));
    if (!isPage && !isForm) continue;
    const fonts = fontsOf(objects, object.dict, cmaps);
    const refs = isPage
      ? [...(dictValue(object.dict, "Contents") ?? "").matchAll(/(\d+) \d+ R/g)]
      : [];
    const streams = isPage ? refs.map((r) => objects.get(Number(r[1]))?.stream) : [object.stream];
    const content = streams.map((s) => s?.toString("latin1") ?? "").join("\n");
    pages.push(contentText(content, fonts, strings));
  }
  return [...pages, ...strings].join("\n");
}
