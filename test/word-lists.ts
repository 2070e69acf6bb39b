import { parseWordLists } from "../src/check/spelling/word-lists.js";
import { BUILT_IN_WORDS, readWordLists } from "../src/load/word-list-files.js";

/** The word lists of a data folder (and the built-in ones), read and parsed as validate does. */
export async function loadWordLists(dataRoot: string, builtInDir = BUILT_IN_WORDS) {
  return parseWordLists(await readWordLists(dataRoot, builtInDir));
}
