import { isCalendarDate } from "../schema/calendar.js";
import { foldForScan } from "./personal-data-fold.js";

export type PersonalDataKind = "personnummer" | "samordningsnummer" | "email" | "phone";

/** Where a piece of personal data is in a text (as written), what it is, and how it reads. */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  index: number;
  /** The text as written, escapes and markup included. */
  text: string;
  /** As a reader sees it: ASCII digits, "-" for any dash, " " for any space. */
  folded: string;
}

/** Luhn check over the ten digits YYMMDDNNNC: weights 2,1,2,1,… and digit sums. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const product = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

/**
 * A personnummer or samordningsnummer (day + 60) in 10- or 12-digit form, with or without
 * "-" or "+": a real birth date and a valid check digit. Anything else is just a number.
 */
export function identityNumberKind(
  written: string,
): "personnummer" | "samordningsnummer" | undefined {
  const m = /^([0-9]{2})?([0-9]{2})([0-9]{2})([0-9]{2})[-+]?([0-9]{4})$/.exec(written);
  if (!m) return undefined;
  const [, century, yy = "", mm = "", dd = "", last = ""] = m;
  if (century !== undefined && !["18", "19", "20"].includes(century)) return undefined;
  const month = Number(mm);
  const rawDay = Number(dd);
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (!years.some((y) => isCalendarDate(y, month, day))) return undefined;
  if (!luhnValid(yy + mm + dd + last)) return undefined;
  return coordination ? "samordningsnummer" : "personnummer";
}

// On folded text: YYMMDD or YYYYMMDD, then a dash or plus (spaces around it allowed), spaces or
// nothing, then the four last digits, also grouped "1 236" as the number helper prints them.
const IDENTITY_NUMBER =
  /(?<![0-9])(?:[0-9]{2})?[0-9]{6}(?:[ \t]{0,8}[-+]{1,3}[ \t]{0,8}|[ \t]{1,8})?[0-9] ?[0-9]{3}(?![0-9])/g;
// The same digits printed as one number in Swedish thousands groups ("8 501 011 236"), as the
// number helper or a spreadsheet writes a 10- or 12-digit value.
const GROUPED_NUMBER = /(?<![0-9])[0-9]{1,3}(?: [0-9]{3}){3}(?![0-9]| [0-9])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// +46 or a trunk 0, an area code, then 5–8 more digits in groups of spaces or hyphens.
const PHONE =
  /(?<![\p{L}\p{N}+\-.,/:])(?:\+46[ -]?(?:\(0\)[ -]?)?|0)[1-9](?:[ -]?\d){6,8}(?![\p{L}\p{N}]|[-.,/:]\d)/gu;

/** The organisation's own domains: a functional mailbox there (no "." in its name) is published on purpose. */
const ORGANISATION_DOMAINS = ["lansstyrelsen.se", "hedersfortryck.se"];

/** Published organisational numbers: Länsstyrelsen's 010-22x series, 020 and 0771 service numbers. */
const ORGANISATION_PHONE_PREFIXES = ["1022", "20", "771"];

export function isOrganisationEmail(address: string): boolean {
  const [local = "", domain = ""] = address.toLowerCase().split("@");
  const ours = ORGANISATION_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
  return ours && !local.includes(".");
}

/** The national significant number: digits without +46 or the trunk 0. */
function nationalDigits(phone: string): string {
  const digits = phone.replace(/\(0\)/, "").replace(/\D/g, "");
  return digits.startsWith("46") && phone.trimStart().startsWith("+")
    ? digits.slice(2)
    : digits.slice(1);
}

export function isOrganisationPhone(phone: string): boolean {
  const national = nationalDigits(phone);
  return ORGANISATION_PHONE_PREFIXES.some((p) => national.startsWith(p));
}

export interface ScanOptions {
  /** Read line ends as spaces: prose and rendered text, where a line break is a space. */
  joinLines?: boolean;
}

/**
 * Identity numbers, e-mail addresses and phone numbers of persons in a text, in order, in every
 * written form (see foldForScan); positions are those of the text as written.
 */
export function findPersonalData(text: string, options: ScanOptions = {}): PersonalDataMatch[] {
  const folded = foldForScan(text, options.joinLines);
  const found: PersonalDataMatch[] = [];
  const add = (kind: PersonalDataKind, index: number, match: string) => {
    const [start, end] = folded.span(index, index + match.length);
    found.push({ kind, index: start, text: text.slice(start, end), folded: match });
  };
  for (const m of folded.text.matchAll(IDENTITY_NUMBER)) {
    const kind = identityNumberKind(m[0].replace(/[^0-9]/g, ""));
    if (kind) add(kind, m.index, m[0]);
  }
  for (const m of folded.text.matchAll(GROUPED_NUMBER)) {
    const kind = identityNumberKind(m[0].replace(/[^0-9]/g, ""));
    const [start] = folded.span(m.index, m.index + m[0].length);
    if (kind && !found.some((f) => f.index === start)) add(kind, m.index, m[0]);
  }
  const identities = [...found];
  const overlapsIdentity = (index: number, length: number) => {
    const [start, end] = folded.span(index, index + length);
    return identities.some((f) => start < f.index + f.text.length && f.index < end);
  };
  if (folded.text.includes("@")) {
    for (const m of folded.text.matchAll(EMAIL)) {
      if (!isOrganisationEmail(m[0])) add("email", m.index, m[0]);
    }
  }
  for (const m of folded.text.matchAll(PHONE)) {
    const national = nationalDigits(m[0]);
    if (national.length < 7 || national.length > 9) continue;
    if (isOrganisationPhone(m[0]) || overlapsIdentity(m.index, m[0].length)) continue;
    add("phone", m.index, m[0]);
  }
  return found.sort((a, b) => a.index - b.index);
}
