// English words of the findings about files, YAML, CSV, limits and templates: the texts the tool
// has always printed. Codes whose args carry `detail` pass a parser's or a rule's own words on.
import type { Catalogue } from "./types.js";
import { q } from "./format.js";

const said = (a: { detail: string; hintText?: string }) => ({ message: a.detail, hint: a.hintText });
const YAML_SYNTAX_HINT = "Check indentation, colons and quotes on this line and the one before.";

export const enLoad = {
  "file/missing": (a) =>
    a.problem === "file"
      ? { message: `${a.file} does not exist.`, hint: "Create the file, or correct the path that names it." }
      : {
          message: `The chapter ${q(a.chapter)} does not exist (${a.file}).`,
          hint: "Create the chapter file, or correct its name in the chapter list.",
        },
  "file/absent": (a) => ({
    message: `There is no ${a.file}: ${a.consequence}`,
    hint: "Add the file (see examples/minimal/ for its form), or ignore this if it is intended.",
  }),
  "file/too-large": (a) => ({
    message: `${a.file} is ${a.size}, more than the limit of ${a.limit}.`,
    hint: "Check that this is the right file; a year's data is normally kilobytes.",
  }),
  "file/unreadable": (a) =>
    a.problem === "not-a-file"
      ? { message: `${a.file} is not a file.`, hint: "Replace it with a file." }
      : { message: `${a.file} could not be read: ${a.detail}`, hint: "Check the file's permissions." },
  "path/outside-data": (a) => {
    if (a.problem === "path")
      return {
        message: `The path ${q(a.path)} points outside the data folder.`,
        hint: "Write a path relative to the year's folder, without .. and not absolute.",
      };
    if (a.problem === "symlink")
      return {
        message: `${a.file} leads outside the data folder (a symbolic link): it was not read.`,
        hint: "Put the file itself inside the data folder instead of a link to somewhere else.",
      };
    return {
      message: `The image "${a.name}" is not a file inside the data folder.`,
      hint: 'Put the image in the year\'s figurer/ folder and place it with {{figure "<name>"}}.',
    };
  },
  "chapter/raw-output": (a) => ({
    message: a.detail,
    hint: "Write the chapter in Markdown; layout belongs in the templates (nch-report templates eject report), where it is checked and accessible.",
  }),
  "yaml/syntax": (a) => ({
    message: a.detail,
    hint:
      a.problem === "init"
        ? "Correct the previous year's file, then run init again."
        : a.problem === "terminology"
          ? "Write one agreed term per line: `könsstympning: [könsstympling*, könstympling*]`."
          : YAML_SYNTAX_HINT,
  }),
  "yaml/duplicate-key": (a) => ({
    message: `The key "${a.key}" appears twice in this mapping.`,
    hint: "Remove one of the two keys, or merge their values.",
  }),
  "yaml/tab-indent": (a) => ({
    message: a.detail,
    hint: "Indent with spaces; YAML does not allow tabs for indentation.",
  }),
  "yaml/alias-limit": (a) => ({
    message: `Aliases in ${a.file} expand too far: ${a.detail}`,
    hint: "Write the values out instead of repeating them through many nested aliases.",
  }),
  "yaml/prototype-key": (a) => ({
    message: `The key "${a.key}" is not allowed.`,
    hint: "Rename or remove the key; it has a special meaning to JavaScript objects.",
  }),
  "schema/unknown-key": (a) => ({
    message: `Unknown key "${a.key}"${a.where ? ` in ${a.where}` : ""}.`,
    hint: a.nearest !== undefined ? `Did you mean "${a.nearest}"?` : `Known keys here: ${a.known.join(", ")}.`,
  }),
  "schema/missing-key": (a) => ({
    message: `The required key "${a.where}" is missing.`,
    hint: `Add ${a.key !== undefined ? `"${a.key}:"` : "the entry"} here.`,
  }),
  "schema/invalid-value": said,
  "encoding/windows-1252": (a) => ({
    message: `${a.file} is not UTF-8; it was read as Windows-1252 (Excel's "CSV (semikolonavgränsad)").`,
    hint: 'Check å, ä and ö in the report; to be sure, save it in Excel as "CSV UTF-8 (kommaavgränsad)".',
  }),
  "encoding/not-utf8": (a) =>
    a.problem === "nul"
      ? {
          message: `${a.file} is not text in a known encoding (it contains NUL bytes).`,
          hint: 'In Excel, save it with "Spara som" › "CSV UTF-8 (kommaavgränsad)".',
        }
      : {
          message: `${a.file} is not UTF-8 text.`,
          hint: "Save the file as UTF-8 (in most editors: File › Save with encoding › UTF-8).",
        },
  "csv/syntax": (a) => ({
    message: a.detail,
    hint: `Each row needs the header's ${a.columns} columns separated by "${a.separator}"; quote cells that contain the separator.`,
  }),
  "csv/missing-column": (a) =>
    a.problem === "empty"
      ? { message: `${a.file} is empty: it has no header line.`, hint: `The first line names the columns: ${a.known.join(",")}.` }
      : {
          message: `The required column "${a.column}" is missing.`,
          hint: `The header line must name: ${a.known.join(", ")}.`,
        },
  "csv/unknown-column": (a) => ({
    message: `Unknown column ${q(a.column)}.`,
    hint: `The columns are: ${a.known.join(", ")}.`,
  }),
  "csv/invalid-value": said,
  "csv/duplicate-column": (a) => ({
    message: `The column ${q(a.column)} appears twice in the header: cells ${a.first} and ${a.second}.`,
    hint: "Remove or rename one of the two columns, so that it is clear which one holds the data.",
  }),
  "text/control-character": said,
  "calls/date-outside-year": said,
  "calls/duplicate-id": said,
  "calls/none": (a) => ({
    message: `${a.file} has a header but no calls registered.`,
    hint: "Add one row per registered call, or remove the file if the year has no call data.",
  }),
  "history/duplicate-year": (a) => ({
    message: `${a.year} appears twice: on line ${a.first} and line ${a.second}.`,
    hint: "Keep one row per year.",
  }),
  "text/line-too-long": (a) => ({
    message: `Line ${a.line} ${a.length === undefined ? "is longer than" : `has ${a.length} characters, more than`} the limit of ${a.limit}; the file was not read${a.csv ? " from there on" : ""}.`,
    hint: a.csv
      ? "Check the file's line ends and quotes: a row of this table is some hundred characters."
      : "Break the text into paragraphs (a blank line between them); no real paragraph is this long.",
  }),
  "text/year-too-large": (a) => ({
    message: `With this file the year's YAML files and chapters come to ${a.used}, more than the limit of ${a.limit}: it and the files after it were not read.`,
    hint: "Check for pasted data or a file that does not belong here; the 2023 report is 75 KB of text.",
  }),
  "grants/too-many-rows": said,
  "history/too-many-rows": said,
  "counties/too-many": said,
  "county/unknown": said,
  "vocab/unknown": said,
  "personal-data/in-output": (a) => ({
    message: `A ${a.kind} would be published in ${a.output} (${a.place})${a.traced ? "; it comes from here" : ""}. Nothing was written.`,
    hint: "Remove the number from the data, the chapter or the template that produces it; identity numbers must never reach the report.",
  }),
  "personal-data/unchecked-output": (a) => ({
    message: `The text of ${a.output} could not be read to check it for personal data (${a.detail}). Nothing was written.`,
    hint: "Report this as a bug of nch-report, with the data that caused it if you can share it.",
  }),
  "template/syntax": (a) => ({
    message: a.detail,
    hint: "Check that every {{ has its }}, every {{#block}} its {{/block}}, and that text meant literally is not inside {{ }}.",
  }),
  "template/unknown-variable": said,
  "template/unknown-partial": said,
  "template/unknown-helper": said,
  "template/no-value": said,
  "template/invalid-value": said,
  "template/typst": said,
  "text/unprintable-character": said,
  "template/chart": said,
} satisfies Partial<Catalogue>;
