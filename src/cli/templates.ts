import path from "node:path";
import { ejectTemplate } from "../output/eject.js";
import {
  BUILTIN_TEMPLATE_DIR,
  builtInTemplateNames,
  findBuiltInTemplate,
  listTemplates,
  PROJECT_TEMPLATE_DIR,
} from "../render/templates.js";
import { EXIT, UsageError } from "./exit.js";
import { shownPath } from "./where.js";

/** `nch-report templates list`: every template, built-in or overridden, with the file used. */
export async function runTemplatesList(
  flags: { data: string },
  out: NodeJS.WritableStream,
): Promise<number> {
  const rows = await listTemplates(flags.data);
  const width = Math.max(...rows.map((r) => r.rel.length));
  for (const row of rows) {
    out.write(`${row.rel.padEnd(width)}  ${row.status.padEnd(10)}  ${shownPath(row.path)}\n`);
  }
  return EXIT.ok;
}

/** Why a name ejects nothing, with the templates it could mean (all of them when none). */
async function notOneTemplate(name: string, matches: readonly string[]): Promise<string> {
  if (matches.length > 1)
    return `There are several built-in templates "${name}" could mean: ${matches.join(", ")}. Name one of them.`;
  if (matches.length === 1)
    return `There is no built-in template "${name}". Did you mean ${matches[0]}?`;
  return `There is no built-in template "${name}". Templates: ${(await builtInTemplateNames()).join(", ")}.`;
}

/** `nch-report templates eject <name> [--force]`: copy a built-in template into the project. */
export async function runTemplatesEject(
  name: string,
  flags: { data: string; force?: boolean },
  out: NodeJS.WritableStream,
): Promise<number> {
  const { found: rel, matches } = await findBuiltInTemplate(name);
  if (!rel) {
    throw new UsageError(await notOneTemplate(name, matches));
  }
  const target = path.join(path.resolve(flags.data), PROJECT_TEMPLATE_DIR, ...rel.split("/"));
  const copied = await ejectTemplate(
    path.join(BUILTIN_TEMPLATE_DIR, rel),
    target,
    flags.force ?? false,
  );
  if (!copied) {
    throw new UsageError(
      `${shownPath(target)} exists already; use --force to overwrite it with the built-in template.`,
    );
  }
  out.write(
    `Copied ${rel} to ${shownPath(target)}: the project's copy now replaces the built-in one.\n`,
  );
  return EXIT.ok;
}
