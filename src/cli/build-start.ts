// What `build` does before its own code loads: read --format and start the converter workers,
// so that pandoc and Typst (over a second to load) load meanwhile.
import { type Converters, startConverters } from "../output/converters.js";
import { PDF_STANDARDS, type PdfStandard } from "../output/pdf-standards.js";
import {
  convertersFor,
  DEFAULT_FORMATS,
  isOutputFormat,
  OUTPUT_FORMATS,
  type OutputFormat,
} from "../output/recipes.js";
import { UsageError } from "./exit.js";
import { checkWritableFolder } from "./where.js";

export interface StartedBuild {
  formats: OutputFormat[];
  converters?: Converters;
}

/**
 * The formats asked for, with their converters already loading: for one build, or kept for the
 * builds of `--watch`. Throws UsageError for a bad --format or --out.
 */
export function startBuild(flags: {
  format?: string;
  out?: string;
  watch?: boolean;
}): StartedBuild {
  const { formats } = parseFormats(flags.format);
  if (flags.out !== undefined) checkWritableFolder(flags.out, `--out ${flags.out}`);
  const kinds = convertersFor(formats);
  return kinds.length > 0
    ? { formats, converters: startConverters(kinds, flags.watch ? "kept" : "one build") }
    : { formats };
}

export function parseFormats(text: string | undefined): {
  formats: OutputFormat[];
  explicit: boolean;
} {
  if (text === undefined) return { formats: [...DEFAULT_FORMATS], explicit: false };
  const formats = [
    ...new Set(
      text
        .split(",")
        .map((f) => f.trim().toLowerCase())
        .filter((f) => f !== ""),
    ),
  ];
  const unknown = formats.filter((f) => !isOutputFormat(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--format takes a comma-separated list of ${OUTPUT_FORMATS.join(", ")}${unknown.length > 0 ? `, not "${unknown.join(", ")}"` : ""}.`,
    );
  }
  return { formats: formats as OutputFormat[], explicit: true };
}

export function parsePdfStandard(text: string | undefined): PdfStandard {
  if (text === undefined) return "ua-1";
  if (!(PDF_STANDARDS as readonly string[]).includes(text)) {
    throw new UsageError(
      `--pdf-standard must be one of ${PDF_STANDARDS.join(", ")}, not "${text}".`,
    );
  }
  return text as PdfStandard;
}
