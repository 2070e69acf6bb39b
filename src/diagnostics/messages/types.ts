import type { FindingArgs } from "../args.js";
import type { DiagnosticCode } from "../codes.js";

/** The languages findings are written in. */
export const LANGS = ["sv", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** What a finding says: the message, and how to fix it. */
export interface Words {
  message: string;
  hint?: string;
}

/** A language's words for every code, from the code's args. */
export type Catalogue = { [C in DiagnosticCode]: (args: FindingArgs[C]) => Words };
