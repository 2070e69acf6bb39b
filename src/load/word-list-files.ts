// The word lists' files as text: all a cached spelling check needs to know (word-lists.ts parses
// them, which loads the yaml package).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { TEMPLATES_DIR } from "../package-root.js";
import { confine, dataFile } from "./files.js";
import { normaliseText } from "./text.js";
import { TERMINOLOGY, WORD_LIST, type WordListTexts } from "./word-list-names.js";

export { TERMINOLOGY, WORD_LIST, type WordListTexts } from "./word-list-names.js";

/** The built-in lists; the user's lists of the same names in `<data>/words/` extend them. */
export const BUILT_IN_WORDS = `${path.join(TEMPLATES_DIR, "words")}${path.sep}`;

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return normaliseText(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
}

export async function readWordLists(
  dataRoot: string,
  builtInDir = BUILT_IN_WORDS,
): Promise<WordListTexts> {
  const refused: Diagnostic[] = [];
  const user = async (name: string) => {
    const file = dataFile(path.resolve(dataRoot), `words/${name}`);
    const outside = confine(file);
    if (outside) refused.push(outside);
    return outside ? undefined : readOptional(file.abs);
  };
  const [builtInWords, builtInTerms, userWords, userTerms] = await Promise.all([
    readOptional(path.join(builtInDir, WORD_LIST)),
    readOptional(path.join(builtInDir, TERMINOLOGY)),
    user(WORD_LIST),
    user(TERMINOLOGY),
  ]);
  return {
    builtInWords,
    builtInTerms,
    userWords,
    userTerms,
    ...(refused.length > 0 && { refused }),
  };
}
