/** Exit codes, the ESLint convention. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A problem with how the tool was called (bad flag value, missing year folder): exit 2. */
export class UsageError extends Error {}

/** Parses a report year argument such as "2025". */
export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(`"${text}" is not a year; write it like 2025.`);
  return Number(text);
}

export function parseNonNegativeInt(text: string, flag: string): number {
  if (!/^\d+$/.test(text))
    throw new UsageError(`${flag} needs a whole number of 0 or more, not "${text}".`);
  return Number(text);
}
