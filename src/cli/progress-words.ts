// The CLI's own lines — progress, why nothing was built, the preview's and the watch's — in the
// language of the findings (--lang, else the locale), as the findings' catalogues are.
import type { Lang } from "../diagnostics/messages/index.js";
import type { StopReason } from "../pipeline/build.js";

export interface ProgressWords {
  validated(year: number, warnings: number): string;
  model: string;
  /** `labels`: what each target is rendered for ("Markdown", ["DOCX", "PDF"]). */
  rendered(labels: readonly (string | readonly string[])[]): string;
  made(format: string): string;
  wrote(count: number, folder: string, listed: string): string;
  stopped(reason: StopReason): string;
  builtPreview(seconds: string): string;
  previewAt(year: number, url: string): string;
  watching(folder: string): string;
  rebuildFailed(message: string): string;
}

const label = (forWord: string) => (l: string | readonly string[]) =>
  typeof l === "string" ? l : l.length === 1 ? (l[0] ?? "") : `${forWord} ${l.join("/")}`;

const en: ProgressWords = {
  validated: (year, warnings) =>
    `validated ${year}${warnings > 0 ? ` — ${warnings} warning${warnings === 1 ? "" : "s"}, see nch-report validate ${year}` : ""}`,
  model: "built the report model",
  rendered: (labels) =>
    `rendered the report with its charts (${labels.map(label("for")).join(", ")})`,
  made: (format) => `made ${format}`,
  wrote: (count, folder, listed) =>
    `wrote ${count} file${count === 1 ? "" : "s"} to ${folder}/: ${listed}`,
  stopped: (reason) => {
    switch (reason.kind) {
      case "data":
        return `The data of ${reason.year} has errors: nothing was built.`;
      case "templates":
        return "The templates or chapters have errors: nothing was built.";
      case "pdf":
        return "The report cannot be set as a PDF: nothing was built.";
      case "personal-data":
        return "Personal data would reach the outputs: nothing was written.";
    }
  },
  builtPreview: (seconds) => `built the preview (${seconds} s)`,
  previewAt: (year, url) => `Preview of ${year} at ${url} — Ctrl-C to stop`,
  watching: (folder) => `Watching ${folder} — Ctrl-C to stop`,
  rebuildFailed: (message) => `the rebuild failed: ${message} — still watching`,
};

const sv: ProgressWords = {
  validated: (year, warnings) =>
    `validerade ${year}${warnings > 0 ? ` — ${warnings} ${warnings === 1 ? "varning" : "varningar"}, se nch-report validate ${year}` : ""}`,
  model: "byggde rapportens modell",
  rendered: (labels) =>
    `renderade rapporten med diagrammen (${labels.map(label("för")).join(", ")})`,
  made: (format) => `gjorde ${format}`,
  wrote: (count, folder, listed) =>
    `skrev ${count} ${count === 1 ? "fil" : "filer"} till ${folder}/: ${listed}`,
  stopped: (reason) => {
    switch (reason.kind) {
      case "data":
        return `Uppgifterna för ${reason.year} har fel: inget byggdes.`;
      case "templates":
        return "Mallarna eller kapitlen har fel: inget byggdes.";
      case "pdf":
        return "Rapporten kan inte sättas som PDF: inget byggdes.";
      case "personal-data":
        return "Personuppgifter skulle hamna i utdata: inget skrevs.";
    }
  },
  builtPreview: (seconds) => `byggde förhandsvisningen (${seconds} s)`,
  previewAt: (year, url) => `Förhandsvisning av ${year} på ${url} — Ctrl-C avslutar`,
  watching: (folder) => `Bevakar ${folder} — Ctrl-C avslutar`,
  rebuildFailed: (message) => `bygget misslyckades: ${message} — bevakar fortfarande`,
};

const WORDS: Record<Lang, ProgressWords> = { en, sv };

export function progressWords(lang: Lang | undefined): ProgressWords {
  return WORDS[lang ?? "en"];
}
