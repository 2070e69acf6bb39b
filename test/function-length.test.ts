import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "./src-files.js";

/** Over this many lines a function needs a `// long: <reason>` comment right above it. */
const LIMIT = 60;

/** The statement a function belongs to, whose leading comments give the reason. */
function owner(node: ts.Node): ts.Node {
  let current = node;
  while (
    current.parent &&
    !ts.isSourceFile(current.parent) &&
    !ts.isBlock(current.parent) &&
    !ts.isClassLike(current.parent) &&
    !ts.isObjectLiteralExpression(current.parent)
  )
    current = current.parent;
  return current;
}

const hasReason = (text: string, node: ts.Node): boolean =>
  (ts.getLeadingCommentRanges(text, owner(node).getFullStart()) ?? []).some((c) =>
    /^\/\/ long: \S/.test(text.slice(c.pos, c.end)),
  );

/** "file:line name (n lines)" for each function over LIMIT lines without a `// long:` reason. */
function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > LIMIT && !hasReason(text, node)) {
        const name = node.name?.getText(source) ?? owner(node).getText(source).split("\n")[0];
        found.push(`${file}:${start + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe(`functions in src/ over ${LIMIT} lines`, () => {
  it("each give a one-line reason in a `// long:` comment above them", () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      longFunctions(file, readFileSync(path.join(SRC, file), "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("fails on a planted long function, and not once it gives its reason", () => {
    const body = Array.from({ length: LIMIT }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const planted = `export function planted() {\n${body}\n}\n`;
    expect(longFunctions("x.ts", planted)).toEqual([`x.ts:1 planted (${LIMIT + 2} lines)`]);
    expect(longFunctions("x.ts", `// long: a table, one line per case\n${planted}`)).toEqual([]);
    const arrow = `const handler = () => {\n${body}\n};\n`;
    expect(longFunctions("y.ts", arrow)).toEqual([
      `y.ts:1 const handler = () => { (${LIMIT + 2} lines)`,
    ]);
    expect(longFunctions("z.ts", `function short() {\n  return 1;\n}\n`)).toEqual([]);
  });
});
