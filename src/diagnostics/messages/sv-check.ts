// Svenska för de regler som jämför filerna (src/check/): klarspråk för analytikerna på NCH.
import { formatSwedishInteger } from "../../model/format.js";
import { formatSwedishList } from "../../text/swedish.js";
import type { Catalogue } from "./types.js";

const THEME = { success_factors: "framgångsfaktor", challenges: "utmaning" } as const;
const TABLE = {
  county: "samtal per län",
  organisation: "samtal per organisation",
  exposure: "utsatta personer per typ av utsatthet",
} as const;
const COLUMN = { outcome: "utfallet", forecast: "prognosen" } as const;
const who = (a: { operation?: string; county: string }) =>
  a.operation ? `${a.operation} (${a.county})` : a.county;

export const svCheck = {
  "finance/sum-mismatch": (a) => ({
    message:
      `"${a.label}": ${COLUMN[a.column]} ${formatSwedishInteger(a.stated)} ${a.unit} är inte summan av raderna, ` +
      `${formatSwedishInteger(a.computed)} ${a.unit} (skillnad ${formatSwedishInteger(a.difference)} ${a.unit}; avrundning förklarar ` +
      `högst ${a.tolerance.toLocaleString("sv-SE")} ${a.unit}).`,
    hint:
      `Rätta ${COLUMN[a.column]} för "${a.label}" eller något av de ${a.lines} belopp som summeras, ` +
      "eller ta bort den angivna summan så räknar verktyget ut den.",
  }),
  "finance/above-ceiling": (a) => ({
    message: `Deluppdraget ${a.subAssignment} har använt ${formatSwedishInteger(a.spent)} kr, ${formatSwedishInteger(a.spent - a.ceiling)} kr mer än takbeloppet ${formatSwedishInteger(a.ceiling)} kr.`,
    hint: "Stäm av beloppet mot huvudboken; att använda mer än takbeloppet kräver regeringens medgivande.",
  }),
  "grants/total-mismatch": (a) => ({
    message:
      `Utbetalda bidrag i finance/grants.csv blir sammanlagt ${formatSwedishInteger(a.paid)} kr, men anslagsraden ` +
      `"${a.label}" anger ${formatSwedishInteger(a.stated)} kr: en skillnad på ${formatSwedishInteger(Math.abs(a.difference))} kr ` +
      `(${a.difference > 0 ? "mer utbetalt än bokfört" : "mindre utbetalt än bokfört"}).`,
    hint:
      "Om skillnaden har en förklaring, till exempel en periodisering eller en återbetalning, förklara den " +
      "i kapitlet om ekonomi; rätta annars grants.csv eller anslagsraden.",
  }),
  "grants/no-grants-line": (a) => ({
    message: `finance/grants.csv har ${a.payments === 1 ? "en bidragsutbetalning" : `${a.payments} bidragsutbetalningar`}, men ingen rad i anslagsredovisningen har role: grants att stämma av dem mot.`,
    hint: 'Markera raden för lämnade bidrag med "role: grants".',
  }),
  "grants/paid-outside-year": (a) => ({
    message: `Utbetalningen på ${formatSwedishInteger(a.amount)} kr till ${a.recipient} den ${a.paid} ligger utanför redovisningsåret ${a.year}.`,
    hint: `Flytta utbetalningen till uppgifterna för ${a.paid.slice(0, 4)}, eller rätta datumet.`,
  }),
  "grants/no-status-report": (a) => ({
    message: `${who(a)} har fått bidrag (${formatSwedishInteger(a.amount)} kr, grupp ${a.round}) men har ingen lägesbild i counties/.`,
    hint: `Lägg till counties/<namn>.yaml med county: ${a.county}${a.operation ? ` och operation: ${a.operation}` : ""}.`,
  }),
  "grants/no-payment": (a) => ({
    message: `${who(a)} tillhör grupp ${a.round}, som fick bidrag ${a.year}, men finance/grants.csv har ingen utbetalning till verksamheten.`,
    hint: "Lägg till utbetalningen i finance/grants.csv, eller förklara under payment_note varför det inte finns någon.",
  }),
  "grants/above-ceiling": (a) => ({
    message: `Bidragen som betalades ut ${a.year}, ${formatSwedishInteger(a.paid)} kr, överstiger takbeloppet ${formatSwedishInteger(a.ceiling)} kr med ${formatSwedishInteger(a.paid - a.ceiling)} kr.`,
    hint: "Kontrollera om grants.csv har utbetalningar som är bokförda två gånger eller på fel år, och stäm av takbeloppet mot regleringsbrevet.",
  }),
  "themes/unknown": (a) => ({
    message: `"${a.id}" är ingen ${THEME[a.kind]} i themes.yaml.`,
    hint: a.other
      ? `"${a.id}" är en ${THEME[a.other]}: flytta den till ${a.other}.`
      : a.nearest !== undefined
        ? `Menar du "${a.nearest}"?`
        : `Lägg till temat under ${a.kind} i themes.yaml, eller använd något av: ${a.known.join(", ")}.`,
  }),
  "themes/unused": (a) => ({
    message: `Ingen lägesbild tar upp ${THEME[a.kind]}en "${a.id}" (${a.title}).`,
    hint: `Lägg till "${a.id}" under ${a.kind} i de lägesbilder som beskriver den, eller ta bort temat.`,
  }),
  "themes/duplicate-id": (a) => ({
    message: `Temat "${a.id}" används två gånger: på rad ${a.first} (${a.firstKind}) och rad ${a.second} (${a.secondKind}).`,
    hint: "Ge varje tema ett eget id, och uppdatera de lägesbilder som hänvisar till det.",
  }),
  "counties/duplicate-operation": (a) => ({
    message: `${a.files[0]} och ${a.files[1]} är båda lägesbilden för ${who(a)}.`,
    hint: "Slå ihop filerna, eller ange varje verksamhet under operation: om länet har två.",
  }),
  "counties/period-outside-year": (a) => ({
    message: `Perioden ${a.end === "from" ? "börjar" : "slutar"} ${a.date}, utanför redovisningsåret ${a.year}.`,
    hint: `En lägesbild gäller en del av ${a.year}: rätta datumet, eller flytta filen till rätt års mapp.`,
  }),
  "counties/period-reversed": (a) => ({
    message: `Perioden börjar ${a.from}, efter att den slutar ${a.to}.`,
    hint: "Byt plats på datumen, eller rätta det som är fel.",
  }),
  "counties/operational-after-period": (a) => ({
    message: `operational_since ${a.since} ligger efter slutet av den redovisade perioden (${a.end}).`,
    hint: "En lägesbild kan bara ange att stödet började under eller före perioden: rätta månaden, eller ta bort uppgiften tills vidare.",
  }),
  "counties/phase-suspicious": (a) => ({
    message: `Misstänkt: fasen är orientering, men lägesbilden anger att verksamheten redan ger stöd (${[
      a.since !== undefined ? `operational_since ${a.since}` : "",
      a.serves.length > 0 ? `serves: ${a.serves.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ")}).`,
    hint: "En verksamhet som redan ger stöd är oftast i fasen utveckling eller genomförande: kontrollera fasen eller uppgifterna om stödet.",
  }),
  "counties/expected-missing": (a) => ({
    message: `Lägesbilden för ${who(a)} har varken grupp eller fas (inget centrum), men saknar expected_established.`,
    hint: "Lägg till expected_established: ÅÅÅÅ-MM (uppdrag A2025/01207), eller verksamhetens grupp och fas.",
  }),
  "counties/expected-in-past": (a) => ({
    message: `expected_established ${a.expected} ligger före redovisningsåret ${a.year}.`,
    hint: "Uppdatera det förväntade datumet, eller lägg till grupp, fas och operational_since om centret redan är etablerat.",
  }),
  "counties/missing-summary": (a) => ({
    message: `Lägesbilden för ${who(a)} saknar lägesbeskrivning (summary).`,
    hint: `Lägg till summary: med verksamhetens lägesbeskrivning; till dess ${
      a.hasPlans
        ? "visar rapporten bara planerna"
        : 'står det "Ingen lägesbeskrivning har lämnats." under rubriken'
    }.`,
  }),
  "counties/missing-plans": (a) => ({
    message: `Lägesbilden för ${who(a)} saknar planer framåt (plans).`,
    hint: "Lägg till plans: med verksamhetens planer framåt; till dess visar rapporten inga planer för den.",
  }),
  "counties/not-listed": (a) => ({
    message: `${a.county} saknar lägesbild: från ${a.from} tar rapporten upp varje län utan centrum och när det förväntas etableras (A2025/01207).`,
    hint: `Lägg till counties/<namn>.yaml med county: ${a.county} och expected_established: ÅÅÅÅ-MM.`,
  }),
  "support-line/gap": (a) => ({
    message: `Stödlinjens serie ${a.first}–${a.year} har luckor: ${a.missing
      .map(
        (y) =>
          `${y} saknar uppgift${a.rowsWithoutCases.includes(y) ? " (raden saknar cases)" : ""}`,
      )
      .join(", ")}. Diagrammet visar dem som luckor, inte som noll.`,
    hint: "Fyll i antalet ärenden för de här åren i history/support-line.csv om det är känt.",
  }),
  "support-line/history-after-year": (a) => ({
    message: `history/support-line.csv har en rad för ${a.row}, efter redovisningsåret ${a.year}; den kommer inte med i rapporten för ${a.year}.`,
    hint: "Kontrollera året; historiken innehåller bara år före uppgifterna per samtal.",
  }),
  "support-line/small-count": (a) => ({
    message: `${TABLE[a.table]}: "${a.label}" har ${a.count}, högst min_count ${a.minCount}; det redovisas som "–".`,
    hint: "Ingen åtgärd behövs: små tal döljs för att skydda de som ringer; sänk min_count i report.yaml för att redovisa talet.",
  }),
  "personal-data/personnummer": (a) => ({
    message: `Ett ${a.kind} (${a.digits} siffror) med giltig kontrollsiffra finns i indata; personnummer får aldrig komma med i rapporten.`,
    hint: "Ta bort numret här och i filens historik; beskriv personen utan identifierande uppgifter.",
  }),
  "personal-data/email": () => ({
    message:
      "En e-postadress finns i texten; en persons kontaktuppgifter får inte komma med i rapporten.",
    hint: "Ta bort den, eller ange organisationens funktionsbrevlåda (till exempel nch@lansstyrelsen.se).",
  }),
  "personal-data/phone": () => ({
    message:
      "Ett telefonnummer finns i texten; en persons kontaktuppgifter får inte komma med i rapporten.",
    hint: "Ta bort det, eller ange organisationens publicerade nummer (010-22x xx xx).",
  }),
  "personal-data/free-text": () => ({
    message:
      "Samtalets id ser ut som fritext (det har mellanslag eller saknar siffror), inte som ett id.",
    hint: "Skriv bara ett diarienummer här (till exempel 2023-0001); anteckningar om ett samtal hör inte hemma i calls.csv.",
  }),
  "report/isbn": (a) => ({
    message: `"${a.isbn}" är inget giltigt ISBN-13 (fel kontrollsiffra eller form).`,
    hint: "Kopiera ISBN från ISBN-centralens tilldelning, till exempel 978-91-89819-08-5.",
  }),
  "report/no-signatories": () => ({
    message: "Förordet saknar undertecknare.",
    hint: "Ange under signed.by vem som undertecknar, med namn och titel.",
  }),
  "report/year-mismatch": (a) => ({
    message: `report.yaml anger år ${a.stated} men ligger i mappen ${a.folder}.`,
    hint: `Skriv year: ${a.folder}, eller flytta mappen.`,
  }),
  "provenance/unknown-source": (a) =>
    a.problem === "file"
      ? {
          message: `provenance: "${a.path}" är ingen fil för ${a.year}, så markeringen gäller ingenting.`,
          hint: "Skriv sökvägen relativt årets mapp, till exempel support-line/calls.csv eller counties/*.yaml.",
        }
      : {
          message: `provenance: filen har inget fält "${a.field}", så markeringen gäller ingenting.`,
          hint: `Filens fält: ${a.known.join(", ")}.`,
        },
  "placeholder/text": (a) => {
    switch (a.problem) {
      case "todo":
        return {
          message: `Att göra: ${a.instruction}`,
          hint: "Fyll i eller bekräfta det som står, och ta sedan bort TODO-markeringen: rapporten byggs inte så länge den finns kvar.",
        };
      case "placeholder":
        return {
          message: `Platshållaren "${a.text}" står kvar i texten.`,
          hint: "Skriv den text som saknas, eller ta bort platshållaren.",
        };
      case "empty-handlebars":
        return {
          message: `"${a.text}" är ett tomt Handlebars-uttryck.`,
          hint: "Ange vilket värde som ska in, till exempel {{supportLine.calls.total}}, eller ta bort klamrarna.",
        };
      default:
        return {
          message: `"${a.text}" är en platshållare som inte fylls i: text från data skrivs ut som den står, inte som mall.`,
          hint: "Skriv själva texten eller talet; {{…}} fungerar bara i chapters/*.md.",
        };
    }
  },
  "prose/spelling": (a) => ({
    message: `"${a.word}${a.prefix ? "-" : ""}" kan vara felstavat.`,
    hint: `${
      a.suggestions.length === 0
        ? ""
        : `Menar du ${formatSwedishList(
            a.suggestions.map((s) => `"${s}"`),
            "eller",
          )}? `
    }Om ordet är rätt, lägg till det i words/${a.wordList} i datamappen.`,
  }),
  "prose/terminology": (a) => ({
    message: `"${a.found}" är inte den överenskomna formen: skriv "${a.suggestion}".`,
    hint: `Skriv: ${a.suggestion}`,
  }),
} satisfies Partial<Catalogue>;
