import { foldName } from "./counties.js";

/** A controlled vocabulary: code → Swedish label, plus other accepted spellings. */
export interface Vocabulary<C extends string> {
  name: string;
  codes: readonly C[];
  label: Record<C, string>;
  aliases: Record<string, C>;
}

function vocabulary<const C extends string>(
  name: string,
  label: Record<C, string>,
  aliases: Record<string, NoInfer<C>> = {},
): Vocabulary<C> {
  return { name, codes: Object.keys(label) as C[], label, aliases };
}

export const PHASES = vocabulary(
  "phase",
  {
    orientering: "Orienteringsfas",
    utveckling: "Utvecklingsfas",
    genomforande: "Genomförandefas",
    drift: "Drift",
  },
  {
    orienteringsfas: "orientering",
    utvecklingsfas: "utveckling",
    genomforandefas: "genomforande",
    "ordinarie drift": "drift",
    driftsfas: "drift",
  },
);
export type Phase = (typeof PHASES.codes)[number];

/** The small vocabularies of a status report, by the key they are the values of. */
const STATUS_LABELS = {
  steering_group: { established: "Etablerad", planned: "Planerad", none: "Saknas" },
  project_lead: { staffed: "Tillsatt", vacant: "Vakant" },
  own_support_line: { yes: "Ja", planned: "Planerad", no: "Nej" },
  serves: { professionals: "Yrkesverksamma", exposed: "Utsatta" },
  "principal.status": { decided: "Beslutad", planned: "Planerad" },
} as const;

export const STEERING_GROUP = vocabulary("steering_group", STATUS_LABELS.steering_group);
export const PROJECT_LEAD = vocabulary("project_lead", STATUS_LABELS.project_lead);
export const OWN_SUPPORT_LINE = vocabulary("own_support_line", STATUS_LABELS.own_support_line);
export const SERVES = vocabulary("serves", STATUS_LABELS.serves);
export const PRINCIPAL_STATUS = vocabulary("principal.status", STATUS_LABELS["principal.status"]);

export const ORGANISATIONS = vocabulary(
  "organisation",
  {
    socialtjanst: "Socialtjänst",
    skola: "Skola/förskola",
    polis: "Polis",
    halso_och_sjukvard: "Hälso- och sjukvård",
    ideell: "Ideell organisation",
    annan_myndighet: "Annan myndighet/verksamhet",
    ovrigt: "Övrigt",
    uppgift_saknas: "Uppgift saknas",
  },
  {
    skola: "skola",
    forskola: "skola",
    "skola/forskola": "skola",
    "skola och forskola": "skola",
    "halso och sjukvard": "halso_och_sjukvard",
    sjukvard: "halso_och_sjukvard",
    "ideell organisation": "ideell",
    "annan myndighet": "annan_myndighet",
    "annan myndighet/verksamhet": "annan_myndighet",
    "annan verksamhet": "annan_myndighet",
    "uppgift saknas": "uppgift_saknas",
    okand: "uppgift_saknas",
  },
);
export type Organisation = (typeof ORGANISATIONS.codes)[number];

export const EXPOSURES = vocabulary("exposure", {
  child_marriage: "Barn-/tvångsäktenskap",
  abduction: "Bortförande",
  fgm: "Könsstympning",
});
export type Exposure = (typeof EXPOSURES.codes)[number];

/** Case- and diacritics-insensitive look-up of a code, a label or an alias. */
export function lookup<C extends string>(vocab: Vocabulary<C>, input: string): C | undefined {
  const key = foldName(input);
  for (const code of vocab.codes) {
    if (foldName(code) === key || foldName(vocab.label[code]) === key) return code;
  }
  return vocab.aliases[key];
}

export function vocabularyChoices<C extends string>(vocab: Vocabulary<C>): string[] {
  return vocab.codes.map((c) => `${c} (${vocab.label[c]})`);
}
