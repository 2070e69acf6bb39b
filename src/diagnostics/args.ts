// The args of each code: what a finding says, as data. Words are in messages/en.ts and sv.ts.
// Strings are stored masked and cut (finding.ts); numbers are raw.

type Who = { operation?: string; county: string };
/** A helper or partial that does not exist: the nearest name, or all of them (`known`). */
type Unknown = { what: "helper" | "partial"; name: string; nearest?: string; known?: string[] };
type Said = { detail: string };
/** What a value found in the YAML is; `value` holds the text or scalar for "text" and "value". */
export type Found = {
  found: "nan" | "infinity" | "binary" | "list" | "nothing" | "mapping" | "text" | "value";
  value?: string;
};
/** Why a value does not fit the data contract (src/schema/explain.ts). */
export type SchemaIssue =
  | ({ issue: "type"; expected: string; root: boolean } & Found)
  | { issue: "too-small"; detail: string; origin: string; minimum: string }
  | { issue: "too-big"; detail: string; maximum: string }
  | { issue: "format"; detail: string; pattern: string; form?: "date" | "month" }
  | ({ issue: "enum"; values: string[] } & Found)
  | { issue: "not-calendar-date"; value: string }
  | { issue: "not-amount"; value: string }
  | { issue: "no-outcome"; label: string }
  | { issue: "terminology"; problem: "not-mapping" | "empty-form" }
  | { issue: "other"; detail: string };
type ThemeKind = "success_factors" | "challenges";

interface FileArgs {
  "file/missing":
    | { problem: "file"; file: string }
    | { problem: "chapter"; chapter: string; file: string };
  "file/absent": {
    file: string;
    lacking: "themes" | "income-statement" | "appropriation" | "grants" | "calls" | "counties";
  };
  "file/too-large": { file: string; size: string; limit: string };
  "file/unreadable":
    | { problem: "not-a-file"; file: string }
    | { problem: "read"; file: string; detail: string };
  "path/outside-data":
    | { problem: "path"; path: string }
    | { problem: "symlink"; file: string }
    | { problem: "image"; name: string };
  "chapter/raw-output": { markup: "raw-block" | "raw-inline" | "html" | "tex"; name: string };
}

interface YamlArgs {
  "yaml/syntax": Said & { problem?: "init" | "terminology" };
  "yaml/duplicate-key": Said & { key?: string };
  "yaml/tab-indent": Said;
  "yaml/alias-limit": Said & { file: string };
  "yaml/prototype-key": { key: string };
  "schema/unknown-key": { key: string; where: string; nearest?: string; known: string[] };
  "schema/missing-key": { where: string; key?: string };
  "schema/invalid-value": { where: string } & SchemaIssue;
}

interface CsvArgs {
  "encoding/windows-1252": { file: string };
  "encoding/not-utf8": { problem: "nul"; file: string } | { problem: "text"; file: string };
  "csv/syntax": Said & { columns: number; separator: string };
  "csv/missing-column":
    | { problem: "empty"; file: string; known: string[] }
    | { problem: "column"; column: string; known: string[] };
  "csv/unknown-column": { column: string; known: string[] };
  "csv/invalid-value":
    | { problem: "amount" | "round" | "year"; value: string }
    | { problem: "date"; value: string; payment?: boolean }
    | { problem: "count" | "people"; value: string; column: string }
    | { problem: "too-many-people"; value: string; limit: number }
    | { problem: "provenance"; value: string; known: string[] };
  "csv/duplicate-column": { column: string; first: number; second: number };
  "text/control-character": {
    character: string;
    kind: "line-break" | "direction" | "joiner" | "other";
  };
  "calls/date-outside-year": { date: string; year: number };
  "calls/duplicate-id": { id: string; first: number; second: number };
  "calls/none": { file: string };
  "history/duplicate-year": { year: number; first: number; second: number };
}

interface LimitArgs {
  "text/line-too-long": { line: number; length?: number; limit: number; csv: boolean };
  "text/year-too-large": { used: string; limit: string };
  "grants/too-many-rows": { limit: number };
  "history/too-many-rows": { limit: number };
  "counties/too-many": { folder: string; count: number; limit: number };
}

interface ReportArgs {
  "report/isbn": { isbn: string };
  "provenance/unknown-source":
    | { problem: "file"; path: string; year: number }
    | { problem: "field"; field: string; known: string[] };
  "report/no-signatories": Record<string, never>;
  "report/year-mismatch": { stated: number; folder: number };
  "county/unknown": {
    context: "value" | "recipient" | "cell";
    where?: string;
    value: string;
    suggestion?: string;
    suggestionCode?: string;
  };
  "vocab/unknown": {
    where?: string;
    value: string;
    vocabulary: string;
    known: string[];
    cell?: boolean;
  };
}

interface FinanceArgs {
  "finance/sum-mismatch": {
    label: string;
    column: "outcome" | "forecast";
    stated: number;
    computed: number;
    difference: number;
    tolerance: number;
    unit: string;
    lines: number;
  };
  "finance/above-ceiling": { subAssignment: string; spent: number; ceiling: number };
  "grants/total-mismatch": { paid: number; stated: number; difference: number; label: string };
  "grants/no-grants-line": { payments: number };
  "grants/paid-outside-year": { amount: number; recipient: string; paid: string; year: number };
  "grants/no-status-report": Who & { amount: number; round: number };
  "grants/no-payment": Who & { round: number; year: number };
  "grants/above-ceiling": { year: number; paid: number; ceiling: number };
}

interface CountyArgs {
  "themes/unknown": {
    id: string;
    kind: ThemeKind;
    other?: ThemeKind;
    nearest?: string;
    known: string[];
  };
  "themes/unused": { id: string; kind: ThemeKind; title: string };
  "themes/duplicate-id": {
    id: string;
    first: number;
    firstKind: string;
    second: number;
    secondKind: string;
  };
  "counties/duplicate-operation": Who & { files: string[] };
  "counties/period-outside-year": { end: "from" | "to"; date: string; year: number };
  "counties/period-reversed": { from: string; to: string };
  "counties/operational-after-period": { since: string; end: string };
  "counties/phase-suspicious": { since?: string; serves: string[] };
  "counties/expected-missing": Who;
  "counties/expected-in-past": { expected: string; year: number };
  "counties/missing-summary": Who & { hasPlans: boolean };
  "counties/missing-plans": Who;
  "counties/not-listed": { county: string; from: number };
}

interface SupportLineArgs {
  "support-line/gap": {
    first: number;
    year: number;
    missing: number[];
    rowsWithoutCases: number[];
  };
  "support-line/history-after-year": { row: number; year: number };
  "support-line/small-count": {
    table: "county" | "organisation" | "exposure";
    label: string;
    count: number;
    minCount: number;
  };
}

interface PersonalDataArgs {
  "personal-data/personnummer": { kind: "personnummer" | "samordningsnummer"; digits: number };
  "personal-data/email": Record<string, never>;
  "personal-data/phone": Record<string, never>;
  "personal-data/free-text": Record<string, never>;
  "personal-data/in-output": { kind: string; output: string; place: string; traced: boolean };
  "personal-data/unchecked-output": { output: string; detail: string };
}

interface TemplateArgs {
  "template/syntax": Said & { expected?: string; got?: string };
  "template/unknown-variable": { path: string; suggestion?: string };
  "template/unknown-partial": Unknown;
  "template/unknown-helper": Unknown;
  /** `detail`/`hint`: a helper's own words (src/render/helpers.ts, values.ts), in English. */
  "template/no-value": { path: string; parent: string } | (Said & { hint: string });
  "template/invalid-value":
    | (Said & { hint?: string })
    | { problem: "wordmark"; name: string; year: number; known: string[] };
  "template/typst": Said & { inTemplate: boolean };
  "text/unprintable-character": { character: string; text?: string };
  "template/chart": Said & { id: string };
  "placeholder/text":
    | { problem: "todo"; instruction: string }
    | { problem: "placeholder"; text: string }
    | { problem: "empty-handlebars"; text: string }
    | { problem: "yaml-handlebars"; text: string };
  "prose/spelling": { word: string; prefix: boolean; suggestions: string[]; wordList: string };
  "prose/terminology": { found: string; suggestion: string };
}

/**
 * A reviewer's comment, reply or tracked change at its source (src/review/). Texts are stored
 * under names the gate cuts at 400, not 60: `words` (the comment or changed text, already cut),
 * `on` (the commented text, cut at 80), `source` (the YAML path or computation), `suggested`
 * (the change in its line, for one-line annotations).
 */
type ReviewItem = {
  author: string;
  date: string;
  words: string;
  on?: string;
  source?: string;
  changed: boolean;
  suggested?: string;
};

interface ReviewArgs {
  "review/comment": ReviewItem;
  "review/reply": ReviewItem;
  "review/insertion": ReviewItem;
  "review/deletion": ReviewItem;
  "review/move": ReviewItem;
  /** `shown`: the first eight changed files; `count`: all of them. */
  "review/inputs-changed": { count: number; shown: string[] };
  /** `looked`: the manifest.json paths looked in, relative to the working directory. */
  "review/no-sources": { anchors: number; looked: string[] };
  "review/unreadable":
    | { problem: "not-a-file" }
    | { problem: "too-large"; megabytes: number }
    | { problem: "read"; detail: string };
  "review/not-a-docx":
    | { problem: "xml"; part: string }
    | { problem: "not-zip" }
    | { problem: "part-too-large"; part: string; megabytes: number }
    | { problem: "no-document" };
}

/** Every code's args; a code without an entry here does not compile (messages/*.ts use it). */
export interface FindingArgs
  extends FileArgs,
    YamlArgs,
    CsvArgs,
    LimitArgs,
    ReportArgs,
    FinanceArgs,
    CountyArgs,
    SupportLineArgs,
    PersonalDataArgs,
    TemplateArgs,
    ReviewArgs {}
