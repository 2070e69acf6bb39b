import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { quoted } from "../diagnostics/quote.js";
import { parseAmount } from "../schema/amount.js";
import { DATE_HINT, parseIsoDate } from "../schema/calendar.js";
import { countyHint, matchCounty } from "../schema/counties.js";
import { GRANT_COLUMNS } from "./columns.js";
import { streamCsv } from "./csv.js";
import type { DataFile } from "./files.js";
import { CappedFindings, LIMITS, overLimit } from "./limits.js";

/** One payment to a county board (lämnat bidrag), as the finance system wrote it. */
export interface GrantPayment {
  line: number;
  amount: number;
  round: number;
  /** SCB code of the recipient county board. */
  county: string;
  /** The recipient as written: "Länsstyrelsen i Uppsala Län". */
  recipient: string;
  paid: string;
  operation?: string;
  at: { amount: Position; paid: Position; recipient: Position };
}

const ROUND = /^(?:grupp|omgång|projektomgång|round)?\s*(\d+)$/i;

// long: a row's four value checks, each finding spelled out; one streamed pass over the file
export async function loadGrants(
  file: DataFile,
): Promise<{ payments: GrantPayment[] | undefined; diagnostics: Diagnostic[] }> {
  const payments: GrantPayment[] = [];
  const rowDiagnostics = new CappedFindings();
  let rows = 0;
  // long: one row's checks, as loadGrants's reason says
  const result = await streamCsv(file, GRANT_COLUMNS, (row) => {
    // Rows past the limit are read on (the file is streamed) but neither kept nor checked.
    if (++rows > LIMITS.grantPayments) {
      if (rows === LIMITS.grantPayments + 1) rowDiagnostics.add(tooManyGrants(file.rel, row.line));
      return;
    }
    const at = (column: string): Position => ({ line: row.line, column: row.columnOf(column) });
    const bad = (column: string, code: Diagnostic["code"], message: string, hint: string) =>
      rowDiagnostics.add({
        severity: "error",
        code,
        message,
        file: file.rel,
        ...at(column),
        hint,
      });

    const amountText = row.get("amount");
    const amount = parseAmount(amountText);
    if (amount === undefined)
      bad(
        "amount",
        "csv/invalid-value",
        `${quoted(amountText)} is not an amount.`,
        'Write it as "1 105 000,0" or 1105000.00.',
      );
    const roundText = row.get("round").trim();
    const round = ROUND.exec(roundText);
    if (!round)
      bad(
        "round",
        "csv/invalid-value",
        `${quoted(roundText)} is not a project round.`,
        'Write the round as "Grupp 3" or 3.',
      );
    const recipient = row.get("recipient").trim();
    const match = matchCounty(recipient);
    if (!match.county)
      bad(
        "recipient",
        "county/unknown",
        `The recipient ${quoted(recipient)} is not a county board.`,
        countyHint(match),
      );
    const paid = row.get("paid").trim();
    const paidDate = parseIsoDate(paid);
    if (!paidDate)
      bad(
        "paid",
        "csv/invalid-value",
        `${quoted(paid)} is not a payment date in the calendar.`,
        DATE_HINT,
      );
    if (amount === undefined || !round || !match.county || !paidDate) return;
    const operation = row.get("operation").trim();
    payments.push({
      line: row.line,
      amount,
      round: Number(round[1]),
      county: match.county.code,
      recipient,
      paid,
      ...(operation ? { operation } : {}),
      at: { amount: at("amount"), paid: at("paid"), recipient: at("recipient") },
    });
  });
  return {
    payments: result.readable && rows <= LIMITS.grantPayments ? payments : undefined,
    diagnostics: [...result.diagnostics, ...rowDiagnostics.all()],
  };
}

function tooManyGrants(file: string, line: number): Diagnostic {
  return overLimit(
    "grants/too-many-rows",
    { file, line, column: 1 },
    `grants.csv has more than ${LIMITS.grantPayments} payments (this row is number ${LIMITS.grantPayments + 1}): it was not read.`,
    "List the payments to the county boards only (21 counties, a few payments each); is this the whole ledger?",
  );
}
