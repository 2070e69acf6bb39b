import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { markupDiagnostics } from "../check/chapter-markup.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import {
  confine,
  type DataFile,
  dataFile,
  decodeUtf8,
  readLimited,
  SIZE_LIMITS,
} from "../load/files.js";
import { TEMPLATES_DIR } from "../package-root.js";

/** The built-in templates shipped with the tool (the package's templates/ folder). */
export const BUILTIN_TEMPLATE_DIR = `${TEMPLATES_DIR}${path.sep}`;

/** Where a project keeps its overrides, relative to the data root. */
export const PROJECT_TEMPLATE_DIR = "templates";

/** Built-in files that are not templates a user would customise. */
const NOT_TEMPLATES = /^(?:fonts\/|words\/)|(?:^|\/)(?:README\.md|OFL\.txt)$/;

/** A Markdown template: report.md.hbs or partials/<name>.md.hbs. */
export interface TemplateFile {
  /** "report" or the partial's name ("status-overview"). */
  name: string;
  /** Relative to the templates folder: "partials/status-overview.md.hbs". */
  rel: string;
  origin: "built-in" | "project";
  /** How diagnostics name it: "templates/partials/x.md.hbs" (relative to the data root for a project file). */
  file: string;
  source: string;
}

export interface TemplateSet {
  report: TemplateFile;
  partials: Map<string, TemplateFile>;
}

const REPORT_REL = "report.md.hbs";
const PARTIAL_SUFFIX = ".md.hbs";

/** Files under a folder; with `links`, also symbolic links (which readdir does not follow). */
async function listFiles(dir: string, links = false): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() || (links && e.isSymbolicLink()))
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();
  } catch {
    return [];
  }
}

async function readTemplate(
  file: DataFile,
): Promise<{ source: string } | { diagnostic: Diagnostic }> {
  const read = await readLimited(file, SIZE_LIMITS.markdown);
  if ("diagnostic" in read) return read;
  const decoded = decodeUtf8(file, read.bytes);
  if ("diagnostic" in decoded) return decoded;
  const [problem] = decoded.problems;
  return problem ? { diagnostic: problem } : { source: decoded.text };
}

function partialName(rel: string): string | undefined {
  if (!rel.startsWith("partials/") || !rel.endsWith(PARTIAL_SUFFIX)) return undefined;
  return rel.slice("partials/".length, -PARTIAL_SUFFIX.length);
}

/**
 * The built-in report template and partials, each replaced by the project's file of the same
 * relative name under `<data root>/templates/` when there is one; a project may also add partials.
 * Project paths must stay inside the data root (symbolic links included).
 */
export async function loadTemplates(
  dataRoot: string | undefined,
): Promise<{ templates: TemplateSet | undefined; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, TemplateFile>();
  for (const rel of await listFiles(BUILTIN_TEMPLATE_DIR)) {
    if (rel !== REPORT_REL && partialName(rel) === undefined) continue;
    const loaded = await readTemplate({
      rel: `templates/${rel}`,
      abs: path.join(BUILTIN_TEMPLATE_DIR, rel),
      root: BUILTIN_TEMPLATE_DIR,
    });
    if ("diagnostic" in loaded)
      throw new Error(`Built-in template ${rel}: ${loaded.diagnostic.message}`);
    files.set(rel, templateFile(rel, "built-in", `templates/${rel}`, loaded.source));
  }
  if (dataRoot !== undefined) {
    const root = path.resolve(dataRoot);
    // Every project template (Typst, reference.docx and chart specs too) must stay inside.
    for (const rel of await listFiles(path.join(root, PROJECT_TEMPLATE_DIR), true)) {
      const file = dataFile(root, `${PROJECT_TEMPLATE_DIR}/${rel}`);
      const outside = confine(file);
      if (outside) {
        diagnostics.push(outside);
        continue;
      }
      if (rel !== REPORT_REL && partialName(rel) === undefined) continue;
      const loaded = await readTemplate(file);
      if ("diagnostic" in loaded) {
        diagnostics.push(loaded.diagnostic);
        continue;
      }
      // A project template's images must be inside the data too (its layout is its own).
      diagnostics.push(
        ...markupDiagnostics({ rel: file.rel, text: loaded.source }, root, "", false),
      );
      files.set(rel, templateFile(rel, "project", file.rel, loaded.source));
    }
  }
  const report = files.get(REPORT_REL);
  if (!report)
    throw new Error(`The built-in template ${REPORT_REL} is missing from ${BUILTIN_TEMPLATE_DIR}.`);
  const partials = new Map<string, TemplateFile>();
  for (const file of files.values()) if (file.rel !== REPORT_REL) partials.set(file.name, file);
  return { templates: diagnostics.length > 0 ? undefined : { report, partials }, diagnostics };
}

function templateFile(
  rel: string,
  origin: TemplateFile["origin"],
  file: string,
  source: string,
): TemplateFile {
  return {
    name: rel === REPORT_REL ? "report" : (partialName(rel) as string),
    rel,
    origin,
    file,
    source,
  };
}

/** One row of `nch-report templates list`. */
export interface TemplateListing {
  /** Relative to a templates folder: "partials/status-overview.md.hbs", "charts/calls-per-year.vl.json". */
  rel: string;
  status: "built-in" | "overridden" | "project";
  /** The file that is used, as the user can open it. */
  path: string;
}

/** Every customisable built-in template and every project template, with which one is used. */
export async function listTemplates(dataRoot: string): Promise<TemplateListing[]> {
  const root = path.resolve(dataRoot);
  const projectDir = path.join(root, PROJECT_TEMPLATE_DIR);
  const builtIn = (await listFiles(BUILTIN_TEMPLATE_DIR)).filter((rel) => !NOT_TEMPLATES.test(rel));
  const project = new Set(await listFiles(projectDir));
  const rows: TemplateListing[] = builtIn.map((rel) =>
    project.has(rel)
      ? { rel, status: "overridden", path: path.join(projectDir, rel) }
      : { rel, status: "built-in", path: path.join(BUILTIN_TEMPLATE_DIR, rel) },
  );
  for (const rel of project) {
    if (!builtIn.includes(rel))
      rows.push({ rel, status: "project", path: path.join(projectDir, rel) });
  }
  return rows.sort((a, b) => a.rel.localeCompare(b.rel, "en"));
}

/** A template's bare name: "partials/status-overview.md.hbs" → "status-overview". */
const stem = (rel: string) =>
  rel
    .replace(/^.*\//, "")
    .replace(/\.[^/]*$/, "")
    .replace(/\.(md|vl)$/, "");
const withoutExtension = (rel: string) => rel.replace(/\.[^/]*$/, "").replace(/\.(md|vl)$/, "");

/**
 * Finds a built-in template by what a user would type: "partials/status-overview.md.hbs",
 * "status-overview", "report", "charts/calls-per-year.vl.json" or "calls-per-year". A bare name
 * of several files means the Handlebars one ("report" is report.md.hbs, not typst/report.typ);
 * `matches` lists the candidates when the name is ambiguous or names none exactly.
 */
export async function findBuiltInTemplate(
  name: string,
): Promise<{ found?: string; matches: string[] }> {
  const wanted = name.replace(/\\/g, "/").replace(/^templates\//, "");
  const builtIn = await builtInTemplateNames();
  if (builtIn.includes(wanted)) return { found: wanted, matches: [wanted] };
  const matches = builtIn.filter((rel) => stem(rel) === wanted || withoutExtension(rel) === wanted);
  const handlebars = matches.filter((rel) => rel.endsWith(PARTIAL_SUFFIX));
  if (matches.length === 1 || handlebars.length === 1) {
    return { found: matches.length === 1 ? matches[0] : handlebars[0], matches };
  }
  if (matches.length > 1) return { matches };
  const folded = wanted.toLowerCase();
  return { matches: builtIn.filter((rel) => rel.toLowerCase().includes(folded)) };
}

/** Names a user can eject, for the error message of an unknown name. */
export async function builtInTemplateNames(): Promise<string[]> {
  return (await listFiles(BUILTIN_TEMPLATE_DIR)).filter((rel) => !NOT_TEMPLATES.test(rel));
}

export async function fileExists(abs: string): Promise<boolean> {
  return stat(abs).then(
    () => true,
    () => false,
  );
}
