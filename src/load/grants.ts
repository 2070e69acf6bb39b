import type { FindingArgs } from "../diagnostics/args.js";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { parseAmount } from "../schema/amount.js";
import { parseIsoDate } from "../schema/calendar.js";
import { countySuggestion, matchCounty } from "../schema/counties.js";
import { GRANT_COLUMNS } from "./columns.js";
import { streamCsv } from "./csv.js";
import type { DataFile } from "./files.js";
import { CappedFindings, LIMITS } from "./limits.js";

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
    const bad = <C extends DiagnosticCode>(column: string, code: C, args: FindingArgs[C]) =>
      rowDiagnostics.add(finding(code, { file: file.rel, ...at(column) }, args));

    const amountText = row.get("amount");
    const amount = parseAmount(amountText);
    if (amount === undefined)
      bad("amount", "csv/invalid-value", { problem: "amount", value: amountText });
    const roundText = row.get("round").trim();
    const round = ROUND.exec(roundText);
    if (!round) bad("round", "csv/invalid-value", { problem: "round", value: roundText });
    const recipient = row.get("recipient").trim();
    const match = matchCounty(recipient);
    if (!match.county)
      bad("recipient", "county/unknown", {
        context: "recipient",
        value: recipient,
        ...countySuggestion(match),
      });
    const paid = row.get("paid").trim();
    const paidDate = parseIsoDate(paid);
    if (!paidDate)
      bad("paid", "csv/invalid-value", { problem: "date", value: paid, payment: true });
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
  return finding(
    "grants/too-many-rows",
    { file, line, column: 1 },
    { limit: LIMITS.grantPayments },
  );
}
