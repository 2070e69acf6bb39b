import type Handlebars from "handlebars";
import { codeFingerprint, contentKey } from "../cache-key.js";
import { type CacheSpace, NO_CACHE } from "../cache-space.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { packageVersion, TOOL_VERSION } from "../version.js";
import type { Known } from "./ast.js";
import { claim } from "./errors.js";
import type { PrecompiledTemplate } from "./precompile.js";

export { PRINT_HELPER } from "./ast.js";
export { TemplateError, unclaimedDiagnostic } from "./errors.js";

export interface Compiled {
  file: string;
  render: (context: unknown, options?: Handlebars.RuntimeOptions) => string;
}

let fingerprint: string | undefined;

/** The checking and compiling code and Handlebars' version: what a precompiled template depends on. */
function codeHash(): string {
  fingerprint ??= codeFingerprint(
    import.meta.url,
    ["."],
    `${TOOL_VERSION} handlebars@${packageVersion("handlebars")}`,
  );
  return fingerprint;
}

/**
 * A template or chapter checked and precompiled (see precompileTemplate), from the cache's `templates`
 * when its text, name, the known helpers and partials and the code are unchanged: an unchanged
 * report is rendered without loading Handlebars' compiler. Each template has one slot.
 */
async function precompiled(
  source: string,
  file: string,
  known: Known,
  cache: CacheSpace,
): Promise<PrecompiledTemplate> {
  return cache.result({
    slot: contentKey(["template", file]),
    key: contentKey([codeHash(), file, source, [...known.helpers], [...known.partials]]),
    valid: (hit): hit is PrecompiledTemplate => {
      const h = hit as PrecompiledTemplate | undefined;
      return Array.isArray(h?.diagnostics) && Array.isArray(h.index);
    },
    compute: async () => (await import("./precompile.js")).precompileTemplate(source, file, known),
  });
}

/**
 * The template function of a specification: the JavaScript Handlebars generated for the
 * template, what env.compile would have generated and run itself. Undefined when there is none
 * or it does not evaluate.
 */
function instantiate(
  env: typeof Handlebars,
  spec: string | undefined,
): Handlebars.TemplateDelegate | undefined {
  if (spec === undefined) return undefined;
  try {
    return env.template(new Function(`return ${spec};`)());
  } catch {
    return undefined;
  }
}

/**
 * A template ready to render in `env` (Handlebars' runtime). Errors while rendering come out as
 * diagnostics positioned in this file. Data never becomes template source: it is only ever a
 * value in the context.
 */
export async function compileTemplate(
  env: typeof Handlebars,
  source: string,
  file: string,
  known: Known,
  cache: CacheSpace = NO_CACHE.templates,
): Promise<{ compiled?: Compiled; diagnostics: Diagnostic[] }> {
  let result = await precompiled(source, file, known, cache);
  let template = instantiate(env, result.spec);
  if (result.spec !== undefined && !template) {
    // An entry that does not evaluate (damaged on disk) is compiled again, never trusted.
    result = (await import("./precompile.js")).precompileTemplate(source, file, known);
    template = instantiate(env, result.spec);
  }
  const { diagnostics, index } = result;
  if (!template || diagnostics.length > 0) return { diagnostics };
  const positions = new Map(index);
  const render = (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return template(context, options);
    } catch (error) {
      throw claim(error, file, positions, context);
    }
  };
  return { compiled: { file, render }, diagnostics };
}
