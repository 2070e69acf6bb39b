import type { Sourced } from "../load/dataset.js";
import { type County, countyByCode } from "../schema/counties.js";
import type { CountyStatus } from "../schema/county-status.js";
import {
  OWN_SUPPORT_LINE,
  PHASES,
  type Phase,
  PRINCIPAL_STATUS,
  PROJECT_LEAD,
  SERVES,
  STEERING_GROUP,
} from "../schema/vocabulary.js";
import { isWithoutCentre } from "../schema/without-centre.js";
import { swedishCollator } from "../text/swedish.js";
import { formatSwedishDate, formatSwedishMonth, swedishGenitive } from "./format.js";

/** A county's name in the forms Swedish prose needs. */
export interface CountyNames {
  /** SCB code, "14". */
  code: string;
  /** "Västra Götaland" — running text, headings. */
  name: string;
  /** "Västra Götalands län". */
  officialName: string;
  /** "Västra Götalands" — "Västra Götalands resurscentrum". */
  genitive: string;
  /** "Västra Götalands läns". */
  officialGenitive: string;
  /** "Länsstyrelsen Västra Götaland". */
  authority: string;
  /** "Länsstyrelsen i Västra Götalands län". */
  authorityFormal: string;
}

export function countyNames(county: County): CountyNames {
  return {
    code: county.code,
    name: county.name,
    officialName: county.officialName,
    genitive: swedishGenitive(county.name),
    officialGenitive: swedishGenitive(county.officialName),
    authority: `Länsstyrelsen ${county.name}`,
    authorityFormal: `Länsstyrelsen i ${county.officialName}`,
  };
}

export function countyNamesByCode(code: string): CountyNames {
  const county = countyByCode(code);
  if (!county) throw new RangeError(`There is no county with the code "${code}".`);
  return countyNames(county);
}

/** One resource-centre operation (verksamhet) as its status report (lägesbild) describes it. */
export interface OperationModel {
  /** The status report, relative to the data root. */
  file: string;
  county: CountyNames;
  /** Heading and table name: "Skåne", or "Västra Götaland Skaraborg" when the county has several. */
  name: string;
  operation: string | null;
  area: string | null;
  round: number | null;
  /** "Projektomgång 2". */
  roundLabel: string | null;
  period: { from: string; to: string; text: string } | null;
  phase: Phase | null;
  /** "Genomförandefas". */
  phaseLabel: string | null;
  /** "2023-10"; null = no operational support yet. */
  operationalSince: string | null;
  /** "oktober 2023". */
  operationalSinceText: string | null;
  principal: { name: string; status: string; statusLabel: string; text: string } | null;
  buildsOn: string | null;
  steeringGroup: string | null;
  projectLead: string | null;
  ownSupportLine: string | null;
  /** "Yrkesverksamma", "Utsatta". */
  serves: string[];
  summary: string | null;
  plans: string | null;
  successFactors: string[];
  challenges: string[];
  /** Counties without a centre: "2026-12" and "december 2026". */
  expectedEstablished: string | null;
  expectedEstablishedText: string | null;
  paymentNote: string | null;
  /** Fields of the status report that are not published (`provenance:`): the table marks their cells. */
  unpublished: Record<string, boolean>;
}

export interface PhaseGroup {
  phase: Phase;
  label: string;
  /** Operation names in the round's order. */
  names: string[];
  count: number;
}

export interface RoundModel {
  number: number;
  label: string;
  operations: OperationModel[];
  operationCount: number;
  countyCount: number;
  /** County short names, each once: "Dalarna", "Skåne", … */
  counties: string[];
  phases: PhaseGroup[];
}

/** Whitespace runs to one space: names and labels go into headings and table cells. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function label<C extends string>(vocab: { label: Record<C, string> }, code: C | undefined) {
  return code === undefined ? null : vocab.label[code];
}

// long: one operation's fields as the status overview shows them, one per line
function operationModel(
  { data, source }: Sourced<CountyStatus>,
  severalInCounty: boolean,
): OperationModel {
  const county = countyNamesByCode(data.county);
  const operation = data.operation === undefined ? null : oneLine(data.operation);
  const area = data.area === undefined ? null : oneLine(data.area);
  const distinguishing = area ?? operation;
  const name =
    severalInCounty && distinguishing !== null ? `${county.name} ${distinguishing}` : county.name;
  const principal = data.principal
    ? {
        name: oneLine(data.principal.name),
        status: data.principal.status,
        statusLabel: PRINCIPAL_STATUS.label[data.principal.status],
        text:
          data.principal.status === "planned"
            ? `${oneLine(data.principal.name)} (planerad)`
            : oneLine(data.principal.name),
      }
    : null;
  return {
    file: source.file,
    county,
    name,
    operation,
    area,
    round: data.round ?? null,
    roundLabel: data.round === undefined ? null : `Projektomgång ${data.round}`,
    period: data.period
      ? {
          ...data.period,
          text: `${formatSwedishDate(data.period.from)}–${formatSwedishDate(data.period.to)}`,
        }
      : null,
    phase: data.phase ?? null,
    phaseLabel: label(PHASES, data.phase),
    operationalSince: data.operational_since ?? null,
    operationalSinceText: data.operational_since
      ? formatSwedishMonth(data.operational_since)
      : null,
    principal,
    buildsOn: data.builds_on === undefined ? null : oneLine(data.builds_on),
    steeringGroup: label(STEERING_GROUP, data.steering_group),
    projectLead: label(PROJECT_LEAD, data.project_lead),
    ownSupportLine: label(OWN_SUPPORT_LINE, data.own_support_line),
    serves: (data.serves ?? []).map((s) => SERVES.label[s]),
    summary: data.summary ?? null,
    plans: data.plans ?? null,
    successFactors: [...data.success_factors],
    challenges: [...data.challenges],
    expectedEstablished: data.expected_established ?? null,
    expectedEstablishedText: data.expected_established
      ? formatSwedishMonth(data.expected_established)
      : null,
    paymentNote: data.payment_note ?? null,
    unpublished: {
      operation: false,
      round: false,
      phase: false,
      operational_since: false,
      principal: false,
    },
  };
}

/** Round, then name in Swedish order ("Örebro" before "Östergötland", both after "Västmanland"). */
function byRoundAndName(a: OperationModel, b: OperationModel): number {
  return (
    (a.round ?? Number.MAX_SAFE_INTEGER) - (b.round ?? Number.MAX_SAFE_INTEGER) ||
    swedishCollator.compare(a.name, b.name)
  );
}

export interface Operations {
  /** Every operation with a status report (not the counties without a centre), by round and name. */
  operations: OperationModel[];
  rounds: RoundModel[];
  /** Counties without a centre and when each is expected to have one (A2025/01207). */
  countiesWithoutCentre: OperationModel[];
  operationCount: number;
  /** Counties with at least one operation. */
  countyCount: number;
}

export function operationsOf(reports: readonly Sourced<CountyStatus>[]): Operations {
  const withCentre = reports.filter((r) => !isWithoutCentre(r.data));
  const perCounty = new Map<string, number>();
  for (const r of withCentre) perCounty.set(r.data.county, (perCounty.get(r.data.county) ?? 0) + 1);
  const operations = withCentre
    .map((r) => operationModel(r, (perCounty.get(r.data.county) ?? 0) > 1))
    .sort(byRoundAndName);
  const countiesWithoutCentre = reports
    .filter((r) => isWithoutCentre(r.data))
    .map((r) => operationModel(r, false))
    .sort((a, b) => swedishCollator.compare(a.name, b.name));

  const roundNumbers = [
    ...new Set(operations.map((o) => o.round).filter((r): r is number => r !== null)),
  ];
  const rounds = roundNumbers.map((number) => roundModel(number, operations));
  return {
    operations,
    rounds,
    countiesWithoutCentre,
    operationCount: operations.length,
    countyCount: perCounty.size,
  };
}

function roundModel(number: number, all: readonly OperationModel[]): RoundModel {
  const operations = all.filter((o) => o.round === number);
  const counties = [...new Set(operations.map((o) => o.county.name))];
  const phases: PhaseGroup[] = PHASES.codes.flatMap((phase) => {
    const names = operations.filter((o) => o.phase === phase).map((o) => o.name);
    return names.length === 0
      ? []
      : [{ phase, label: PHASES.label[phase], names, count: names.length }];
  });
  return {
    number,
    label: `Projektomgång ${number}`,
    operations,
    operationCount: operations.length,
    countyCount: counties.length,
    counties,
    phases,
  };
}
