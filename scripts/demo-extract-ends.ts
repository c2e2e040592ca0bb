/**
 * @module The first and last block of every demo newsroom article body as the extractor returns it:
 * a quick look for junk at a body's ends (kicker links, repeated bylines, dangling labels, layout
 * tables). `node --import tsx scripts/demo-extract-ends.ts`
 */

import type { AnyNode } from "domhandler";
import { isTag } from "domhandler";
import { textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { demoPages } from "../bench/page-ingest-cost.ts";
import { extractArticle } from "../src/extract/extract-article.ts";
import { articleOrNull } from "../src/extract/types.ts";

const BLOCKS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "dl",
  "table",
  "figure",
  "blockquote",
  "pre",
  "hr",
]);

/** The body's blocks in document order: block elements whole, containers opened, runs of inline content as one block. */
function blocks(nodes: readonly AnyNode[], out: string[] = []): string[] {
  let inline = "";
  const flush = () => {
    const t = inline.replace(/\s+/g, " ").trim();
    if (t) out.push(`(inline) ${t.slice(0, 70)}`);
    inline = "";
  };
  for (const n of nodes) {
    if (!isTag(n)) {
      inline += textContent(n);
      continue;
    }
    if (BLOCKS.has(n.name)) {
      flush();
      const t = textContent(n).replace(/\s+/g, " ").trim();
      if (t || n.name === "figure" || n.name === "hr") out.push(`<${n.name}> ${t.slice(0, 70)}`);
    } else if (["a", "span", "strong", "em", "b", "i", "time", "small", "img", "br"].includes(n.name)) {
      inline += textContent(n);
    } else {
      flush();
      blocks(n.children, out);
    }
  }
  flush();
  return out;
}

for (const page of demoPages()) {
  const path = new URL(page.url).pathname;
  const ex = articleOrNull(extractArticle(page.html, page.url, { selectors: {} }));
  if (!ex) {
    console.log(`${path}\n   not an article`);
    continue;
  }
  const list = blocks(parseDocument(ex.bodyHtml).children);
  const tables = /<table/i.test(ex.bodyHtml) ? "  [has <table>]" : "";
  console.log(`${path}${tables}\n   first ${list[0]}\n   last  ${list.at(-1)}`);
}
