/** @module Liberal XML to an XmlElement tree for ill-formed feeds: bad nesting, stray &, HTML entities, undeclared prefixes. */
import { DecodingMode, decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import { canonicalNs, KNOWN_PREFIXES, NS } from "./namespaces.ts";
import { repairText } from "./repair-text.ts";
import { MAX_NESTING, nestedTooDeep, TreeBudget } from "./tree-budget.ts";
import { MAX_DEPTH, scopeOf, type XmlElement } from "./xml-tree.ts";

/**
 * Decodes character references and HTML named entities (&copy; &minus; ...). An `&` that starts no
 * known entity stays as text, which is what a publisher who forgot to escape it meant.
 * Custom DTD entities are never expanded.
 */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, name: string) => {
    const xhtml = XHTML1_DIFFERENCES[name];
    if (xhtml) return xhtml;
    const d = decodeHTML(m, DecodingMode.Strict);
    return d === m ? m : d;
  });
}

/**
 * Where XHTML 1.0's entity sets (which feeds reference) differ from HTML5's table: HTML5 moved
 * &lang; and &rang; to the mathematical angle brackets.
 */
const XHTML1_DIFFERENCES: Record<string, string> = { lang: "\u2329", rang: "\u232A" };

/**
 * Reads any markup that looks like XML into a tree. Throws only TreeTooLargeError, when the tree would
 * pass the budget's bound.
 */
export function parseXmlTolerant(text: string, docUrl: string, budget = new TreeBudget()): XmlElement | null {
  const doc: XmlElement = { local: "#document", ns: "", attrs: {}, children: [], base: docUrl, lang: null };
  const stack: XmlElement[] = [doc];
  const scopes: Array<Record<string, string>> = [{}];
  const names: string[] = ["#document"];
  let skipped = 0;
  let inCdata = false;

  const lookup = (prefix: string): string => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]?.[prefix];
      if (uri !== undefined) return uri;
    }
    return prefix === "" ? "" : (KNOWN_PREFIXES[prefix.toLowerCase()] ?? "");
  };

  const parser = new Parser(
    {
      onopentag(name, raw) {
        if (stack.length + skipped > MAX_NESTING) throw nestedTooDeep();
        // Too deep, inside a skipped element, or an item past the budget's limit: not built.
        if (
          stack.length > MAX_DEPTH ||
          skipped > 0 ||
          budget.open(name.slice(name.indexOf(":") + 1), stack.length) === "skip"
        ) {
          skipped++;
          return;
        }
        const scope: Record<string, string> = {};
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(raw)) {
          const value = decodeEntities(v);
          if (k === "xmlns") scope[""] = value;
          else if (k.startsWith("xmlns:")) scope[k.slice(6)] = value;
        }
        scopes.push(scope);
        for (const [k, v] of Object.entries(raw)) {
          if (k === "xmlns" || k.startsWith("xmlns:")) continue;
          const i = k.indexOf(":");
          const value = decodeEntities(v);
          if (i < 0) attrs[k] = value;
          else {
            const prefix = k.slice(0, i);
            const uri = prefix === "xml" ? NS.xml : lookup(prefix);
            attrs[uri ? `${canonicalNs(uri)}|${k.slice(i + 1)}` : k.slice(i + 1)] = value;
          }
        }
        const i = name.indexOf(":");
        const parent = stack.at(-1)!;
        const el: XmlElement = {
          local: i < 0 ? name : name.slice(i + 1),
          ns: canonicalNs(lookup(i < 0 ? "" : name.slice(0, i))),
          attrs,
          children: [],
          ...scopeOf(attrs, parent, docUrl),
        };
        parent.children.push(el);
        stack.push(el);
        names.push(name);
      },
      onclosetag(name) {
        if (skipped > 0) {
          skipped--;
          return;
        }
        // htmlparser2 closes unclosed children itself; keep our stack in step with it.
        const at = names.lastIndexOf(name);
        if (at <= 0) return;
        while (names.length > at) {
          names.pop();
          stack.pop();
          scopes.pop();
        }
      },
      ontext(t) {
        if (skipped > 0) return;
        stack.at(-1)?.children.push(repairText(inCdata ? t : decodeEntities(t)));
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  return doc.children.find((c): c is XmlElement => typeof c !== "string") ?? null;
}
