import type { Diagnostic } from "../diagnostic.js";
import type { Lang } from "../messages/index.js";

export interface ReporterOptions {
  /** Colour output (stylish only); decided by the CLI from TTY, NO_COLOR and --no-color. */
  color: boolean;
  /** Prefix that turns a data-root-relative file into a path relative to the working directory. */
  pathPrefix: string;
  /** The language of messages and hints (`--lang`, else the locale); English when not given. */
  lang?: Lang;
}

/** Turns diagnostics into the text a terminal, a script or a CI service reads. */
export type Reporter = (diagnostics: readonly Diagnostic[], options: ReporterOptions) => string;
