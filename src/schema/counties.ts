import { didYouMean } from "../text/did-you-mean.js";

export interface County {
  /** SCB county code, two digits. */
  code: string;
  /** Short name as used in running text: "Västra Götaland". */
  name: string;
  /** Official name: "Västra Götalands län". */
  officialName: string;
}

/** Sweden's 21 counties with SCB codes (codes 02, 11, 15 and 16 are not in use). */
export const COUNTIES: readonly County[] = [
  { code: "01", name: "Stockholm", officialName: "Stockholms län" },
  { code: "03", name: "Uppsala", officialName: "Uppsala län" },
  { code: "04", name: "Södermanland", officialName: "Södermanlands län" },
  { code: "05", name: "Östergötland", officialName: "Östergötlands län" },
  { code: "06", name: "Jönköping", officialName: "Jönköpings län" },
  { code: "07", name: "Kronoberg", officialName: "Kronobergs län" },
  { code: "08", name: "Kalmar", officialName: "Kalmar län" },
  { code: "09", name: "Gotland", officialName: "Gotlands län" },
  { code: "10", name: "Blekinge", officialName: "Blekinge län" },
  { code: "12", name: "Skåne", officialName: "Skåne län" },
  { code: "13", name: "Halland", officialName: "Hallands län" },
  { code: "14", name: "Västra Götaland", officialName: "Västra Götalands län" },
  { code: "17", name: "Värmland", officialName: "Värmlands län" },
  { code: "18", name: "Örebro", officialName: "Örebro län" },
  { code: "19", name: "Västmanland", officialName: "Västmanlands län" },
  { code: "20", name: "Dalarna", officialName: "Dalarnas län" },
  { code: "21", name: "Gävleborg", officialName: "Gävleborgs län" },
  { code: "22", name: "Västernorrland", officialName: "Västernorrlands län" },
  { code: "23", name: "Jämtland", officialName: "Jämtlands län" },
  { code: "24", name: "Västerbotten", officialName: "Västerbottens län" },
  { code: "25", name: "Norrbotten", officialName: "Norrbottens län" },
];

const byCode = new Map(COUNTIES.map((c) => [c.code, c]));

export function countyByCode(code: string): County | undefined {
  return byCode.get(code);
}

/** Lower case, no diacritics, single spaces: "Västra  Götalands" → "vastra gotalands". */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u2009\u202f_-]+/g, " ")
    .trim();
}

// Prefixes the finance system writes before the county: "Länsstyrelsen i Uppsala Län".
const AUTHORITY_PREFIX = /^(lansstyrelsen|lansstyrelse|lst|region)( i)? /;
const COUNTY_SUFFIX = / (lan|county)$/;

function keyOf(text: string): string {
  const key = foldName(text).replace(AUTHORITY_PREFIX, "").replace(COUNTY_SUFFIX, "").trim();
  return key;
}

const byKey = new Map<string, County>();
for (const county of COUNTIES) {
  const short = keyOf(county.name);
  byKey.set(short, county);
  // Genitive forms: "Skånes", "Dalarnas", "Västra Götalands".
  byKey.set(`${short}s`, county);
  byKey.set(keyOf(county.officialName), county);
}

export type CountyMatch = { county: County } | { county: undefined; suggestion?: County };

/**
 * Matches a county written in any common way: "Västra Götaland", "Västra Götalands län",
 * "vastra gotaland", "Länsstyrelsen i Uppsala Län", or the SCB code "14" / 14.
 */
export function matchCounty(input: string | number): CountyMatch {
  const text = String(input).trim();
  if (/^\d{1,2}$/.test(text)) {
    const county = countyByCode(text.padStart(2, "0"));
    return county ? { county } : { county: undefined };
  }
  const key = keyOf(text);
  const county = byKey.get(key);
  if (county) return { county };
  if (key.length === 0) return { county: undefined };
  const nearest = didYouMean(key, [...byKey.keys()]);
  return { county: undefined, ...(nearest !== undefined && { suggestion: byKey.get(nearest) }) };
}

/** The county a failed match comes nearest, as a finding's args (none when nothing is near). */
export function countySuggestion(match: CountyMatch): {
  suggestion?: string;
  suggestionCode?: string;
} {
  if (match.county || !("suggestion" in match) || !match.suggestion) return {};
  return { suggestion: match.suggestion.name, suggestionCode: match.suggestion.code };
}
