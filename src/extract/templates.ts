/** @module Article markup shipped inside <script type="text/template"> (Blogger and others) made part of the page. */
import type { Document, Element } from "domhandler";
import { isTag } from "domhandler";
import { replaceElement, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { POSITIVE_CLASS_ID } from "./constants.ts";
import { allElements } from "./prune.ts";

const TEMPLATE_TYPES = /^text\/(template|x-template|html)$/i;

/** The template sits where the article body goes (itemprop=articleBody, a post-body container). */
function inArticleBody(el: Element): boolean {
  for (let p = el.parent, i = 0; p && isTag(p) && i < 2; p = p.parent, i++) {
    if (
      p.attribs.itemprop === "articleBody" ||
      POSITIVE_CLASS_ID.test(`${p.attribs.class ?? ""} ${p.attribs.id ?? ""}`)
    )
      return true;
  }
  return false;
}

/** Replaces each HTML template script in an article-body container with the elements it describes, in place. */
export function unwrapTemplates(doc: Document): void {
  for (const el of allElements(doc.children)) {
    if (el.name !== "script" || !TEMPLATE_TYPES.test(el.attribs.type ?? "") || !inArticleBody(el)) continue;
    const markup = textContent(el);
    if (!/<(p|div|span|h[2-6])[\s>]/i.test(markup)) continue;
    const wrapper: Element = parseDocument(`<div>${markup}</div>`).children[0] as Element;
    replaceElement(el, wrapper);
  }
}
