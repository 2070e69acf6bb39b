// Svenska för fynd om filer, YAML, CSV, gränser och mallar. Där args har `detail` förs en
// tolkares eller regels egna ord vidare som de är.

import type { FindingArgs } from "../args.js";
import { quoted } from "../quote.js";
import { DATE_HINT_SV } from "./dates.js";
import { svSchemaIssue, TERMINOLOGY_HINT } from "./sv-schema.js";
import type { Catalogue } from "./types.js";

const unknownName = (a: FindingArgs["template/unknown-helper"]) => {
  const kind = a.what === "helper" ? "Helpers" : "Partials";
  return {
    message: `Det finns ${a.what === "helper" ? "ingen helper" : "ingen partial"} "${a.name}".`,
    hint:
      a.nearest !== undefined
        ? `Menar du "${a.nearest}"?`
        : a.known
          ? `${kind}: ${a.known.join(", ")} (se README, ${kind}).`
          : `Se README (${kind}).`,
  };
};

export const svLoad = {
  "file/missing": (a) =>
    a.problem === "file"
      ? {
          message: `${a.file} finns inte.`,
          hint: "Skapa filen, eller rätta sökvägen som pekar på den.",
        }
      : {
          message: `Kapitlet ${quoted(a.chapter)} finns inte (${a.file}).`,
          hint: "Skapa kapitelfilen, eller rätta namnet i kapitellistan.",
        },
  "file/absent": (a) => ({
    message: `${a.file} saknas: rapporten kommer inte att ha ${
      {
        themes: "några framgångsfaktorer eller utmaningar",
        "income-statement": "någon resultaträkning",
        appropriation: "någon anslagsredovisning",
        grants: "någon lista över utbetalda bidrag",
        calls: "några uppgifter från stödlinjen för året",
        counties: "några lägesbilder",
      }[a.lacking]
    }.`,
    hint: "Lägg till filen (se examples/minimal/ för hur den ser ut), eller bortse från detta om det är avsiktligt.",
  }),
  "file/too-large": (a) => ({
    message: `${a.file} är ${a.size}, mer än gränsen ${a.limit}.`,
    hint: "Kontrollera att det är rätt fil; ett års uppgifter brukar vara några kilobyte.",
  }),
  "file/unreadable": (a) =>
    a.problem === "not-a-file"
      ? { message: `${a.file} är ingen fil.`, hint: "Ersätt den med en fil." }
      : {
          message: `${a.file} kunde inte läsas: ${a.detail}`,
          hint: "Kontrollera behörigheterna för filen.",
        },
  "path/outside-data": (a) => {
    if (a.problem === "path")
      return {
        message: `Sökvägen ${quoted(a.path)} pekar utanför datamappen.`,
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
    message:
      a.markup === "raw-block" || a.markup === "raw-inline"
        ? `${a.markup === "raw-block" ? `Ett rått {=${a.name}}-block` : `Ett rått {=${a.name}}-inslag`} är inte tillåtet i ett kapitel.`
        : `Rå ${a.markup === "html" ? "HTML" : "TeX"} (${a.name}) är inte tillåten i ett kapitel.`,
    hint: "Skriv kapitlet i Markdown; layout hör hemma i mallarna (nch-report templates eject report), där den kontrolleras och blir tillgänglig.",
  }),
  "yaml/syntax": (a) => ({
    message: `YAML-filen kan inte läsas: ${a.detail}`,
    hint:
      a.problem === "init"
        ? "Rätta förra årets fil och kör init igen."
        : a.problem === "terminology"
          ? TERMINOLOGY_HINT
          : "Kontrollera indrag, kolon och citattecken på den här raden och raden före.",
  }),
  "yaml/duplicate-key": (a) => ({
    message:
      a.key !== undefined
        ? `Nyckeln "${a.key}" finns två gånger på samma nivå.`
        : `Dubblerad nyckel: ${a.detail}`,
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
    hint:
      a.nearest !== undefined
        ? `Menar du "${a.nearest}"?`
        : `Nycklar som finns här: ${a.known.join(", ")}.`,
  }),
  "schema/missing-key": (a) => ({
    message: `Den obligatoriska nyckeln "${a.where}" saknas.`,
    hint: `Lägg till ${a.key !== undefined ? `"${a.key}:"` : "posten"} här.`,
  }),
  "schema/invalid-value": svSchemaIssue,
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
      ? {
          message: `${a.file} är tom: den saknar rubrikrad.`,
          hint: `Första raden namnger kolumnerna: ${a.known.join(",")}.`,
        }
      : {
          message: `Den obligatoriska kolumnen "${a.column}" saknas.`,
          hint: `Rubrikraden måste ha: ${a.known.join(", ")}.`,
        },
  "csv/unknown-column": (a) => ({
    message: `Okänd kolumn ${quoted(a.column)}.`,
    hint: `Kolumnerna är: ${a.known.join(", ")}.`,
  }),
  "csv/invalid-value": (a) => {
    switch (a.problem) {
      case "amount":
        return {
          message: `${quoted(a.value)} är inget belopp.`,
          hint: 'Skriv det som "1 105 000,0" eller 1105000.00.',
        };
      case "round":
        return {
          message: `${quoted(a.value)} är ingen projektomgång.`,
          hint: 'Skriv omgången som "Grupp 3" eller 3.',
        };
      case "year":
        return { message: `${quoted(a.value)} är inget år.`, hint: "Skriv året med fyra siffror." };
      case "date":
        return {
          message: `${quoted(a.value)} är inget ${a.payment ? "utbetalningsdatum" : "datum"} i kalendern.`,
          hint: DATE_HINT_SV,
        };
      case "count":
        return {
          message: `${quoted(a.value)} i ${a.column} är inget antal.`,
          hint: "Skriv ett heltal, eller lämna cellen tom om uppgiften inte är känd.",
        };
      case "people":
        return {
          message: `${quoted(a.value)} i ${a.column} är inget antal personer.`,
          hint: "Skriv ett heltal, 0 eller mer, eller lämna cellen tom för 0.",
        };
      case "too-many-people":
        return {
          message: `${a.value} utsatta personer i ett samtal är fler än något samtal gäller.`,
          hint: `Ett samtal gäller högst ${a.limit} utsatta personer; är det rätt kolumn?`,
        };
      default:
        return {
          message: `"${a.value}" är ingen giltig status för provenance.`,
          hint: `Skriv något av ${a.known.join(", ")}, eller lämna cellen tom.`,
        };
    }
  },
  "csv/duplicate-column": (a) => ({
    message: `Kolumnen ${quoted(a.column)} finns två gånger i rubrikraden: cell ${a.first} och ${a.second}.`,
    hint: "Ta bort eller byt namn på den ena kolumnen, så att det är tydligt vilken som har uppgifterna.",
  }),
  "text/control-character": (a) => ({
    message: `Ett osynligt tecken, ${a.character}, finns i texten.`,
    hint: {
      "line-break":
        "Ersätt det med en vanlig radbrytning (eller en tom rad mellan stycken); det har troligen klistrats in från Word eller en pdf.",
      direction:
        "Ta bort det: pdf:en och Word ordnar text som skrivs från höger till vänster (arabiska, persiska) själva, och det här osynliga tecknet kan göra att texten läses i en annan ordning än den är lagrad.",
      joiner:
        "Ta bort det: ett sammanfogningstecken hör bara hemma mellan bokstäver eller i en emoji.",
      other:
        "Ta bort det osynliga tecknet (redigeraren kan visa det om du slår på visning av kontrolltecken); det går inte att skriva ut.",
    }[a.kind],
  }),
  "calls/date-outside-year": (a) => ({
    message: `Samtalet den ${a.date} ligger utanför redovisningsåret ${a.year}.`,
    hint: `Flytta raden till uppgifterna för ${a.date.slice(0, 4)}, eller rätta datumet.`,
  }),
  "calls/duplicate-id": (a) => ({
    message: `Samtalets id ${quoted(a.id)} används två gånger: på rad ${a.first} och rad ${a.second}.`,
    hint: "Ge varje samtal ett eget id.",
  }),
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
  "grants/too-many-rows": (a) => ({
    message: `grants.csv har fler än ${a.limit} utbetalningar (det här är rad nummer ${a.limit + 1}): den lästes inte.`,
    hint: "Ta bara med utbetalningarna till länsstyrelserna (21 län, några utbetalningar vardera); är detta hela huvudboken?",
  }),
  "history/too-many-rows": (a) => ({
    message: `history/support-line.csv har fler än ${a.limit} rader (en per år): den här raden och de efter den lästes inte.`,
    hint: "Behåll en rad per år före uppgifterna per samtal.",
  }),
  "counties/too-many": (a) => ({
    message: `${a.folder}/ har ${a.count} lägesbilder, fler än gränsen ${a.limit}: den här filen och de ${a.count - a.limit - 1} efter den lästes inte.`,
    hint: "Ha en fil per verksamhet (21 län, några verksamheter vardera) och flytta andra filer från counties/.",
  }),
  "county/unknown": (a) => ({
    message:
      a.context === "recipient"
        ? `Mottagaren ${quoted(a.value)} är ingen länsstyrelse.`
        : `${a.where ? `${a.where}: ` : ""}${quoted(a.value)} är inget svenskt län.`,
    hint: `${
      a.suggestion !== undefined
        ? `Menar du "${a.suggestion}" (${a.suggestionCode})?`
        : 'Skriv ett länsnamn som "Västra Götaland" eller länets SCB-kod, till exempel "14".'
    }${a.context === "cell" ? " Lämna cellen tom om länet inte är känt." : ""}`,
  }),
  "vocab/unknown": (a) => ({
    message: `${a.where ? `${a.where}: ` : ""}${quoted(a.value)} är inget giltigt värde för ${a.vocabulary}.`,
    hint: `Använd något av: ${a.known.join(", ")}.`,
  }),
  "personal-data/in-output": (a) => ({
    message: `Ett ${a.kind} skulle publiceras i ${a.output} (${a.place})${a.traced ? "; det kommer härifrån" : ""}. Ingenting skrevs.`,
    hint: "Ta bort numret ur de uppgifter, det kapitel eller den mall som ger det; personnummer får aldrig komma med i rapporten.",
  }),
  "personal-data/unchecked-output": (a) => ({
    message: `Texten i ${a.output} kunde inte läsas för att kontrolleras mot personuppgifter (${a.detail}). Ingenting skrevs.`,
    hint: "Rapportera detta som ett fel i nch-report, gärna med de uppgifter som orsakade det om du kan dela dem.",
  }),
  "template/syntax": (a) => ({
    message:
      a.expected !== undefined
        ? `Fel i Handlebars-syntaxen: ${a.got} kom oväntat, ${a.expected} väntades.`
        : `Fel i Handlebars-syntaxen: ${a.detail}`,
    hint: "Kontrollera att varje {{ har sin }}, varje {{#block}} sin {{/block}}, och att text som ska stå som den är inte står inom {{ }}.",
  }),
  "template/unknown-variable": (a) => ({
    message: `Det finns ingen variabel "${a.path}".`,
    hint:
      a.suggestion !== undefined
        ? `Menar du "${a.suggestion}"?`
        : "Se README (Model variables) för namnen; skillnad görs på stora och små bokstäver.",
  }),
  "template/unknown-partial": unknownName,
  "template/unknown-helper": unknownName,
  "template/no-value": (a) =>
    "path" in a
      ? {
          message: `"${a.path}": ${a.parent ? `"${a.parent}"` : "värdet"} saknar värde i årets uppgifter (null).`,
          hint: `Skydda uttrycket: {{#if ${a.parent || a.path}}}…{{else}}uppgift saknas{{/if}}.`,
        }
      : { message: a.detail, hint: a.hint },
  "template/invalid-value": (a) =>
    "problem" in a
      ? {
          message: `cover.wordmark: det finns ingen bild "${a.name}" i ${a.year}/figurer/.`,
          hint: `Lägg ordmärket i ${a.year}/figurer/${a.name}.svg, eller ange något av: ${a.known.join(", ") || "(inga)"}.`,
        }
      : { message: a.detail, hint: a.hint ?? "Se README (Helpers, Model variables)." },
  "template/typst": (a) => ({
    message: `Typst: ${a.detail}`,
    hint: a.inTemplate
      ? "Rätta Typst-mallen på den här raden (se typst.app/docs)."
      : "Typst kunde inte sätta texten; förenkla markdownkoden här, och rapportera felet om det är vanlig text.",
  }),
  "text/unprintable-character": (a) => ({
    message:
      a.text === undefined
        ? `Pdf:en har inget typsnitt för tecknet ${a.character}.`
        : `Pdf:en har inget typsnitt för tecknen ${quoted(a.text)} (${a.character.split(" ")[0]} …).`,
    hint: "Pdf:en kan skriva latinska, arabiska och persiska tecken, tigrinja (etiopisk skrift), vanliga symboler och emojier; skriv ordet med någon av dem, eller utelämna tecknen.",
  }),
  "template/chart": (a) => ({
    message: `Diagrammet "${a.id}" kunde inte ritas: ${a.detail}`,
    hint: "Kontrollera diagrammets specifikation (en Vega-Lite-fil i JSON); ta bort den egna versionen för att använda det inbyggda diagrammet.",
  }),
} satisfies Partial<Catalogue>;
