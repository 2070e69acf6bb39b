import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "./src-files.js";

/** One import of a src/ file: `to` is src-relative ("check/index.ts") or a module ("node:fs"). */
interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function resolved(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, ".ts");
}

const typeOnlyClause = (clause: ts.ImportClause | undefined) =>
  clause !== undefined &&
  (clause.isTypeOnly ||
    (clause.name === undefined &&
      clause.namedBindings !== undefined &&
      ts.isNamedImports(clause.namedBindings) &&
      clause.namedBindings.elements.length > 0 &&
      clause.namedBindings.elements.every((e) => e.isTypeOnly)));

/** Static imports, re-exports, `import("…")` and `typeof import("…")`, by TypeScript's parser. */
function importsOf(file: string, text: string): Edge[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const edges: Edge[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteral(specifier))
      edges.push({ from: file, to: resolved(file, specifier.text), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, typeOnlyClause(node.importClause));
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node.argument.literal, true);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

function importGraph(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(file, readFileSync(path.join(SRC, file), "utf8")),
  );
}

const area = (file: string): string => (file.includes("/") ? (file.split("/")[0] ?? "") : "");
const FILE_SYSTEM = /^(node:)?fs(\/promises)?$/;

/** The modules that read files: they import node:fs, or (not only for types) one that does. */
function readers(edges: readonly Edge[]): Set<string> {
  const found = new Set(edges.filter((e) => FILE_SYSTEM.test(e.to)).map((e) => e.from));
  for (let grown = true; grown; ) {
    grown = false;
    for (const e of edges)
      if (!e.typeOnly && found.has(e.to) && !found.has(e.from)) grown = !!found.add(e.from);
  }
  return found;
}

const STAGES = ["load", "schema", "check", "model", "render", "output"];
const CACHE_SPACE = ["cache-space.ts", "cache-key.ts"];

interface Rule {
  name: string;
  breaks(edge: Edge, graph: readonly Edge[], reading: ReadonlySet<string>): boolean;
  /** "from -> to": why this import may stay. */
  exceptions?: Record<string, string>;
}

const RULES: Rule[] = [
  {
    name: "load/ is the only reader of input files",
    breaks: (e) =>
      ["check", "model", "render", "schema"].includes(area(e.from)) &&
      FILE_SYSTEM.test(e.to) &&
      !e.typeOnly,
    exceptions: {
      "render/templates.ts -> node:fs/promises":
        "the templates are the render stage's own input (built-in, or the project's overrides)",
    },
  },
  {
    name: "model/ does not depend on check/",
    breaks: (e) => area(e.from) === "model" && area(e.to) === "check",
  },
  {
    name: "check/ uses model/ only through model/for-checks.ts",
    breaks: (e) =>
      area(e.from) === "check" && area(e.to) === "model" && e.to !== "model/for-checks.ts",
  },
  {
    name: "render/ and output/ meet only in output/recipe.ts",
    breaks: (e) =>
      (area(e.from) === "render" && area(e.to) === "output" && e.to !== "output/recipe.ts") ||
      (area(e.from) === "output" && area(e.to) === "render" && e.from !== "output/recipe.ts"),
  },
  {
    name: "schema/ does not depend on load/",
    breaks: (e) => area(e.from) === "schema" && area(e.to) === "load",
    exceptions: {
      "schema/validate.ts -> load/yaml.ts":
        "a type only: the positions of YAML values, which load/ finds and schema/ reports at",
    },
  },
  {
    name: "check/ imports nothing from load/ that reads files",
    breaks: (e, _, reading) =>
      area(e.from) === "check" && area(e.to) === "load" && !e.typeOnly && reading.has(e.to),
    exceptions: {
      "check/chapter-markup.ts -> load/files.ts":
        "resolveInside follows symbolic links to tell whether an image path leaves the data root",
    },
  },
  {
    name: "only the pipeline and the commands open the cache folder (src/cache.ts)",
    breaks: (e) => STAGES.includes(area(e.from)) && e.to === "cache.ts",
  },
  {
    name: "a stage module that caches does not touch the file system",
    breaks: (e, graph) =>
      STAGES.includes(area(e.from)) &&
      FILE_SYSTEM.test(e.to) &&
      graph.some((c) => c.from === e.from && !c.typeOnly && CACHE_SPACE.includes(c.to)),
    exceptions: {
      "output/docx.ts -> node:fs/promises":
        "reads the reference document (a template), not the cache: the chart PNGs come in cached",
    },
  },
  {
    name: "the stages do not depend on the pipeline or the CLI",
    breaks: (e) =>
      ["load", "schema", "check", "model", "render", "output"].includes(area(e.from)) &&
      ["pipeline", "cli"].includes(area(e.to)),
  },
];

/** Every import that breaks a rule and is not one of its named exceptions. */
function violations(edges: readonly Edge[]): string[] {
  const reading = readers(edges);
  return RULES.flatMap((rule) =>
    edges
      .filter((e) => rule.breaks(e, edges, reading) && !rule.exceptions?.[`${e.from} -> ${e.to}`])
      .map((e) => `${rule.name}: ${e.from} -> ${e.to}`),
  );
}

describe("the import graph of src/", () => {
  const graph = importGraph();

  it("is read whole: static, type, re-exported and dynamic imports", () => {
    const has = (from: string, to: string, typeOnly: boolean) =>
      graph.some((e) => e.from === from && e.to === to && e.typeOnly === typeOnly);
    expect(has("render/figures.ts", "output/recipe.ts", false)).toBe(true);
    expect(has("output/recipe.ts", "render/index.ts", true)).toBe(true);
    expect(has("output/docx-recipe.ts", "output/docx.ts", false)).toBe(true);
    expect(has("check/index.ts", "load/dataset.ts", true)).toBe(true);
    expect(has("pipeline/validate.ts", "load/dataset.ts", false)).toBe(true);
    expect(graph.length).toBeGreaterThan(500);
  });

  it("keeps the stage rules", () => {
    expect(violations(graph)).toEqual([]);
  });

  it("names only exceptions that are still in the graph", () => {
    const stale = RULES.flatMap((rule) =>
      Object.keys(rule.exceptions ?? {}).filter(
        (key) => !graph.some((e) => `${e.from} -> ${e.to}` === key),
      ),
    );
    expect(stale).toEqual([]);
  });

  it("fails on a planted violation of each rule", () => {
    const planted: Edge[] = [
      { from: "check/themes.ts", to: "node:fs", typeOnly: false },
      { from: "model/index.ts", to: "check/finance.ts", typeOnly: true },
      { from: "check/grants.ts", to: "model/finance.ts", typeOnly: false },
      { from: "render/figures.ts", to: "output/charts/index.ts", typeOnly: false },
      { from: "output/docx.ts", to: "render/escape.ts", typeOnly: false },
      { from: "schema/common.ts", to: "load/calendar.ts", typeOnly: false },
      { from: "output/write.ts", to: "pipeline/build.ts", typeOnly: true },
      // A rule importing a reader of load/, itself or through another module of load/.
      { from: "check/themes.ts", to: "load/word-list-files.ts", typeOnly: false },
      { from: "load/word-list-files.ts", to: "load/files.ts", typeOnly: false },
      { from: "load/files.ts", to: "node:fs", typeOnly: false },
      { from: "render/compile.ts", to: "cache.ts", typeOnly: false },
      { from: "output/charts/svg.ts", to: "cache-space.ts", typeOnly: false },
      { from: "output/charts/svg.ts", to: "node:fs", typeOnly: false },
      // Allowed: a stage's own fs, the recipe interface, a type of load/ the rule names.
      { from: "load/files.ts", to: "node:fs", typeOnly: false },
      { from: "render/figures.ts", to: "output/recipe.ts", typeOnly: false },
      { from: "schema/validate.ts", to: "load/yaml.ts", typeOnly: true },
      { from: "check/themes.ts", to: "load/dataset.ts", typeOnly: true },
      { from: "check/placeholders.ts", to: "load/positions.ts", typeOnly: false },
      { from: "pipeline/build.ts", to: "cache.ts", typeOnly: false },
    ];
    expect(violations(planted)).toEqual([
      "load/ is the only reader of input files: check/themes.ts -> node:fs",
      "model/ does not depend on check/: model/index.ts -> check/finance.ts",
      "check/ uses model/ only through model/for-checks.ts: check/grants.ts -> model/finance.ts",
      "render/ and output/ meet only in output/recipe.ts: render/figures.ts -> output/charts/index.ts",
      "render/ and output/ meet only in output/recipe.ts: output/docx.ts -> render/escape.ts",
      "schema/ does not depend on load/: schema/common.ts -> load/calendar.ts",
      "check/ imports nothing from load/ that reads files: check/themes.ts -> load/word-list-files.ts",
      "only the pipeline and the commands open the cache folder (src/cache.ts): render/compile.ts -> cache.ts",
      "a stage module that caches does not touch the file system: output/charts/svg.ts -> node:fs",
      "the stages do not depend on the pipeline or the CLI: output/write.ts -> pipeline/build.ts",
    ]);
  });

  it("reads imports as TypeScript does", () => {
    const edges = importsOf(
      "render/x.ts",
      [
        'import type { A } from "../output/a.js";',
        'import { type B, c } from "../output/b.js";',
        'export { d } from "./d.js";',
        'const e = () => import("node:fs");',
        'type F = typeof import("../check/f.js");',
        "// import { g } from './g.js';",
      ].join("\n"),
    );
    expect(edges).toEqual([
      { from: "render/x.ts", to: "output/a.ts", typeOnly: true },
      { from: "render/x.ts", to: "output/b.ts", typeOnly: false },
      { from: "render/x.ts", to: "render/d.ts", typeOnly: false },
      { from: "render/x.ts", to: "node:fs", typeOnly: false },
      { from: "render/x.ts", to: "check/f.ts", typeOnly: true },
    ]);
  });
});
