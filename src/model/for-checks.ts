// The pure functions of the model that check/ rules use too, so a rule's arithmetic is the
// report's own: check/ imports model/ only through this module, and model/ never imports check/.
export { suppressedCells } from "./disclosure.js";
export { type FinanceRow, financeRows, roundingTolerance, type Totals } from "./finance.js";
export { formatSwedishInteger } from "./format.js";
