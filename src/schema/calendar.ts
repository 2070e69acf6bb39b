const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month (1–12) and day name a day of the calendar (2025-02-30 does not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A date written YYYY-MM-DD that exists in the calendar, or undefined. */
export function parseIsoDate(
  text: string,
): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : undefined;
}
