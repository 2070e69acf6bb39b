// English words of the review findings (src/review/): the texts `review` has always printed.
import type { FindingArgs } from "../args.js";
import type { Catalogue } from "./types.js";

type Item = FindingArgs["review/comment"];

/** "Anna Svensson, 2026-12-01: ”Stämmer siffran?” on ”21 751”" and what follows it. */
function sentence(a: Item, what: string): string {
  const who = [a.author || "(no author)", a.date].filter(Boolean).join(", ");
  const via = a.source ? ` (${a.source})` : "";
  const moved = a.changed ? " — the file has changed since the build: the line may have moved" : "";
  return `${who}: ${what}${via}${moved}`;
}

const on = (a: Item) => (a.on ? ` on ”${a.on}”` : "");
const item = (what: (a: Item) => string) => (a: Item) => ({
  message: sentence(a, what(a)),
  ...(a.suggested !== undefined && { hint: `Suggested: ${a.suggested}` }),
});

export const enReview = {
  "review/comment": item((a) => `”${a.words}”${on(a)}`),
  "review/reply": item((a) => `”${a.words}”${on(a)}`),
  "review/insertion": item((a) => `inserted ”${a.words}”`),
  "review/deletion": item((a) => `deleted ”${a.words}”`),
  "review/move": item((a) => `moved ”${a.words}” here`),
  "review/inputs-changed": (a) => ({
    message: `${a.count} input file${a.count === 1 ? " has" : "s have"} changed since the DOCX was built: ${a.shown.join(", ")}${a.count > a.shown.length ? ` and ${a.count - a.shown.length} more` : ""}. Lines in ${a.count === 1 ? "it" : "them"} may have moved.`,
    hint: "Rebuild and send the new DOCX for the next round of review.",
  }),
  "review/no-sources": (a) => ({
    message:
      a.anchors === 0
        ? "The document has no source anchors: it was not built by nch-report (or an older version)."
        : `No manifest.json that maps this document's anchors was found (looked in ${a.looked.join(", ")}).`,
    hint: "Put the build's manifest.json beside the DOCX, or name the year with --year and the build folder with --out.",
  }),
  "review/unreadable": (a) =>
    a.problem === "not-a-file"
      ? {
          message: "This is not a file (a folder, a device or a pipe).",
          hint: "Give the path of the .docx file itself.",
        }
      : a.problem === "too-large"
        ? {
            message: `The file is larger than ${a.megabytes} MB: this is no report of nch-report.`,
            hint: "Give the report.docx that nch-report built, as the reviewers saved it.",
          }
        : {
            message: `The file cannot be read (${a.detail}).`,
            hint: "Check the path; a document open in Word can be read, one still downloading cannot.",
          },
  "review/not-a-docx": (a) =>
    a.problem === "xml"
      ? {
          message: `${a.part} in the file is not well-formed XML.`,
          hint: "Open the document in Word or LibreOffice and save it again as .docx.",
        }
      : a.problem === "not-zip"
        ? {
            message: "The file is not a DOCX (not a zip archive).",
            hint: "Give the .docx file itself as Word or LibreOffice saved it (not a .doc, PDF or shortcut).",
          }
        : a.problem === "part-too-large"
          ? {
              message: `${a.part} in the file is larger than ${a.megabytes} MB: this is no report of nch-report.`,
              hint: "Give the report.docx that nch-report built, as the reviewers saved it.",
            }
          : {
              message: "The file is a zip archive but no DOCX: it has no word/document.xml.",
              hint: "Give the .docx file itself as Word or LibreOffice saved it.",
            },
} satisfies Partial<Catalogue>;
