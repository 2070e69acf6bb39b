import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import type { YamlPath, YamlSource } from "../load/yaml.js";
import { didYouMean } from "../text/did-you-mean.js";
import type { IssueParams } from "./common.js";
import { explainIssue } from "./explain.js";

export type Checked<T> =
  | { data: T; diagnostics: Diagnostic[] }
  | { data: undefined; diagnostics: Diagnostic[] };

/** Checks a parsed YAML file against its schema; every issue becomes a positioned diagnostic. */
export function checkAgainstSchema<S extends z.ZodType>(
  schema: S,
  source: YamlSource,
): Checked<z.output<S>> {
  const result = schema.safeParse(source.value ?? {});
  if (result.success) return { data: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => toDiagnostics(schema, source, issue));
  return { data: undefined, diagnostics };
}

function toDiagnostics(
  schema: z.ZodType,
  source: YamlSource,
  issue: z.core.$ZodIssue,
): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const where = describePath(path);
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(schema, path);
    return issue.keys.map((key) => {
      const nearest = didYouMean(key, known);
      return finding(
        "schema/unknown-key",
        { file: source.file, ...source.locateKey(path, key) },
        { key, where, ...(nearest !== undefined && { nearest }), known },
      );
    });
  }
  if (issue.code === "invalid_type" && valueAt(source.value, path) === undefined) {
    const key = path.at(-1);
    return [
      finding(
        "schema/missing-key",
        { file: source.file, ...source.locate(path.slice(0, -1)) },
        { where, ...(typeof key === "string" && { key }) },
      ),
    ];
  }
  const params = (issue.code === "custom" ? issue.params : undefined) as IssueParams | undefined;
  const place = { file: source.file, ...source.locate(path) };
  if (params) return [finding(params.code, place, { where, ...params.args } as never)];
  const explained = explainIssue(issue, valueAt(source.value, path), path.length === 0);
  return [finding("schema/invalid-value", place, { where, ...explained })];
}

/** "signed.by[1].name" */
function describePath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
};

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Unwraps optional/default/pipe wrappers down to the schema that holds a shape or element. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The keys an object schema defines at a path, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: YamlPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (!current) return [];
    const def = defOf(current);
    if (typeof key === "number") current = def.element ? unwrap(def.element) : undefined;
    else current = def.shape?.[key] ? unwrap(def.shape[key]) : undefined;
  }
  const shape = current ? defOf(current).shape : undefined;
  return shape ? Object.keys(shape) : [];
}
