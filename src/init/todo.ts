import { type Document, isMap, isScalar, type Node, type Pair, Scalar, type YAMLMap } from "yaml";

/**
 * The to-dos init leaves: "TODO: …" as a text value, or as a trailing comment on a value that
 * must be typed (a date, an amount). The placeholder check turns each into a located error.
 */
export class ToDos {
  count = 0;

  /** A text value that is itself the to-do. */
  text(instruction: string): Scalar {
    this.count++;
    const scalar = new Scalar(`TODO: ${instruction}`);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }

  /** A trailing comment on a value (or a key) that stays valid for its schema. */
  comment(node: Node, instruction: string): void {
    this.count++;
    node.comment = ` TODO: ${instruction}`;
  }
}

export function pairOf(map: unknown, key: string): Pair<Scalar, Node> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<Scalar, Node>).items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** The value node at a key, made a scalar node if it is not one yet. */
export function scalarAt(map: unknown, key: string): Scalar | undefined {
  const value = pairOf(map, key)?.value;
  return isScalar(value) ? value : undefined;
}

/** Replaces a key's value, keeping the pair (and so the comments around it) in place. */
export function replaceValue(map: unknown, key: string, node: Node): void {
  const pair = pairOf(map, key);
  if (pair) pair.value = node;
}

export function stringify(doc: Document): string {
  return doc.toString({ flowCollectionPadding: false, lineWidth: 100 });
}
