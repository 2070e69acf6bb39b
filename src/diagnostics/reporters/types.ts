import type { Diagnostic } from "../diagnostic.js";

export interface ReporterOptions {
  /** Colour output (stylish only); decided by the CLI from TTY, NO_COLOR and --no-color. */
  color: boolean;
  /** Prefix that turns a data-root-relative file into a path relative to the working directory. */
  pathPrefix: string;
}

/** Turns diagnostics into the text a terminal, a script or a CI service reads. */
export type Reporter = (diagnostics: readonly Diagnostic[], options: ReporterOptions) => string;
