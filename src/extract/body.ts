/** @module Article text with a blank line between blocks. */
import type { AnyNode } from "domhandler";
import { CAPTION_CLASS } from "./constants.ts";
import { type Element, isTag } from "./dom.ts";

const BLOCK =
  /^(p|div|section|article|header|main|h[1-6]|li|ul|ol|blockquote|pre|figure|table|tr|dl|dt|dd|br|hr|address|details|summary)$/;

/** Not running text: image captions and credits, ruby annotations (furigana), and anything hidden from reading. */
function skipped(el: Element): boolean {
  return (
    el.name === "figcaption" ||
    el.name === "rt" ||
    el.name === "rp" ||
    CAPTION_CLASS.test(el.attribs.class ?? "")
  );
}

/**
 * Text of `roots` with a blank line between blocks, so paragraphs stay paragraphs. Soft hyphens are
 * dropped and the result is NFC-normalised, so "Zusam\u00ADmen" reads and searches as "Zusammen".
 * Iterative: pages can nest deeper than the call stack.
 */
export function blockText(...roots: Element[]): string {
  const parts: string[] = [];
  let line = "";
  const flush = () => {
    if (line.trim()) parts.push(line);
    line = "";
  };
  // Work items: a node to visit, or a marker that a block element ended.
  const stack: Array<AnyNode | "end-block"> = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push("end-block");
    for (let j = roots[i]!.children.length - 1; j >= 0; j--) stack.push(roots[i]!.children[j]!);
  }
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n === "end-block") {
      flush();
      continue;
    }
    if (n.type === "text") {
      line += n.data;
      continue;
    }
    if (!isTag(n) || skipped(n)) continue;
    const block = BLOCK.test(n.name);
    if (block) {
      flush();
      stack.push("end-block");
    } else if (n.name === "td" || n.name === "th") {
      line += " ";
    }
    for (let j = n.children.length - 1; j >= 0; j--) stack.push(n.children[j]!);
  }
  flush();
  return parts
    .map((p) =>
      p
        .replace(/\u00AD/g, "")
        .replace(/\s+/g, " ")
        .trim()
        .normalize("NFC"),
    )
    .filter(Boolean)
    .join("\n\n");
}
