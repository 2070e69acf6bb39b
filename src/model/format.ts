/** U+00A0 NO-BREAK SPACE: a Swedish thousands separator that never breaks a number across lines. */
export const NBSP = "\u00a0";

/**
 * A whole number the Swedish way: "13 913 620" with U+00A0 between the groups and the
 * minus sign U+2212 ("−317"). Rounds half away from zero; never prints "−0". Grouped here
 * rather than by Intl.NumberFormat("sv-SE"): the same text (a test compares them), without
 * the ~7 ms of locale loading on every build, and without ICU versions' choice of space.
 */
export function formatSwedishInteger(value: number): string {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  const magnitude = Math.abs(rounded);
  if (!Number.isSafeInteger(magnitude)) return formatSwedishDecimal(rounded, 0);
  const grouped = String(magnitude).replace(/\B(?=(?:\d{3})+$)/g, NBSP);
  return rounded < 0 ? `\u2212${grouped}` : grouped;
}

// Formatters added for the report model and the template helpers (src/render/helpers.ts).

/** "13 913 620 kr" (U+00A0 between groups and before "kr"). */
export function formatKronor(value: number): string {
  return `${formatSwedishInteger(value)}${NBSP}kr`;
}

/** "21 751 tkr". */
export function formatTkr(value: number): string {
  return `${formatSwedishInteger(value)}${NBSP}tkr`;
}

/** A ratio as Swedish per cent: 0.8802 → "88 %" (U+00A0 before %), −0.1 → "−10 %". */
export function formatPercent(ratio: number, decimals = 0): string {
  const scaled = ratio * 100;
  if (decimals === 0) return `${formatSwedishInteger(scaled)}${NBSP}%`;
  return `${formatSwedishDecimal(scaled, decimals)}${NBSP}%`;
}

/** "12,5", "−0,25": a decimal comma, U+00A0 groups, U+2212 minus. */
export function formatSwedishDecimal(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  const text = new Intl.NumberFormat("sv-SE", {
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(rounded === 0 ? 0 : rounded);
  return text.replace(/[\u202f\u2009 ]/g, NBSP).replace(/^[-\u2212]/, "\u2212");
}

export const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "2024-03-01" → "1 mars 2024" (the day without a leading zero). */
export function formatSwedishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`"${iso}" is not a date (YYYY-MM-DD).`);
  const month = MONTHS_SV[Number(match[2]) - 1];
  if (!month) throw new RangeError(`"${iso}" has no month ${match[2]}.`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "2023-10" → "oktober 2023". */
export function formatSwedishMonth(iso: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(iso);
  const month = match ? MONTHS_SV[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`"${iso}" is not a month (YYYY-MM).`);
  return `${month} ${match[1]}`;
}

const NUMBER_WORDS = [
  "noll",
  "en",
  "två",
  "tre",
  "fyra",
  "fem",
  "sex",
  "sju",
  "åtta",
  "nio",
  "tio",
  "elva",
  "tolv",
] as const;

/** 0–12 in words, as Swedish prose writes small numbers ("elva verksamheter"); digits above. */
export function formatNumberWord(value: number, gender: "common" | "neuter" = "common"): string {
  if (!Number.isInteger(value) || value < 0 || value >= NUMBER_WORDS.length) {
    return formatSwedishInteger(value);
  }
  if (value === 1 && gender === "neuter") return "ett";
  return NUMBER_WORDS[value] as string;
}

/** Swedish genitive: "Skåne" → "Skånes", "Skåne län" → "Skåne läns"; no extra s after s, x, z. */
export function swedishGenitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
