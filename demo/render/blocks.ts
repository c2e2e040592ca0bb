/** @module Renders article body blocks to HTML; templates plug in their own figure and subhead markup. */
import type { DemoBlock, DemoImage } from "../content/index.ts";
import { escapeHtml } from "./escape.ts";

export interface BlockMarkup {
  figure: (image: DemoImage) => string;
  subhead?: (text: string) => string;
  quote?: (text: string, cite: string | null) => string;
  /** Extra attributes for <p>, e.g. ' class="story__text"'. */
  paragraphAttrs?: string;
  /** Extra attributes for <ul>/<ol>. */
  listAttrs?: string;
}

const defaultQuote = (text: string, cite: string | null): string =>
  `<blockquote><p>${escapeHtml(text)}</p>${cite ? `<cite>${escapeHtml(cite)}</cite>` : ""}</blockquote>`;

export function renderBlock(block: DemoBlock, markup: BlockMarkup): string {
  const pAttrs = markup.paragraphAttrs ?? "";
  const listAttrs = markup.listAttrs ?? "";
  switch (block.type) {
    case "p":
      return `<p${pAttrs}>${escapeHtml(block.text)}</p>`;
    case "h2":
      return markup.subhead ? markup.subhead(block.text) : `<h2>${escapeHtml(block.text)}</h2>`;
    case "ul":
    case "ol":
      return `<${block.type}${listAttrs}>\n${block.items.map((i) => `  <li>${escapeHtml(i)}</li>`).join("\n")}\n</${block.type}>`;
    case "quote":
      return (markup.quote ?? defaultQuote)(block.text, block.cite);
    case "figure":
      return markup.figure(block.image);
    case "credit":
      return `<p class="source-credit"><em>${escapeHtml(block.text)}</em></p>`;
  }
}

export function renderBlocks(blocks: readonly DemoBlock[], markup: BlockMarkup): string {
  return blocks.map((b) => renderBlock(b, markup)).join("\n");
}
