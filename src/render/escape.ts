/**
 * Text from data as literal Markdown, for GitHub (GFM) and for pandoc alike: nothing in a
 * summary, a theme text or a name can become a heading, a list, a table, a link, raw HTML,
 * raw Typst/LaTeX, math, a citation, an emoji or a template expression.
 */

/** ASCII punctuation that means something to GFM or pandoc anywhere in a line. */
const ACTIVE = /[\\`*_[\]{}<>#|$@^~&]/g;

/** Private-use characters the renderer uses as figure/table markers; never allowed from data. */
export const MARKER_START = "\uE000";
export const MARKER_END = "\uE001";

// Control characters other than tab and newline, and the renderer's markers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]/g;

/**
 * What is special only at the start of a paragraph: list markers ("-", "+", "1.", "a)", "(i)"),
 * setext underlines and rules ("=", "-"), definitions and fenced divs (":"), line blocks.
 */
const PARAGRAPH_START =
  /^(?:([-+=:%])|(\(?)([A-Za-z]{1,2}|[0-9]{1,9}|[ivxlcdmIVXLCDM]{1,6})([.)])(?=\s|$))/;

/** GitHub turns ":name:" into an emoji: break the pair by escaping its first colon. */
const EMOJI = /:(?=[A-Za-z0-9_+-]+:)/g;

function escapeLine(text: string): string {
  return text.replace(ACTIVE, "\\$&").replace(EMOJI, "\\:");
}

function escapeParagraphStart(paragraph: string): string {
  return paragraph.replace(
    PARAGRAPH_START,
    (_match, sign: string | undefined, open: string, marker: string, close: string) =>
      sign !== undefined ? `\\${sign}` : `${open ? "\\(" : ""}${marker}\\${close}`,
  );
}

/**
 * Escapes text for Markdown. Paragraphs (blank-line separated) are kept; the lines inside a
 * paragraph are joined with a space so that no line of data can start a block; indentation
 * that would make a code block and trailing spaces that would make a line break are dropped.
 */
export function escapeMarkdown(text: string): string {
  // NEL and the line/paragraph separators are line breaks to Typst: never let one start a block.
  return text
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .replace(UNWANTED, "")
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((paragraph) =>
      escapeParagraphStart(
        escapeLine(
          paragraph
            .split("\n")
            .map((line) => line.trim())
            .filter((line) => line !== "")
            .join(" "),
        ),
      ),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/** For a table cell or a heading: one line, whatever the text contains. */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, " "));
}
