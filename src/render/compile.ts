import type Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type Known, prepareTemplate } from "./ast.js";
import { claim, syntaxDiagnostic } from "./errors.js";

export { PRINT_HELPER } from "./ast.js";
export { TemplateError, unclaimedDiagnostic } from "./errors.js";

export interface Compiled {
  file: string;
  render: (context: unknown, options?: Handlebars.RuntimeOptions) => string;
}

/**
 * Parses a template or chapter, checks and prepares it (see prepareTemplate) and compiles it in
 * strict mode without HTML escaping (printValue escapes for Markdown). Errors while rendering come
 * out as diagnostics positioned in this file. Data never becomes template source: it is only ever
 * a value in the context.
 */
export function compileTemplate(
  env: typeof Handlebars,
  source: string,
  file: string,
  known: Known,
): { compiled?: Compiled; diagnostics: Diagnostic[] } {
  let ast: hbs.AST.Program;
  try {
    ast = env.parseWithoutProcessing(source) as hbs.AST.Program;
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(env, error as Error, file)] };
  }
  const { diagnostics, index } = prepareTemplate(ast, file, known);
  if (diagnostics.length > 0) return { diagnostics };
  let template: Handlebars.TemplateDelegate;
  try {
    template = env.compile(ast, { strict: true, noEscape: true, preventIndent: true });
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(env, error as Error, file)] };
  }
  const render = (context: unknown, options?: Handlebars.RuntimeOptions) => {
    try {
      return template(context, options);
    } catch (error) {
      throw claim(error, file, index, context);
    }
  };
  return { compiled: { file, render }, diagnostics };
}
