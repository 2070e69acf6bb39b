import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { didYouMean } from "../text/did-you-mean.js";
import type { Loc } from "./values.js";

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type SubExpression = hbs.AST.SubExpression;

/** The helper that prints every {{expression}}: see printValue. */
export const PRINT_HELPER = "__print";

/** Expressions of one template by position ("line:column"), to name them in runtime errors. */
export type ExpressionIndex = Map<string, { kind: "path" | "print" | "partial"; name: string }>;

export const positionKey = (loc: Loc) => `${loc.line}:${loc.column}`;

export interface Known {
  helpers: ReadonlySet<string>;
  partials: ReadonlySet<string>;
}

/**
 * Checks and rewrites a parsed template in place: every helper and partial it names must exist,
 * every variable lookup becomes strict (unknown = error, not blank), and every {{expression}}
 * goes through the printing helper. Returns the problems and the index of its expressions.
 */
export function prepareTemplate(ast: Program, file: string, known: Known) {
  const preparer = new Preparer(file, known, inlinePartials(ast));
  preparer.program(ast);
  return { diagnostics: preparer.diagnostics, index: preparer.index };
}

class Preparer {
  readonly diagnostics: Diagnostic[] = [];
  readonly index: ExpressionIndex = new Map();

  constructor(
    private readonly file: string,
    private readonly known: Known,
    private readonly inline: ReadonlySet<string>,
  ) {}

  program(program: Program | undefined): void {
    for (const statement of program?.body ?? []) this.statement(statement);
  }

  private statement(node: hbs.AST.Statement): void {
    if (node.type === "MustacheStatement") this.mustache(node as hbs.AST.MustacheStatement);
    else if (node.type === "BlockStatement") this.block(node as hbs.AST.BlockStatement);
    else if (node.type === "DecoratorBlock") this.program((node as hbs.AST.DecoratorBlock).program);
    else if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      this.partial(node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement);
    }
  }

  private block(block: hbs.AST.BlockStatement): void {
    if (hasArguments(block)) this.requireHelper(block.path, block);
    if (!this.isHelper(block.path)) this.expression(block.path);
    this.params(block);
    this.program(block.program);
    this.program(block.inverse);
  }

  private mustache(mustache: hbs.AST.MustacheStatement): void {
    const call = hasArguments(mustache);
    // {{name}} is always a variable: "number", "date", "county" are fields of the model as
    // well as helpers, and a helper needs arguments ({{number x}}) anyway.
    if (call) this.requireHelper(mustache.path, mustache);
    else this.expression(mustache.path);
    this.params(mustache);
    wrapInPrint(mustache, call, this.index);
  }

  private partial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): void {
    if (node.name.type === "PathExpression") {
      const path = node.name as PathExpression;
      this.index.set(`partial:${path.original}`, {
        kind: "partial",
        name: positionKey(node.loc.start),
      });
      // A partial block ({{#> name}}fallback{{/name}}) may name a missing partial on purpose.
      const failover = node.type === "PartialBlockStatement";
      if (
        !path.data &&
        !failover &&
        !this.known.partials.has(path.original) &&
        !this.inline.has(path.original)
      ) {
        this.unknown(
          "template/unknown-partial",
          "partial",
          path.original,
          [...this.known.partials],
          node,
        );
      }
    } else this.expression(node.name);
    this.params(node);
    if (node.type === "PartialBlockStatement")
      this.program((node as hbs.AST.PartialBlockStatement).program);
  }

  private expression(expression: Expression | undefined): void {
    if (expression?.type === "PathExpression") {
      const path = expression as PathExpression & { strict?: boolean };
      path.strict = true;
      this.index.set(positionKey(path.loc.start), { kind: "path", name: path.original });
    } else if (expression?.type === "SubExpression") {
      const sub = expression as SubExpression;
      this.requireHelper(sub.path, sub);
      this.params(sub);
    }
  }

  private params(node: { params: Expression[]; hash?: hbs.AST.Hash }): void {
    for (const param of node.params) this.expression(param);
    for (const pair of node.hash?.pairs ?? []) this.expression(pair.value);
  }

  private isHelper(path: Expression): boolean {
    const p = path as PathExpression;
    return (
      p.type === "PathExpression" &&
      !p.data &&
      p.depth === 0 &&
      p.parts.length === 1 &&
      this.known.helpers.has(p.original)
    );
  }

  private requireHelper(path: Expression, node: Node): void {
    if (path.type !== "PathExpression" || this.isHelper(path)) return;
    const helpers = [...this.known.helpers].filter(
      (h) => !h.startsWith("__") && h !== "helperMissing" && h !== "blockHelperMissing",
    );
    this.unknown(
      "template/unknown-helper",
      "helper",
      (path as PathExpression).original,
      helpers,
      node,
    );
  }

  private unknown(
    code: "template/unknown-helper" | "template/unknown-partial",
    what: "helper" | "partial",
    name: string,
    names: string[],
    node: Node,
  ): void {
    const nearest = didYouMean(name, names);
    this.diagnostics.push(
      finding(
        code,
        { file: this.file, line: node.loc.start.line, column: node.loc.start.column + 1 },
        { what, name, ...(nearest !== undefined ? { nearest } : { known: names.sort() }) },
      ),
    );
  }
}

function hasArguments(node: { params: Expression[]; hash?: hbs.AST.Hash }): boolean {
  return node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
}

/** `{{x}}` → `{{__print x "x"}}`, `{{number x}}` → `{{__print (number x) "number"}}`. */
function wrapInPrint(mustache: hbs.AST.MustacheStatement, isCall: boolean, index: ExpressionIndex) {
  const loc = mustache.loc;
  const path = mustache.path as PathExpression;
  const value: Expression = isCall
    ? ({
        type: "SubExpression",
        path,
        params: mustache.params,
        hash: mustache.hash,
        loc,
      } as SubExpression)
    : (mustache.path as Expression);
  // The last segment names the value ("year" in @root.year): years print without grouping.
  const name =
    mustache.path.type === "PathExpression"
      ? path.data && path.parts.length === 1
        ? `@${path.parts[0]}`
        : (path.parts.at(-1) ?? "this")
      : "value";
  const label = {
    type: "StringLiteral",
    value: name,
    original: name,
    loc,
  } as hbs.AST.StringLiteral;
  Object.assign(mustache, {
    path: {
      type: "PathExpression",
      data: false,
      depth: 0,
      parts: [PRINT_HELPER],
      original: PRINT_HELPER,
      loc,
    },
    params: [value, label],
    hash: undefined,
  });
  index.set(positionKey(loc.start), {
    kind: "print",
    name: mustache.path.type === "PathExpression" && !isCall ? path.original : name,
  });
}

/** Names of the inline partials ({{#*inline "name"}}) a template defines for itself. */
function inlinePartials(ast: Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; path?: PathExpression; params?: Expression[] };
    if (n.type === "DecoratorBlock" && n.path?.original === "inline") {
      const first = n.params?.[0] as hbs.AST.StringLiteral | undefined;
      if (first?.type === "StringLiteral") names.add(first.value);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object" && "type" in value) visit(value);
    }
  };
  visit(ast);
  return names;
}
