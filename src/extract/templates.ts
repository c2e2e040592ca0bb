/** @module Article markup shipped inside <script type="text/template"> (Blogger and others) made part of the page. */
import type { Document, Element } from "domhandler";
import { replaceElement, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { allElements } from "./prune.ts";

const TEMPLATE_TYPES = /^text\/(template|x-template|html)$/i;

/** Replaces each HTML template script with the elements its text describes, in place. */
export function unwrapTemplates(doc: Document): void {
  for (const el of allElements(doc.children)) {
    if (el.name !== "script" || !TEMPLATE_TYPES.test(el.attribs.type ?? "")) continue;
    const markup = textContent(el);
    if (!/<(p|div|span|h[2-6])[\s>]/i.test(markup)) continue;
    const wrapper: Element = parseDocument(`<div>${markup}</div>`).children[0] as Element;
    replaceElement(el, wrapper);
  }
}
