/** @module Bounds a parsed page's nesting, so every later step may walk it without exhausting the stack. */
import type { AnyNode, Document } from "domhandler";
import { isTag, Text } from "domhandler";
import { MAX_TREE_DEPTH } from "./constants.ts";

/** The text under `node`, gathered without recursion. */
function flatText(node: AnyNode): string {
  let out = "";
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === "text") out += (n as Text).data;
    else if (isTag(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** Elements deeper than MAX_TREE_DEPTH have their subtree replaced by its text. In place. */
export function capDepth(doc: Document): void {
  const stack: Array<{ node: AnyNode; depth: number }> = doc.children.map((node) => ({ node, depth: 1 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isTag(node)) continue;
    if (depth >= MAX_TREE_DEPTH) {
      const text = new Text(flatText(node));
      text.parent = node;
      node.children = [text];
      continue;
    }
    for (const c of node.children) stack.push({ node: c, depth: depth + 1 });
  }
}
