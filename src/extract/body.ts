/** @module Article text with a blank line between blocks. */
import type { ChildNode } from "domhandler";
import { CAPTION_CLASS } from "./constants.ts";
import { type Element, isTag } from "./dom.ts";

const BLOCK =
  /^(p|div|section|article|h[1-6]|li|ul|ol|blockquote|pre|figure|figcaption|table|tr|dl|dt|dd|br|hr)$/;

/** Text of `root` with a blank line between blocks, so paragraphs stay paragraphs. */
export function blockText(root: Element): string {
  const parts: string[] = [];
  let line = "";
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === "text") line += n.data;
      // Captions describe images; they are kept in the HTML, not in the article's running text.
      else if (isTag(n) && n.name !== "figcaption" && !CAPTION_CLASS.test(n.attribs.class ?? "")) {
        const block = BLOCK.test(n.name);
        if (block && line.trim()) {
          parts.push(line);
          line = "";
        }
        walk(n.children);
        if (block && line.trim()) {
          parts.push(line);
          line = "";
        }
      }
    }
  };
  walk(root.children);
  if (line.trim()) parts.push(line);
  return parts
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
