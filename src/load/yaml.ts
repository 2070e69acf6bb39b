import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type ParsedNode,
  parseDocument,
  visit,
} from "yaml";
import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { finding } from "../diagnostics/finding.js";
import { controlCharacterDiagnostic, firstRefused } from "./text.js";
import {
  pathKey,
  type YamlPath,
  type YamlPositions,
  type YamlSource,
  yamlSource,
} from "./yaml-source.js";

/** Keys that could alter an object's prototype when data becomes objects. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** The yaml package's guard against alias bombs ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

export type { YamlPath, YamlSource } from "./yaml-source.js";

export type YamlResult = {
  source: YamlSource;
  positions: YamlPositions;
  diagnostics: Diagnostic[];
};

const YAML_ERROR_CODES: Record<string, "yaml/duplicate-key" | "yaml/tab-indent"> = {
  DUPLICATE_KEY: "yaml/duplicate-key",
  TAB_AS_INDENT: "yaml/tab-indent",
};

export function parseYaml(file: string, text: string): YamlResult {
  const lineCounter = new LineCounter();
  // logLevel "error": the package's warnings (a list as a key) would reach stderr as Node warnings.
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    logLevel: "error",
  });
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const error of doc.errors) {
    const code = YAML_ERROR_CODES[error.code] ?? "yaml/syntax";
    const duplicate =
      code === "yaml/duplicate-key" ? /^[^:\n]+/.exec(text.slice(error.pos[0])) : null;
    const detail = firstLine(error.message);
    const place = { file, ...at(error.pos[0]) };
    diagnostics.push(
      code === "yaml/duplicate-key"
        ? finding(code, place, { detail, ...(duplicate && { key: duplicate[0].trim() }) })
        : finding(code, place, { detail }),
    );
  }

  removePrototypeKeys(doc, { file, at, diagnostics });

  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push(
        finding(
          "yaml/alias-limit",
          { file, ...firstAlias(doc, at) },
          { file, detail: (error as Error).message },
        ),
      );
    }
  }

  // After toJS: a refused character is an error of its own, the file's values still count.
  escapedControls(doc, { file, at, diagnostics });
  const positions = valuePositions(doc, at);
  return { source: yamlSource(file, value, positions), positions, diagnostics };
}

/** The start of every value and every mapping key, by path. */
function valuePositions(
  doc: Document.Parsed<ParsedNode>,
  at: (offset: number) => Position,
): YamlPositions {
  const positions: YamlPositions = { values: {}, keys: {} };
  const place = (offset: number): [number, number] => {
    const { line, column } = at(offset);
    return [line, column];
  };
  const walk = (node: unknown, path: YamlPath): void => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) positions.values[pathKey(path)] = place(range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = [...path, String(pair.key.value)];
        if (pair.key.range) positions.keys[pathKey(child)] = place(pair.key.range[0]);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) walk(item, [...path, i]);
    }
  };
  walk(doc.contents, []);
  return positions;
}

/** Where a YAML file's findings go: its name, an offset's position, and the list. */
interface Found {
  file: string;
  at: (offset: number) => Position;
  diagnostics: Diagnostic[];
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}

function removePrototypeKeys(doc: Document.Parsed<ParsedNode>, found: Found): void {
  const { file, at, diagnostics } = found;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && PROTOTYPE_KEYS.has(String(pair.key.value))) {
        diagnostics.push(
          finding(
            "yaml/prototype-key",
            { file, ...at(pair.key.range?.[0] ?? 0) },
            { key: String(pair.key.value) },
          ),
        );
        return visit.REMOVE;
      }
      return undefined;
    },
  });
}

/** Refused characters written as escapes in quoted strings ("\\L", "\\N", "\\u202E"), which the raw text does not show. */
function escapedControls(doc: Document.Parsed<ParsedNode>, found: Found): void {
  const { file, at, diagnostics } = found;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "string" || node.type !== "QUOTE_DOUBLE") return;
      const codePoint = firstRefused(node.value);
      if (codePoint !== undefined)
        diagnostics.push(controlCharacterDiagnostic(file, codePoint, at(node.range?.[0] ?? 0)));
    },
  });
}

function firstAlias(doc: Document.Parsed<ParsedNode>, at: (offset: number) => Position): Position {
  let found: Position = { line: 1, column: 1 };
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        found = at(node.range[0]);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
