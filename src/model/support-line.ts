import type { CallsSummary } from "../load/calls.js";
import type { HistoryYear } from "../load/history.js";
import { COUNTIES } from "../schema/counties.js";
import { EXPOSURES, type Exposure, ORGANISATIONS } from "../schema/vocabulary.js";
import { swedishCollator } from "../text/swedish.js";
import { isSuppressed } from "./disclosure.js";
import { formatSwedishInteger } from "./format.js";
import { factsOf, type SupportLineFacts } from "./support-line-facts.js";

export type { SupportLineFacts, YearFigure } from "./support-line-facts.js";

/** Exposed individuals per type; null = not known for that year. */
export type ExposureCounts = Record<Exposure, number | null>;

/** One year of the series; total null = a gap (never 0). */
export interface SupportLineYear {
  year: number;
  total: number | null;
  /** Where the figure comes from: the year's calls.csv wins over the history row. */
  source: "calls" | "history" | null;
  exposure: ExposureCounts;
  /** History only: exposed persons in all. */
  exposedPersons: number | null;
  /** The figure covers only part of the year ("från 13 mars", from the history note). */
  partial: string | null;
}

/** A published count: `count` is null and `display` "–" when suppressed (röjandeskydd). */
export interface CountCell {
  count: number | null;
  display: string;
  suppressed: boolean;
}

export interface OrganisationRow extends CountCell {
  code: string;
  label: string;
}

export interface CountyRow extends CountCell {
  /** SCB code; "" = uppgift saknas. */
  code: string;
  /** "Skåne", or "Uppgift saknas". */
  name: string;
  /** "Skåne län", or "Uppgift saknas". */
  officialName: string;
}

export interface ExposureRow {
  code: Exposure;
  label: string;
  thisYear: CountCell;
  /** Last year's figure; count null and display "uppgift saknas" when not known. */
  lastYear: CountCell;
}

export interface SupportLineModel {
  year: number;
  /** First and last year of the series. */
  fromYear: number;
  toYear: number;
  /** "2014–2025", or "2025" for a single year. */
  span: string;
  years: SupportLineYear[];
  /** Years of the series with no known total, as strings ("2021"). */
  gapYears: string[];
  thisYear: SupportLineYear;
  lastYear: SupportLineYear;
  /** True when this year's figures come from calls.csv (per-call data). */
  hasCalls: boolean;
  /** Calls per organisation, most first, "Uppgift saknas" last. Null without calls.csv. */
  byOrganisation: OrganisationRow[] | null;
  /** Calls per county (all 21), most first, then "Uppgift saknas". Null without calls.csv. */
  byCounty: CountyRow[] | null;
  /** The three counties with most calls (known county only). */
  topCounties: CountyRow[];
  unknownCounty: CountCell | null;
  /** Exposed individuals per type, this year against last year. Null without calls.csv. */
  exposure: ExposureRow[] | null;
  /** Exposure types by this year's count, most first. */
  exposureRanked: ExposureRow[];
  /** Calls per month (January first). */
  byMonth: number[] | null;
  facts: SupportLineFacts;
  /** Any cell of the tables above is shown as "–". */
  anySuppressed: boolean;
  /** Per table: some cell is shown as "–" (the table then carries the disclosure note). */
  suppressed: { organisation: boolean; county: boolean; exposure: boolean };
}

const unknownExposure = (): ExposureCounts => ({
  child_marriage: null,
  abduction: null,
  fgm: null,
});

function fromCalls(year: number, calls: CallsSummary): SupportLineYear {
  return {
    year,
    total: calls.calls,
    source: "calls",
    exposure: { ...calls.exposure },
    exposedPersons: null,
    partial: null,
  };
}

/** A history note that limits the figure to part of the year: "från 13 mars", "t.o.m. 30 juni". */
const PARTIAL_NOTE = /^(?:från|fr\.o\.m\.|till|t\.o\.m\.|endast|bara)\s/i;

function fromHistory(row: HistoryYear | undefined, year: number): SupportLineYear {
  if (!row) {
    return {
      year,
      total: null,
      source: null,
      exposure: unknownExposure(),
      exposedPersons: null,
      partial: null,
    };
  }
  return {
    year,
    total: row.cases ?? null,
    source: row.cases === undefined ? null : "history",
    exposure: {
      child_marriage: row.childMarriage ?? null,
      abduction: row.abduction ?? null,
      fgm: row.fgm ?? null,
    },
    exposedPersons: row.exposedPersons ?? null,
    partial: row.note && PARTIAL_NOTE.test(row.note) ? row.note : null,
  };
}

export interface SupportLineInput {
  year: number;
  calls: CallsSummary | undefined;
  history: readonly HistoryYear[];
  /** calls.csv of earlier years found in the data root, by year. */
  earlierCalls: ReadonlyMap<number, CallsSummary>;
  minCount: number | undefined;
}

/** The series from the first known year to the report year, each year from calls.csv or history. */
export function supportLineYears(input: SupportLineInput): SupportLineYear[] {
  const history = new Map(input.history.map((h) => [h.year, h]));
  const known = [
    ...input.history.map((h) => h.year),
    ...input.earlierCalls.keys(),
    ...(input.calls ? [input.year] : []),
  ].filter((y) => y <= input.year);
  if (known.length === 0) return [];
  const first = Math.min(...known);
  const years: SupportLineYear[] = [];
  for (let year = first; year <= input.year; year++) {
    const calls = year === input.year ? input.calls : input.earlierCalls.get(year);
    years.push(calls ? fromCalls(year, calls) : fromHistory(history.get(year), year));
  }
  return years;
}

function cell(count: number, minCount: number | undefined): CountCell {
  const suppressed = isSuppressed(count, minCount);
  return {
    count: suppressed ? null : count,
    display: suppressed ? "–" : formatSwedishInteger(count),
    suppressed,
  };
}

function maybeCell(count: number | null, minCount: number | undefined): CountCell {
  return count === null
    ? { count: null, display: "uppgift saknas", suppressed: false }
    : cell(count, minCount);
}

/**
 * Most first (ties by name); suppressed rows after the others in alphabetical order, so that
 * their order does not give their counts away.
 */
function byCountThenName(a: number, b: number, nameA: string, nameB: string, minCount?: number) {
  const hiddenA = isSuppressed(a, minCount);
  const hiddenB = isSuppressed(b, minCount);
  if (hiddenA !== hiddenB) return hiddenA ? 1 : -1;
  return (hiddenA ? 0 : b - a) || swedishCollator.compare(nameA, nameB);
}

// long: the support line section's shape, one breakdown (organisation, county, exposure) after another
export function supportLineOf(input: SupportLineInput): SupportLineModel | null {
  const years = supportLineYears(input);
  const thisYear = years.find((y) => y.year === input.year);
  if (!thisYear) return null;
  const lastYear =
    years.find((y) => y.year === input.year - 1) ?? fromHistory(undefined, input.year - 1);
  const { calls, minCount } = input;

  const byOrganisation = calls
    ? ORGANISATIONS.codes
        .map((code) => ({
          code,
          label: ORGANISATIONS.label[code],
          raw: calls.byOrganisation[code],
        }))
        .sort(
          (a, b) =>
            Number(a.code === "uppgift_saknas") - Number(b.code === "uppgift_saknas") ||
            byCountThenName(a.raw, b.raw, a.label, b.label, minCount),
        )
        .map(({ code, label, raw }) => ({ code, label, ...cell(raw, minCount) }))
    : null;

  const countyRaw = calls
    ? COUNTIES.map((c) => ({
        code: c.code,
        name: c.name,
        officialName: c.officialName,
        raw: calls.byCounty[c.code] ?? 0,
      })).sort((a, b) => byCountThenName(a.raw, b.raw, a.name, b.name, minCount))
    : [];
  const unknownRaw = calls ? (calls.byCounty[""] ?? 0) : 0;
  const byCounty = calls
    ? [
        ...countyRaw.map(({ raw, ...c }) => ({ ...c, ...cell(raw, minCount) })),
        {
          code: "",
          name: "Uppgift saknas",
          officialName: "Uppgift saknas",
          ...cell(unknownRaw, minCount),
        },
      ]
    : null;

  const exposure = calls
    ? EXPOSURES.codes.map((code) => ({
        code,
        label: EXPOSURES.label[code],
        thisYear: cell(calls.exposure[code], minCount),
        lastYear: maybeCell(lastYear.exposure[code], minCount),
      }))
    : null;
  const exposureRanked = exposure
    ? [...exposure].sort((a, b) => (calls?.exposure[b.code] ?? 0) - (calls?.exposure[a.code] ?? 0))
    : [];

  const cells = [
    ...(byOrganisation ?? []),
    ...(byCounty ?? []),
    ...(exposure ?? []).flatMap((e) => [e.thisYear, e.lastYear]),
  ];
  return {
    year: input.year,
    fromYear: years[0]?.year ?? input.year,
    toYear: input.year,
    span: years.length > 1 ? `${years[0]?.year}–${input.year}` : String(input.year),
    years,
    gapYears: years.filter((y) => y.total === null).map((y) => String(y.year)),
    thisYear,
    lastYear,
    hasCalls: calls !== undefined,
    byOrganisation,
    byCounty,
    topCounties: (byCounty ?? []).filter((c) => c.code !== "").slice(0, 3),
    unknownCounty: calls ? cell(unknownRaw, minCount) : null,
    exposure,
    exposureRanked,
    byMonth: calls ? [...calls.byMonth] : null,
    facts: factsOf(years, thisYear, lastYear),
    anySuppressed: cells.some((c) => c.suppressed),
    suppressed: {
      organisation: (byOrganisation ?? []).some((c) => c.suppressed),
      county: (byCounty ?? []).some((c) => c.suppressed),
      exposure: (exposure ?? []).some((e) => e.thisYear.suppressed || e.lastYear.suppressed),
    },
  };
}
