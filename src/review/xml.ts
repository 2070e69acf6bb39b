/** The DOM as @xmldom/xmldom gives it, as far as the review reads it. */
export type Node = { nodeName: string; childNodes?: ArrayLike<Node>; nodeValue?: string | null } & {
  getAttribute?: (name: string) => string | null;
};

export const attr = (n: Node, name: string) => n.getAttribute?.(name) ?? "";
export const children = (n: Node): Node[] => Array.from(n.childNodes ?? []);

export function textOf(n: Node, tags: readonly string[] = ["w:t"]): string {
  if (tags.includes(n.nodeName))
    return children(n)
      .map((c) => c.nodeValue ?? "")
      .join("");
  if (n.nodeName === "w:tab") return "\t";
  return children(n)
    .map((c) => textOf(c, tags))
    .join("");
}
