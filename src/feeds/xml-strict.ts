/** @module Strict XML to an XmlElement tree with saxes: well-formed documents only, no DTD, no external entities. */
import { SaxesParser } from "saxes";
import { canonicalNs, NS } from "./namespaces.ts";
import { repairText } from "./repair-text.ts";
import { TreeBudget, TreeTooLargeError } from "./tree-budget.ts";
import { MAX_DEPTH, scopeOf, type XmlElement } from "./xml-tree.ts";

/**
 * Parses well-formed XML; returns the root element, or an error message for the tolerant path to take
 * over. Throws TreeTooLargeError when the tree would pass the budget's bound (not a parse error: the
 * tolerant parser would only build it again).
 */
export function parseXmlStrict(
  text: string,
  docUrl: string,
  budget = new TreeBudget(),
): { root: XmlElement } | { error: string } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const doc: XmlElement = { local: "#document", ns: "", attrs: {}, children: [], base: docUrl, lang: null };
  const stack: XmlElement[] = [doc];
  let error: string | null = null;
  /** Open elements inside a skipped item (the item counts one); nothing is built while above zero. */
  let skipping = 0;
  parser.on("error", (err) => {
    error ??= err.message.split("\n")[0] ?? "malformed";
  });
  parser.on("opentag", (tag) => {
    if (skipping > 0 || budget.open(tag.local ?? tag.name, stack.length) === "skip") {
      skipping++;
      return;
    }
    // saxes slows down quadratically with depth; hand absurd nesting to the tolerant parser, which caps it.
    if (stack.length > MAX_DEPTH) throw new Error(`elements nested deeper than ${MAX_DEPTH} levels`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (typeof a === "string") continue;
      if (a.uri === NS.xmlns || a.name === "xmlns") continue;
      attrs[a.uri ? `${canonicalNs(a.uri)}|${a.local}` : a.local] = a.value;
    }
    const parent = stack.at(-1)!;
    const el: XmlElement = {
      local: tag.local ?? tag.name,
      ns: canonicalNs(tag.uri ?? ""),
      attrs,
      children: [],
      ...scopeOf(attrs, parent, docUrl),
    };
    parent.children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    if (skipping > 0) skipping--;
    else stack.pop();
  });
  const onText = (t: string) => {
    if (skipping > 0) return;
    stack.at(-1)?.children.push(repairText(t));
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof TreeTooLargeError) throw err;
    error ??= (err as Error).message;
  }
  if (error) return { error };
  const root = doc.children.find((c): c is XmlElement => typeof c !== "string");
  return root ? { root } : { error: "the document has no root element" };
}
