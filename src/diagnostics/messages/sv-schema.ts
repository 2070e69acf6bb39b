// Svenska för schema/invalid-value: vad som väntades, vad som fanns och hur det ska skrivas.
import type { Found, SchemaIssue } from "../args.js";
import { quoted } from "../quote.js";
import { DATE_HINT_SV } from "./dates.js";
import type { Words } from "./types.js";

const EXPECTED: Record<string, string> = {
  number: "ett tal",
  int: "ett heltal",
  string: "text",
  boolean: "true eller false",
  array: "en lista",
  object: "en uppsättning nycklar (nyckel: värde)",
};

const TYPE_HINTS: Record<string, string> = {
  number:
    "Skriv ett vanligt tal som 3, utan citattecken (.nan, .inf och 1e400 är inga tal som en rapport kan skriva ut).",
  int: "Skriv ett heltal som 3, utan citattecken eller decimaler.",
  string:
    "Skriv texten som den ska stå; sätt citattecken runt den om den börjar med !, &, *, [ eller {, som YAML läser som syntax.",
  boolean: "Skriv true eller false.",
  array: 'Skriv en lista: [a, b] på en rad, eller en post per rad som börjar med "- ".',
  object: "Skriv nycklarna under den här, med indrag, var och en som nyckel: värde.",
};

const ROOT_HINT =
  "Filen ska bestå av rader nyckel: värde på översta nivån, inte en lista eller ett enstaka värde; se examples/minimal/ för hur den ser ut.";

export const TERMINOLOGY_HINT =
  "Skriv en överenskommen term per rad: `könsstympning: [könsstympling*, könstympling*]`.";

const FOUND: Record<Found["found"], string> = {
  nan: ".nan (inget tal)",
  infinity: "oändligheten (.inf, eller ett för stort tal som 1e400)",
  binary: "binära data (en !!binary-tagg)",
  list: "en lista",
  nothing: "ingenting (ett tomt värde)",
  mapping: "en uppsättning nycklar (nyckel: värde)",
  text: "",
  value: "",
};

function found(a: Found): string {
  if (a.found === "text") return `texten ${quoted(a.value)}`;
  if (a.found === "value") return quoted(a.value);
  return FOUND[a.found];
}

const FORMS = {
  date: { message: "Det här är inget datum skrivet ÅÅÅÅ-MM-DD.", hint: DATE_HINT_SV },
  month: {
    message: "Det här är ingen månad skriven ÅÅÅÅ-MM.",
    hint: "Skriv en månad ÅÅÅÅ-MM, till exempel 2023-10.",
  },
};

function tooSmall(a: { origin: string; minimum: string }): string {
  if (a.origin === "string") return "Texten är tom.";
  if (a.origin === "array") return `Listan ska ha minst ${a.minimum} poster.`;
  return `Värdet ska vara minst ${a.minimum}.`;
}

function explained(a: SchemaIssue): Words {
  switch (a.issue) {
    case "type": {
      const message = `Här ska stå ${EXPECTED[a.expected] ?? a.expected}, men det står ${found(a)}.`;
      return { message, hint: a.root ? ROOT_HINT : (TYPE_HINTS[a.expected] ?? message) };
    }
    case "too-small":
      return {
        message: tooSmall(a),
        hint:
          a.origin === "string"
            ? "Skriv texten, eller ta bort nyckeln."
            : `Minst ${a.minimum}${a.origin === "array" ? " post(er)" : ""}.`,
      };
    case "too-big":
      return { message: `Värdet får vara högst ${a.maximum}.`, hint: `Högst ${a.maximum}.` };
    case "format":
      return a.form
        ? FORMS[a.form]
        : {
            message: `Värdet har inte rätt form: ${a.detail}`,
            hint: `Förväntad form: ${a.pattern}.`,
          };
    case "enum":
      return {
        message: `${found(a)} är inte tillåtet här.`,
        hint: `Använd något av: ${a.values.join(", ")}.`,
      };
    case "not-calendar-date":
      return { message: `${quoted(a.value)} är inget datum i kalendern.`, hint: DATE_HINT_SV };
    case "not-amount":
      return {
        message: `${quoted(a.value)} är inget belopp.`,
        hint: 'Skriv det som 1105000 eller "1 105 000,0".',
      };
    case "no-outcome":
      return {
        message: `"${a.label}" har varken utfall eller delrader.`,
        hint: "Ge raden ett utfall, eller delrader som den är summan av.",
      };
    case "terminology":
      return {
        message:
          a.problem === "not-mapping"
            ? "Filen ska vara en uppsättning termer (term: [fel form, …])."
            : "En term eller form är tom eller är inte text.",
        hint: TERMINOLOGY_HINT,
      };
    default:
      return {
        message: a.detail,
        hint: "Se README (The data) för vad nyckeln kan innehålla, eller examples/minimal/ för ett exempel.",
      };
  }
}

export function svSchemaIssue(a: { where: string } & SchemaIssue): Words {
  const words = explained(a);
  return { ...words, message: a.where ? `${a.where}: ${words.message}` : words.message };
}
