import { isScalar, parseDocument, Scalar } from "yaml";
import { lineIndexAt, lineStarts } from "../../load/positions.js";
import type { YamlPath } from "../../load/yaml.js";
import type { ProseLine, ProseUnit } from "./prose.js";

const BLOCK = new Set<string | undefined>([Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED]);
const QUOTED = new Set<string | undefined>([Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);
/** Escapes of double-quoted YAML, blanked so that "\n" does not read as the word "n". */
const ESCAPE = /\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g;

/**
 * The text values at `paths` of a YAML file as prose, each line placed where it is written:
 * plain and quoted scalars from their first character, block scalars (| and >) line by line
 * below their header, without the block's indentation.
 */
export function yamlProseUnits(
  file: string,
  text: string,
  paths: readonly YamlPath[],
): ProseUnit[] {
  const doc = parseDocument(text, { prettyErrors: false });
  const starts = lineStarts(text);
  const lineOf = (offset: number) => lineIndexAt(starts, offset);

  const units: ProseUnit[] = [];
  for (const at of paths) {
    const node = doc.getIn(at, true);
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) continue;
    const [start, end] = node.range;
    const lines: ProseLine[] = [];
    const add = (offset: number, lineEnd: number) => {
      const line = lineOf(offset);
      const raw = text.slice(offset, lineEnd).replace(/\r$/, "");
      const written =
        node.type === Scalar.QUOTE_DOUBLE ? raw.replace(ESCAPE, (e) => " ".repeat(e.length)) : raw;
      lines.push({ text: written, line: line + 1, column: offset - (starts[line] as number) + 1 });
    };
    const first = lineOf(start);
    const last = lineOf(Math.max(start, end - 1));
    if (BLOCK.has(node.type)) {
      const indent = blockIndent(text, starts, first + 1, last);
      for (let l = first + 1; l <= last; l++) {
        const lineStart = starts[l] as number;
        const lineEnd = Math.min(end, (starts[l + 1] ?? text.length + 1) - 1);
        const leading = /^ */.exec(text.slice(lineStart, lineEnd))?.[0].length ?? 0;
        add(lineStart + Math.min(indent, leading), lineEnd);
      }
    } else {
      const quoted = QUOTED.has(node.type) ? 1 : 0;
      const valueEnd = end - quoted;
      for (let l = first; l <= last; l++) {
        const lineStart = l === first ? start + quoted : (starts[l] as number);
        const lineEnd = Math.min(valueEnd, (starts[l + 1] ?? text.length + 1) - 1);
        const leading = /^\s*/.exec(text.slice(lineStart, lineEnd))?.[0].length ?? 0;
        add(lineStart + leading, lineEnd);
      }
    }
    units.push({ file, lines });
  }
  return units;
}

/** A block scalar's indentation: that of its first line that is not empty. */
function blockIndent(text: string, starts: number[], from: number, to: number): number {
  for (let l = from; l <= to; l++) {
    const line = text.slice(starts[l], (starts[l + 1] ?? text.length + 1) - 1);
    if (line.trim() !== "") return /^ */.exec(line)?.[0].length ?? 0;
  }
  return 0;
}
