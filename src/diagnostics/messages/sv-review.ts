// Svenska för granskningen (src/review/): kommentarer och spårade ändringar vid sina källor.
import type { FindingArgs } from "../args.js";
import type { Catalogue } from "./types.js";

type Item = FindingArgs["review/comment"];

/** "Anna Svensson, 2026-12-01: ”Stämmer siffran?” om ”21 751”" och det som följer. */
function sentence(a: Item, what: string): string {
  const who = [a.author || "(ingen författare)", a.date].filter(Boolean).join(", ");
  const via = a.source ? ` (${a.source})` : "";
  const moved = a.changed ? " — filen har ändrats sedan bygget: raden kan ha flyttats" : "";
  return `${who}: ${what}${via}${moved}`;
}

const on = (a: Item) => (a.on ? ` om ”${a.on}”` : "");
const item = (what: (a: Item) => string) => (a: Item) => ({
  message: sentence(a, what(a)),
  ...(a.suggested !== undefined && { hint: `Förslag: ${a.suggested}` }),
});

export const svReview = {
  "review/comment": item((a) => `”${a.words}”${on(a)}`),
  "review/reply": item((a) => `”${a.words}”${on(a)}`),
  "review/insertion": item((a) => `infogade ”${a.words}”`),
  "review/deletion": item((a) => `tog bort ”${a.words}”`),
  "review/move": item((a) => `flyttade ”${a.words}” hit`),
  "review/inputs-changed": (a) => ({
    message: `${a.count} ${a.count === 1 ? "indatafil har" : "indatafiler har"} ändrats sedan DOCX-filen byggdes: ${a.shown.join(", ")}${a.count > a.shown.length ? ` och ${a.count - a.shown.length} till` : ""}. Rader i ${a.count === 1 ? "den" : "dem"} kan ha flyttats.`,
    hint: "Bygg om och skicka den nya DOCX-filen till nästa granskningsrunda.",
  }),
  "review/no-sources": (a) => ({
    message:
      a.anchors === 0
        ? "Dokumentet har inga källankare: det byggdes inte av nch-report (eller av en äldre version)."
        : `Ingen manifest.json som kartlägger dokumentets ankare hittades (letade i ${a.looked.join(", ")}).`,
    hint: "Lägg byggets manifest.json bredvid DOCX-filen, eller ange året med --year och byggmappen med --out.",
  }),
  "review/unreadable": (a) =>
    a.problem === "not-a-file"
      ? {
          message: "Det här är ingen fil (utan en mapp, en enhet eller ett rör).",
          hint: "Ange sökvägen till själva .docx-filen.",
        }
      : a.problem === "too-large"
        ? {
            message: `Filen är större än ${a.megabytes} MB: det är ingen rapport från nch-report.`,
            hint: "Ange den report.docx som nch-report byggde, så som granskarna sparade den.",
          }
        : {
            message: `Filen kan inte läsas (${a.detail}).`,
            hint: "Kontrollera sökvägen; ett dokument som är öppet i Word kan läsas, ett som fortfarande laddas ner kan inte det.",
          },
  "review/not-a-docx": (a) =>
    a.problem === "xml"
      ? {
          message: `${a.part} i filen är inte välformad XML.`,
          hint: "Öppna dokumentet i Word eller LibreOffice och spara det igen som .docx.",
        }
      : a.problem === "not-zip"
        ? {
            message: "Filen är ingen DOCX (inget zip-arkiv).",
            hint: "Ange själva .docx-filen så som Word eller LibreOffice sparade den (inte en .doc, en PDF eller en genväg).",
          }
        : a.problem === "part-too-large"
          ? {
              message: `${a.part} i filen är större än ${a.megabytes} MB: det är ingen rapport från nch-report.`,
              hint: "Ange den report.docx som nch-report byggde, så som granskarna sparade den.",
            }
          : {
              message: "Filen är ett zip-arkiv men ingen DOCX: den saknar word/document.xml.",
              hint: "Ange själva .docx-filen så som Word eller LibreOffice sparade den.",
            },
} satisfies Partial<Catalogue>;
