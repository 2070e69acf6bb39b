// Checking a template and compiling it to JavaScript: the part of rendering that needs
// Handlebars' compiler, imported only for a template that is not in the cache (see compile.ts).
import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type ExpressionIndex, type Known, prepareTemplate } from "./ast.js";
import { syntaxDiagnostic } from "./errors.js";

/** A template checked and precompiled, as plain data that can be cached. */
export interface PrecompiledTemplate {
  diagnostics: Diagnostic[];
  /** Handlebars' template specification (JavaScript source); absent when there are findings. */
  spec?: string;
  /** The template's expressions by position, to name them in runtime errors. */
  index: [string, ExpressionIndex extends Map<string, infer V> ? V : never][];
}

/**
 * Parses a template or chapter, checks and prepares it (see prepareTemplate) and precompiles it
 * in strict mode without HTML escaping (printValue escapes for Markdown).
 */
export function precompileTemplate(
  source: string,
  file: string,
  known: Known,
): PrecompiledTemplate {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parseWithoutProcessing(source);
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(Handlebars, error as Error, file)], index: [] };
  }
  const { diagnostics, index } = prepareTemplate(ast, file, known);
  if (diagnostics.length > 0) return { diagnostics, index: [] };
  try {
    const spec = Handlebars.precompile(ast, { strict: true, noEscape: true, preventIndent: true });
    return { diagnostics, spec: String(spec), index: [...index] };
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(Handlebars, error as Error, file)], index: [] };
  }
}
