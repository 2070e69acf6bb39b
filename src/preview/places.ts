// Where in the report a finding is: the section of the last good build that prints the line it
// is on (manifest.json lists what each HTML page's sections print), as a link for the banner.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type PageSources, placeOf } from "../output/html/sources.js";

/** A finding with the page and section of the preview it concerns: "5-regionala….html#skåne". */
export type PlacedFinding = Diagnostic & { href?: string };

/** The findings, each with its place in the site of the output folder `out` where one is known. */
export function placeFindings(out: string, findings: readonly Diagnostic[]): PlacedFinding[] {
  const sources = htmlSources(out);
  return findings.map((f) => {
    const href = f.file ? placeOf(sources, f.file, f.line) : undefined;
    return href ? { ...f, href } : f;
  });
}

/** The sources of html/*.html by page file name; none before the first good build. */
function htmlSources(out: string): Record<string, PageSources> {
  let manifest: { sources?: Record<string, PageSources> };
  try {
    manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
  } catch {
    return {};
  }
  return Object.fromEntries(
    Object.entries(manifest.sources ?? {})
      .filter(([name]) => name.startsWith("html/"))
      .map(([name, sections]) => [name.slice("html/".length), sections]),
  );
}
