// Svenska för fynd om filer, YAML, CSV, gränser och mallar. Där args har `detail` förs en
// tolkares eller regels egna ord vidare som de är.
import { q } from "./format.js";
import type { Catalogue } from "./types.js";

const said = (a: { detail: string; hintText?: string }) => ({ message: a.detail, hint: a.hintText });

export const svLoad = {
  "file/missing": (a) =>
    a.problem === "file"
      ? { message: `${a.file} finns inte.`, hint: "Skapa filen, eller rätta sökvägen som pekar på den." }
      : {
          message: `Kapitlet ${q(a.chapter)} finns inte (${a.file}).`,
          hint: "Skapa kapitelfilen, eller rätta namnet i kapitellistan.",
        },
  "file/absent": (a) => ({
    message: `${a.file} saknas: ${a.consequence}`,
    hint: "Lägg till filen (se examples/minimal/ för hur den ser ut), eller bortse från detta om det är avsiktligt.",
  }),
  "file/too-large": (a) => ({
    message: `${a.file} är ${a.size}, mer än gränsen ${a.limit}.`,
    hint: "Kontrollera att det är rätt fil; ett års uppgifter brukar vara några kilobyte.",
  }),
  "file/unreadable": (a) =>
    a.problem === "not-a-file"
      ? { message: `${a.file} är ingen fil.`, hint: "Ersätt den med en fil." }
      : { message: `${a.file} kunde inte läsas: ${a.detail}`, hint: "Kontrollera behörigheterna för filen." },
  "path/outside-data": (a) => {
    if (a.problem === "path")
      return {
        message: `Sökvägen ${q(a.path)} pekar utanför datamappen.`,
        hint: "Skriv en sökväg relativt årets mapp, utan .. och inte absolut.",
      };
    if (a.problem === "symlink")
      return {
        message: `${a.file} leder utanför datamappen (en symbolisk länk) och lästes inte.`,
        hint: "Lägg själva filen i datamappen i stället för en länk till en annan plats.",
      };
    return {
      message: `Bilden "${a.name}" är ingen fil i datamappen.`,
      hint: 'Lägg bilden i årets mapp figurer/ och placera den med {{figure "<namn>"}}.',
    };
  },
  "chapter/raw-output": (a) => ({
    message: a.detail,
    hint: "Skriv kapitlet i Markdown; layout hör hemma i mallarna (nch-report templates eject report), där den kontrolleras och blir tillgänglig.",
  }),
  "yaml/syntax": (a) => ({
    message: `YAML-filen kan inte läsas: ${a.detail}`,
    hint:
      a.problem === "init"
        ? "Rätta förra årets fil och kör init igen."
        : a.problem === "terminology"
          ? "Skriv en överenskommen term per rad: `könsstympning: [könsstympling*, könstympling*]`."
          : "Kontrollera indrag, kolon och citattecken på den här raden och raden före.",
  }),
  "yaml/duplicate-key": (a) => ({
    message: `Nyckeln "${a.key}" finns två gånger på samma nivå.`,
    hint: "Ta bort den ena nyckeln, eller slå ihop värdena.",
  }),
  "yaml/tab-indent": (a) => ({
    message: `Tabb används som indrag: ${a.detail}`,
    hint: "Gör indrag med mellanslag; YAML tillåter inte tabb som indrag.",
  }),
  "yaml/alias-limit": (a) => ({
    message: `Alias i ${a.file} växer för mycket: ${a.detail}`,
    hint: "Skriv ut värdena i stället för att upprepa dem genom många nästlade alias.",
  }),
  "yaml/prototype-key": (a) => ({
    message: `Nyckeln "${a.key}" är inte tillåten.`,
    hint: "Byt namn på nyckeln eller ta bort den; den har en särskild betydelse för JavaScript-objekt.",
  }),
  "schema/unknown-key": (a) => ({
    message: `Okänd nyckel "${a.key}"${a.where ? ` i ${a.where}` : ""}.`,
    hint: a.nearest !== undefined ? `Menar du "${a.nearest}"?` : `Nycklar som finns här: ${a.known.join(", ")}.`,
  }),
  "schema/missing-key": (a) => ({
    message: `Den obligatoriska nyckeln "${a.where}" saknas.`,
    hint: `Lägg till ${a.key !== undefined ? `"${a.key}:"` : "posten"} här.`,
  }),
  "schema/invalid-value": said,
  "encoding/windows-1252": (a) => ({
    message: `${a.file} är inte UTF-8; den lästes som Windows-1252 (Excels "CSV (semikolonavgränsad)").`,
    hint: 'Kontrollera å, ä och ö i rapporten; spara filen i Excel som "CSV UTF-8 (kommaavgränsad)" för säkerhets skull.',
  }),
  "encoding/not-utf8": (a) =>
    a.problem === "nul"
      ? {
          message: `${a.file} är inte text i någon känd teckenkodning (den innehåller NUL-tecken).`,
          hint: 'Spara den i Excel med "Spara som" › "CSV UTF-8 (kommaavgränsad)".',
        }
      : {
          message: `${a.file} är inte text i UTF-8.`,
          hint: "Spara filen som UTF-8 (i de flesta redigerare: Arkiv › Spara med kodning › UTF-8).",
        },
  "csv/syntax": (a) => ({
    message: `Raden kan inte läsas: ${a.detail}`,
    hint: `Varje rad behöver rubrikradens ${a.columns} kolumner åtskilda med "${a.separator}"; sätt citattecken runt celler som innehåller avgränsaren.`,
  }),
  "csv/missing-column": (a) =>
    a.problem === "empty"
      ? { message: `${a.file} är tom: den saknar rubrikrad.`, hint: `Första raden namnger kolumnerna: ${a.known.join(",")}.` }
      : {
          message: `Den obligatoriska kolumnen "${a.column}" saknas.`,
          hint: `Rubrikraden måste ha: ${a.known.join(", ")}.`,
        },
  "csv/unknown-column": (a) => ({
    message: `Okänd kolumn ${q(a.column)}.`,
    hint: `Kolumnerna är: ${a.known.join(", ")}.`,
  }),
  "csv/invalid-value": said,
  "csv/duplicate-column": (a) => ({
    message: `Kolumnen ${q(a.column)} finns två gånger i rubrikraden: cell ${a.first} och ${a.second}.`,
    hint: "Ta bort eller byt namn på den ena kolumnen, så att det är tydligt vilken som har uppgifterna.",
  }),
  "text/control-character": said,
  "calls/date-outside-year": said,
  "calls/duplicate-id": said,
  "calls/none": (a) => ({
    message: `${a.file} har en rubrikrad men inga registrerade samtal.`,
    hint: "Lägg till en rad per registrerat samtal, eller ta bort filen om året saknar uppgifter om samtal.",
  }),
  "history/duplicate-year": (a) => ({
    message: `${a.year} finns två gånger: på rad ${a.first} och rad ${a.second}.`,
    hint: "Behåll en rad per år.",
  }),
  "text/line-too-long": (a) => ({
    message: `Rad ${a.line} ${a.length === undefined ? "är längre än" : `har ${a.length} tecken, mer än`} gränsen ${a.limit}; filen lästes inte${a.csv ? " därifrån" : ""}.`,
    hint: a.csv
      ? "Kontrollera filens radslut och citattecken: en rad i tabellen är några hundra tecken."
      : "Dela upp texten i stycken (en tom rad mellan dem); inget riktigt stycke är så här långt.",
  }),
  "text/year-too-large": (a) => ({
    message: `Med den här filen blir årets YAML-filer och kapitel ${a.used}, mer än gränsen ${a.limit}: den och filerna efter den lästes inte.`,
    hint: "Leta efter inklistrade uppgifter eller en fil som inte hör hit; rapporten för 2023 är 75 KB text.",
  }),
  "grants/too-many-rows": said,
  "history/too-many-rows": said,
  "counties/too-many": said,
  "county/unknown": said,
  "vocab/unknown": said,
  "personal-data/in-output": (a) => ({
    message: `Ett ${a.kind} skulle publiceras i ${a.output} (${a.place})${a.traced ? "; det kommer härifrån" : ""}. Ingenting skrevs.`,
    hint: "Ta bort numret ur de uppgifter, det kapitel eller den mall som ger det; personnummer får aldrig komma med i rapporten.",
  }),
  "personal-data/unchecked-output": (a) => ({
    message: `Texten i ${a.output} kunde inte läsas för att kontrolleras mot personuppgifter (${a.detail}). Ingenting skrevs.`,
    hint: "Rapportera detta som ett fel i nch-report, gärna med de uppgifter som orsakade det om du kan dela dem.",
  }),
  "template/syntax": (a) => ({
    message: a.detail,
    hint: "Kontrollera att varje {{ har sin }}, varje {{#block}} sin {{/block}}, och att text som ska stå som den är inte står inom {{ }}.",
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
