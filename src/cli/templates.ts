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

function shown(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return (rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel).split(path.sep).join("/");
}

/** `nch-report templates list`: every template, built-in or overridden, with the file used. */
export async function runTemplatesList(
  flags: { data: string },
  out: NodeJS.WritableStream,
): Promise<number> {
  const rows = await listTemplates(flags.data);
  const width = Math.max(...rows.map((r) => r.rel.length));
  for (const row of rows) {
    out.write(`${row.rel.padEnd(width)}  ${row.status.padEnd(10)}  ${shown(row.path)}\n`);
  }
  return EXIT.ok;
}

/** `nch-report templates eject <name> [--force]`: copy a built-in template into the project. */
export async function runTemplatesEject(
  name: string,
  flags: { data: string; force?: boolean },
  out: NodeJS.WritableStream,
): Promise<number> {
  const rel = await findBuiltInTemplate(name);
  if (!rel) {
    throw new UsageError(
      `There is no built-in template "${name}". Templates: ${(await builtInTemplateNames()).join(", ")}.`,
    );
  }
  const target = path.join(path.resolve(flags.data), PROJECT_TEMPLATE_DIR, ...rel.split("/"));
  const copied = await ejectTemplate(
    path.join(BUILTIN_TEMPLATE_DIR, rel),
    target,
    flags.force ?? false,
  );
  if (!copied) {
    throw new UsageError(
      `${shown(target)} exists already; use --force to overwrite it with the built-in template.`,
    );
  }
  out.write(
    `Copied ${rel} to ${shown(target)}: the project's copy now replaces the built-in one.\n`,
  );
  return EXIT.ok;
}
