// English words of the findings about files, YAML, CSV, limits and templates: the texts the tool
// has always printed. Codes whose args carry `detail` pass a parser's or a rule's own words on.
import type { FindingArgs } from "../args.js";
import { quoted } from "../quote.js";
import { DATE_HINT_EN } from "./dates.js";
import { enSchemaIssue, TERMINOLOGY_HINT } from "./en-schema.js";
import type { Catalogue } from "./types.js";

const unknownName = (a: FindingArgs["template/unknown-helper"]) => {
  const kind = a.what === "helper" ? "Helpers" : "Partials";
  return {
    message: `There is no ${a.what} "${a.name}".`,
    hint:
      a.nearest !== undefined
        ? `Did you mean "${a.nearest}"?`
        : a.known
          ? `${kind}: ${a.known.join(", ")} (see the README, ${kind}).`
          : a.what === "helper"
            ? "See the README (Helpers)."
            : "See the README (Partials) for the built-in partials.",
  };
};
const YAML_SYNTAX_HINT = "Check indentation, colons and quotes on this line and the one before.";

export const enLoad = {
  "file/missing": (a) =>
    a.problem === "file"
      ? {
          message: `${a.file} does not exist.`,
          hint: "Create the file, or correct the path that names it.",
        }
      : {
          message: `The chapter ${quoted(a.chapter)} does not exist (${a.file}).`,
          hint: "Create the chapter file, or correct its name in the chapter list.",
        },
  "file/absent": (a) => ({
    message: `There is no ${a.file}: the report will have no ${
      {
        themes: "success factors or challenges",
        "income-statement": "resultaträkning",
        appropriation: "anslagsredovisning",
        grants: "list of grants paid",
        calls: "support-line figures for the year",
        counties: "status reports (lägesbilder)",
      }[a.lacking]
    }.`,
    hint: "Add the file (see examples/minimal/ for its form), or ignore this if it is intended.",
  }),
  "file/too-large": (a) => ({
    message: `${a.file} is ${a.size}, more than the limit of ${a.limit}.`,
    hint: "Check that this is the right file; a year's data is normally kilobytes.",
  }),
  "file/unreadable": (a) =>
    a.problem === "not-a-file"
      ? { message: `${a.file} is not a file.`, hint: "Replace it with a file." }
      : {
          message: `${a.file} could not be read: ${a.detail}`,
          hint: "Check the file's permissions.",
        },
  "path/outside-data": (a) => {
    if (a.problem === "path")
      return {
        message: `The path ${quoted(a.path)} points outside the data folder.`,
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
    message:
      a.markup === "raw-block" || a.markup === "raw-inline"
        ? `A raw {=${a.name}} ${a.markup === "raw-block" ? "block" : "inline"} is not allowed in a chapter.`
        : `Raw ${a.markup === "html" ? "HTML" : "TeX"} (${a.name}) is not allowed in a chapter.`,
    hint: "Write the chapter in Markdown; layout belongs in the templates (nch-report templates eject report), where it is checked and accessible.",
  }),
  "yaml/syntax": (a) => ({
    message: a.detail,
    hint:
      a.problem === "init"
        ? "Correct the previous year's file, then run init again."
        : a.problem === "terminology"
          ? TERMINOLOGY_HINT
          : YAML_SYNTAX_HINT,
  }),
  "yaml/duplicate-key": (a) => ({
    message: a.key !== undefined ? `The key "${a.key}" appears twice in this mapping.` : a.detail,
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
    hint:
      a.nearest !== undefined
        ? `Did you mean "${a.nearest}"?`
        : `Known keys here: ${a.known.join(", ")}.`,
  }),
  "schema/missing-key": (a) => ({
    message: `The required key "${a.where}" is missing.`,
    hint: `Add ${a.key !== undefined ? `"${a.key}:"` : "the entry"} here.`,
  }),
  "schema/invalid-value": enSchemaIssue,
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
      ? {
          message: `${a.file} is empty: it has no header line.`,
          hint: `The first line names the columns: ${a.known.join(",")}.`,
        }
      : {
          message: `The required column "${a.column}" is missing.`,
          hint: `The header line must name: ${a.known.join(", ")}.`,
        },
  "csv/unknown-column": (a) => ({
    message: `Unknown column ${quoted(a.column)}.`,
    hint: `The columns are: ${a.known.join(", ")}.`,
  }),
  "csv/invalid-value": (a) => {
    switch (a.problem) {
      case "amount":
        return {
          message: `${quoted(a.value)} is not an amount.`,
          hint: 'Write it as "1 105 000,0" or 1105000.00.',
        };
      case "round":
        return {
          message: `${quoted(a.value)} is not a project round.`,
          hint: 'Write the round as "Grupp 3" or 3.',
        };
      case "year":
        return {
          message: `${quoted(a.value)} is not a year.`,
          hint: "Write the year with four digits.",
        };
      case "date":
        return {
          message: `${quoted(a.value)} is not a ${a.payment ? "payment " : ""}date in the calendar.`,
          hint: DATE_HINT_EN,
        };
      case "count":
        return {
          message: `${quoted(a.value)} in ${a.column} is not a count.`,
          hint: "Write a whole number, or leave the cell empty when the figure is not known.",
        };
      case "people":
        return {
          message: `${quoted(a.value)} in ${a.column} is not a count of people.`,
          hint: "Write a whole number of 0 or more, or leave the cell empty for 0.",
        };
      case "too-many-people":
        return {
          message: `${a.value} exposed individuals in one call is more than any call concerns.`,
          hint: `One call concerns at most ${a.limit} exposed individuals; is the column right?`,
        };
      default:
        return {
          message: `"${a.value}" is not a provenance status.`,
          hint: `Write one of ${a.known.join(", ")}, or leave the cell empty.`,
        };
    }
  },
  "csv/duplicate-column": (a) => ({
    message: `The column ${quoted(a.column)} appears twice in the header: cells ${a.first} and ${a.second}.`,
    hint: "Remove or rename one of the two columns, so that it is clear which one holds the data.",
  }),
  "text/control-character": (a) => ({
    message: `An invisible character, ${a.character}, is in the text.`,
    hint: {
      "line-break":
        "Replace it with an ordinary line break (or a blank line between paragraphs); it was probably pasted from Word or a PDF.",
      direction:
        "Delete it: the PDF and Word lay out right-to-left text (Arabic, Persian) by themselves, and this invisible character can make text read in another order than it is stored.",
      joiner: "Delete it: a joiner belongs only between letters or inside an emoji.",
      other:
        'Delete this invisible character (your editor may show it when you turn on "render control characters"); it cannot be printed.',
    }[a.kind],
  }),
  "calls/date-outside-year": (a) => ({
    message: `The call on ${a.date} is outside the report year ${a.year}.`,
    hint: `Move the row to the data of ${a.date.slice(0, 4)}, or correct the date.`,
  }),
  "calls/duplicate-id": (a) => ({
    message: `The call id ${quoted(a.id)} is used twice: on line ${a.first} and line ${a.second}.`,
    hint: "Give each call its own id.",
  }),
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
  "grants/too-many-rows": (a) => ({
    message: `grants.csv has more than ${a.limit} payments (this row is number ${a.limit + 1}): it was not read.`,
    hint: "List the payments to the county boards only (21 counties, a few payments each); is this the whole ledger?",
  }),
  "history/too-many-rows": (a) => ({
    message: `history/support-line.csv has more than ${a.limit} rows (one per year): this row and those after it were not read.`,
    hint: "Keep one row per year before per-call data began.",
  }),
  "counties/too-many": (a) => ({
    message: `${a.folder}/ has ${a.count} status reports, more than the limit of ${a.limit}: this file and the ${a.count - a.limit - 1} after it were not read.`,
    hint: "Keep one file per operation (21 counties, a few operations each) and move other files out of counties/.",
  }),
  "county/unknown": (a) => ({
    message:
      a.context === "recipient"
        ? `The recipient ${quoted(a.value)} is not a county board.`
        : `${a.where ? `${a.where}: ` : ""}${quoted(a.value)} is not a Swedish county.`,
    hint: `${
      a.suggestion !== undefined
        ? `Did you mean "${a.suggestion}" (${a.suggestionCode})?`
        : 'Write a county name such as "Västra Götaland" or its SCB code such as "14".'
    }${a.context === "cell" ? " Leave the cell empty when the county is unknown." : ""}`,
  }),
  "vocab/unknown": (a) => ({
    message: `${a.where ? `${a.where}: ` : ""}${quoted(a.value)} is not ${a.cell ? "an" : "a valid"} ${a.vocabulary}.`,
    hint: `Use one of: ${a.known.join(", ")}.`,
  }),
  "personal-data/in-output": (a) => ({
    message: `A ${a.kind} would be published in ${a.output} (${a.place})${a.traced ? "; it comes from here" : ""}. Nothing was written.`,
    hint: "Remove the number from the data, the chapter or the template that produces it; identity numbers must never reach the report.",
  }),
  "personal-data/unchecked-output": (a) => ({
    message: `The text of ${a.output} could not be read to check it for personal data (${a.detail}). Nothing was written.`,
    hint: "Report this as a bug of nch-report, with the data that caused it if you can share it.",
  }),
  "template/syntax": (a) => ({
    message:
      a.expected !== undefined
        ? `Handlebars syntax error: unexpected ${a.got}, expected ${a.expected}.`
        : `Handlebars syntax error: ${a.detail}`,
    hint: "Check that every {{ has its }}, every {{#block}} its {{/block}}, and that text meant literally is not inside {{ }}.",
  }),
  "template/unknown-variable": (a) => ({
    message: `There is no variable "${a.path}".`,
    hint:
      a.suggestion !== undefined
        ? `Did you mean "${a.suggestion}"?`
        : "See the README (Model variables) for the names; they are case-sensitive.",
  }),
  "template/unknown-partial": unknownName,
  "template/unknown-helper": unknownName,
  "template/no-value": (a) =>
    "path" in a
      ? {
          message: `"${a.path}": ${a.parent ? `"${a.parent}"` : "the value"} has no value in this year's data (null).`,
          hint: `Guard it: {{#if ${a.parent || a.path}}}…{{else}}uppgift saknas{{/if}}.`,
        }
      : { message: a.detail, hint: a.hint },
  "template/invalid-value": (a) =>
    "problem" in a
      ? {
          message: `cover.wordmark: there is no image "${a.name}" in ${a.year}/figurer/.`,
          hint: `Put the wordmark in ${a.year}/figurer/${a.name}.svg, or name one of: ${a.known.join(", ") || "(none)"}.`,
        }
      : { message: a.detail, hint: a.hint ?? "See the README (Helpers, Model variables)." },
  "template/typst": (a) => ({
    message: `Typst: ${a.detail}`,
    hint: a.inTemplate
      ? "Correct the Typst template at this line (see typst.app/docs)."
      : "Typst could not set this text; simplify the Markdown here, and report it if it is plain text.",
  }),
  "text/unprintable-character": (a) => ({
    message:
      a.text === undefined
        ? `The PDF has no font for the character ${a.character}.`
        : `The PDF has no font for the characters ${quoted(a.text)} (${a.character.split(" ")[0]} …).`,
    hint: "The PDF prints Latin, Arabic and Persian, Tigrinya (Ethiopic), common symbols and emoji; write the word in one of those scripts, or leave the characters out.",
  }),
  "template/chart": (a) => ({
    message: `The chart "${a.id}" could not be drawn: ${a.detail}`,
    hint: "Check the chart spec (a Vega-Lite JSON file); delete the override to use the built-in chart.",
  }),
} satisfies Partial<Catalogue>;
