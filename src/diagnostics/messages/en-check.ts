// English words of the cross-file rules (src/check/): the texts the tool has always printed.

import { formatSwedishInteger } from "../../model/format.js";
import { formatSwedishList } from "../../text/swedish.js";
import type { Catalogue } from "./types.js";

const THEME = {
  success_factors: "success factor (framgångsfaktor)",
  challenges: "challenge (utmaning)",
} as const;
const TABLE = {
  county: "calls per county",
  organisation: "calls per organisation",
  exposure: "exposed persons per type of exposure",
} as const;
const PERSONAL = { email: "An e-mail address", phone: "A phone number" } as const;
const who = (a: { operation?: string; county: string }) =>
  a.operation ? `${a.operation} (${a.county})` : a.county;

export const enCheck = {
  "finance/sum-mismatch": (a) => ({
    message:
      `"${a.label}": the stated ${a.column} ${formatSwedishInteger(a.stated)} ${a.unit} is not the sum of its ` +
      `lines, ${formatSwedishInteger(a.computed)} ${a.unit} (difference ${formatSwedishInteger(a.difference)} ${a.unit}; rounding explains ` +
      `at most ${a.tolerance.toLocaleString("sv-SE")} ${a.unit}).`,
    hint:
      `Correct the ${a.column} of "${a.label}" or one of the ${a.lines} figures it adds up, ` +
      `or remove the stated ${a.column} and let the tool compute it.`,
  }),
  "finance/above-ceiling": (a) => ({
    message:
      `The sub-assignment ${a.subAssignment} spent ${formatSwedishInteger(a.spent)} kr, ${formatSwedishInteger(a.spent - a.ceiling)} kr ` +
      `more than its ceiling of ${formatSwedishInteger(a.ceiling)} kr.`,
    hint: "Check the amount spent against the ledger; spending above the ceiling needs the government's approval.",
  }),
  "grants/total-mismatch": (a) => ({
    message:
      `The grants paid in finance/grants.csv add up to ${formatSwedishInteger(a.paid)} kr, but the appropriation's ` +
      `line "${a.label}" says ${formatSwedishInteger(a.stated)} kr: a difference of ${formatSwedishInteger(Math.abs(a.difference))} kr ` +
      `(${a.difference > 0 ? "more paid than booked" : "less paid than booked"}).`,
    hint:
      "If the difference has a cause such as an accrual (periodisering) or a repayment, explain " +
      "it in the finance chapter; otherwise correct grants.csv or the appropriation line.",
  }),
  "grants/no-grants-line": (a) => ({
    message: `There ${a.payments === 1 ? "is 1 grant payment" : `are ${a.payments} grant payments`} in finance/grants.csv, but no line of the appropriation has role: grants to check them against.`,
    hint: 'Mark the line for lämnade bidrag with "role: grants".',
  }),
  "grants/paid-outside-year": (a) => ({
    message: `The payment of ${formatSwedishInteger(a.amount)} kr to ${a.recipient} on ${a.paid} is outside the report year ${a.year}.`,
    hint: `Move the payment to the data of ${a.paid.slice(0, 4)}, or correct the date.`,
  }),
  "grants/no-status-report": (a) => ({
    message: `${who(a)} received a grant (${formatSwedishInteger(a.amount)} kr, round ${a.round}) but has no status report in counties/.`,
    hint: `Add counties/<name>.yaml with county: ${a.county}${a.operation ? ` and operation: ${a.operation}` : ""}.`,
  }),
  "grants/no-payment": (a) => ({
    message: `${who(a)} is in round ${a.round}, which received grants in ${a.year}, but finance/grants.csv has no payment to it.`,
    hint: "Add the payment to finance/grants.csv, or state why there is none under payment_note.",
  }),
  "grants/above-ceiling": (a) => ({
    message: `The grants paid in ${a.year}, ${formatSwedishInteger(a.paid)} kr, exceed the ceiling of ${formatSwedishInteger(a.ceiling)} kr by ${formatSwedishInteger(a.paid - a.ceiling)} kr.`,
    hint: "Check grants.csv for payments booked twice or in the wrong year, and the ceiling against the regleringsbrev.",
  }),
  "themes/unknown": (a) => ({
    message: `"${a.id}" is not a ${THEME[a.kind]} in themes.yaml.`,
    hint: a.other
      ? `"${a.id}" is a ${THEME[a.other]}: move it to ${a.other}.`
      : a.nearest !== undefined
        ? `Did you mean "${a.nearest}"?`
        : `Add the theme to ${a.kind} in themes.yaml, or use one of: ${a.known.join(", ")}.`,
  }),
  "themes/unused": (a) => ({
    message: `No status report lists the ${THEME[a.kind]} "${a.id}" (${a.title}).`,
    hint: `Add "${a.id}" to ${a.kind} in the status reports that describe it, or remove the theme.`,
  }),
  "themes/duplicate-id": (a) => ({
    message: `The theme id "${a.id}" is used twice: on line ${a.first} (${a.firstKind}) and line ${a.second} (${a.secondKind}).`,
    hint: "Give each theme its own id, and update the status reports that refer to it.",
  }),
  "counties/duplicate-operation": (a) => ({
    message: `${a.files[0]} and ${a.files[1]} are both the status report of ${who(a)}.`,
    hint: "Merge the two files, or name each operation under operation: when the county has two.",
  }),
  "counties/period-outside-year": (a) => ({
    message: `The period ${a.end === "from" ? "starts" : "ends"} on ${a.date}, outside the report year ${a.year}.`,
    hint: `A status report covers part of ${a.year}: correct the date, or move the file to that year's folder.`,
  }),
  "counties/period-reversed": (a) => ({
    message: `The period starts on ${a.from}, after it ends on ${a.to}.`,
    hint: "Swap the dates, or correct the one that is wrong.",
  }),
  "counties/operational-after-period": (a) => ({
    message: `operational_since ${a.since} is after the end of the period reported on (${a.end}).`,
    hint: "A status report can only say that support began within or before its period: correct the month, or remove it until then.",
  }),
  "counties/phase-suspicious": (a) => ({
    message: `Suspicious: the phase is orientering, but the status report gives operational support (${[
      a.since !== undefined ? `operational_since ${a.since}` : "",
      a.serves.length > 0 ? `serves: ${a.serves.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ")}).`,
    hint: "An operation that already supports people is usually in utveckling or genomförande: check the phase, or the operational facts.",
  }),
  "counties/expected-missing": (a) => ({
    message: `The status report of ${who(a)} has neither round nor phase (no centre), but no expected_established.`,
    hint: "Add expected_established: YYYY-MM (assignment A2025/01207), or the round and phase of its operation.",
  }),
  "counties/expected-in-past": (a) => ({
    message: `expected_established ${a.expected} lies before the report year ${a.year}.`,
    hint: "Update the expected date, or, if the centre is established, add its round, phase and operational_since.",
  }),
  "counties/missing-summary": (a) => ({
    message: `The status report of ${who(a)} has no summary (lägesbeskrivning).`,
    hint: `Add summary: with the operation's lägesbeskrivning; until then the report ${
      a.hasPlans
        ? "shows only its plans"
        : 'prints "Ingen lägesbeskrivning har lämnats." under its heading'
    }.`,
  }),
  "counties/missing-plans": (a) => ({
    message: `The status report of ${who(a)} has no plans (planer framåt).`,
    hint: "Add plans: with the operation's planer framåt; until then the report shows no plans for it.",
  }),
  "counties/not-listed": (a) => ({
    message: `${a.county} has no status report: from ${a.from} the report lists every county without a centre with its expected establishment (A2025/01207).`,
    hint: `Add counties/<name>.yaml with county: ${a.county} and expected_established: YYYY-MM.`,
  }),
  "support-line/gap": (a) => ({
    message: `The support-line series ${a.first}–${a.year} has gaps: ${a.missing
      .map(
        (y) =>
          `${y} saknar uppgift${a.rowsWithoutCases.includes(y) ? " (raden saknar cases)" : ""}`,
      )
      .join(", ")}. The chart shows them as gaps, not as zero.`,
    hint: "Add the number of cases for these years to history/support-line.csv if it is known.",
  }),
  "support-line/history-after-year": (a) => ({
    message: `history/support-line.csv has a row for ${a.row}, after the report year ${a.year}; it is left out of the ${a.year} report.`,
    hint: "Check the year; the history holds only years before per-call data.",
  }),
  "support-line/small-count": (a) => ({
    message: `${TABLE[a.table]}: "${a.label}" has ${a.count}, at most min_count ${a.minCount}; it is published as "–".`,
    hint: "Nothing to do: small-number suppression protects callers; lower min_count in report.yaml to publish it.",
  }),
  "personal-data/personnummer": (a) => ({
    message: `A ${a.kind} (${a.digits} digits) with a valid check digit is in the input; identity numbers must never reach the report.`,
    hint: "Delete the number here and in the file's history; describe the person without identifying data.",
  }),
  "personal-data/email": () => ({
    message: `${PERSONAL.email} is in the text; contact details of a person must not reach the report.`,
    hint: "Remove it, or give the organisation's functional mailbox (such as nch@lansstyrelsen.se).",
  }),
  "personal-data/phone": () => ({
    message: `${PERSONAL.phone} is in the text; contact details of a person must not reach the report.`,
    hint: "Remove it, or give the organisation's published number (010-22x xx xx).",
  }),
  "personal-data/free-text": () => ({
    message: "The call id looks like free text (it has spaces or no digits), not an identifier.",
    hint: "Keep only a register number here (such as 2023-0001); notes about a call do not belong in calls.csv.",
  }),
  "report/isbn": (a) => ({
    message: `"${a.isbn}" is not a valid ISBN-13 (wrong check digit or form).`,
    hint: "Copy the ISBN from the ISBN agency's assignment, e.g. 978-91-89819-08-5.",
  }),
  "report/no-signatories": () => ({
    message: "The Förord has no signatories.",
    hint: "List who signs under signed.by, with name and title.",
  }),
  "report/year-mismatch": (a) => ({
    message: `report.yaml says year ${a.stated} but lies in the folder ${a.folder}.`,
    hint: `Set year: ${a.folder}, or move the folder.`,
  }),
  "provenance/unknown-source": (a) =>
    a.problem === "file"
      ? {
          message: `provenance: "${a.path}" is no file of ${a.year}, so its status marks nothing.`,
          hint: "Write the path relative to the year's folder, e.g. support-line/calls.csv or counties/*.yaml.",
        }
      : {
          message: `provenance: the file has no field "${a.field}", so its status marks nothing.`,
          hint: `Fields of this file: ${a.known.join(", ")}.`,
        },
  "placeholder/text": (a) => {
    switch (a.problem) {
      case "todo":
        return {
          message: `To do: ${a.instruction}`,
          hint: "Fill in or confirm what it says, then delete the TODO marker: the report is not built while it is there.",
        };
      case "placeholder":
        return {
          message: `The placeholder "${a.text}" is still in the text.`,
          hint: "Write the missing text, or remove the placeholder.",
        };
      case "empty-handlebars":
        return {
          message: `"${a.text}" is an empty Handlebars expression.`,
          hint: "Name the value to insert, such as {{supportLine.calls.total}}, or remove the braces.",
        };
      default:
        return {
          message: `"${a.text}" is an unresolved placeholder: text from data is printed literally, not as a template.`,
          hint: "Write the text or the number itself; {{…}} works only in chapters/*.md.",
        };
    }
  },
  "prose/spelling": (a) => ({
    message: `"${a.word}${a.prefix ? "-" : ""}" may be misspelt.`,
    hint: `${
      a.suggestions.length === 0
        ? ""
        : `Did you mean ${formatSwedishList(
            a.suggestions.map((s) => `"${s}"`),
            "or",
          )}? `
    }If the word is right, add it to words/${a.wordList} in the data folder.`,
  }),
  "prose/terminology": (a) => ({
    message: `"${a.found}" is not the agreed form: write "${a.suggestion}".`,
    hint: `Skriv: ${a.suggestion}`,
  }),
} satisfies Partial<Catalogue>;
