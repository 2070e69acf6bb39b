// The word lists' names and their texts' shape: pure, for the spelling rule in check/.
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export const WORD_LIST = "ordlista.txt";
export const TERMINOLOGY = "terminologi.yaml";

/** The lists as written: the built-in ones and the user's in `<dataRoot>/words/`, if present. */
export interface WordListTexts {
  builtInWords?: string | undefined;
  builtInTerms?: string | undefined;
  userWords?: string | undefined;
  userTerms?: string | undefined;
  /** The user's lists that lead outside the data folder: not read, reported. */
  refused?: Diagnostic[];
}
