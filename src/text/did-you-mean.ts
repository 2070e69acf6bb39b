// The one "did you mean" of the tool: keys, county names, theme ids, helpers, partials, paths.
import { closest, distance } from "fastest-levenshtein";

/**
 * The candidate nearest to `word` when it is plausibly a typo of it: at most two edits, or one
 * in three of the word's characters for longer words; undefined otherwise.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const nearest = closest(word, candidates as string[]);
  return distance(word, nearest) <= Math.max(2, Math.floor(word.length / 3)) ? nearest : undefined;
}
