/** @module findUnsafeMarkup: an HTML-aware check that nothing in a page or fragment can run code. */
import type { Element } from "domhandler";
import { findAll } from "domutils";
import { parseDocument } from "htmlparser2";

/** Elements that run code, load other documents, or change how the page is read; never allowed. */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "applet",
  "frame",
  "frameset",
  "base",
  "style",
  "form",
  // Foreign content is where parser differentials (mXSS) and SVG/MathML script vectors live.
  "svg",
  "math",
]);

/** Allowed in our own <head> (the layout's charset, viewport, description and stylesheet), never in <body>. */
const HEAD_ONLY_ELEMENTS = new Set(["link", "meta"]);

/** Attributes a browser reads as a URL to load or navigate to. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "srcset",
  "imagesrcset",
  "poster",
  "background",
  "cite",
  "data",
  "codebase",
  "dynsrc",
  "lowsrc",
  "longdesc",
  "ping",
  "manifest",
]);

/** Same raw-text check without a parser: in escaped output `<` only ever opens a real tag. */
const FORBIDDEN_TAG_TEXT = new RegExp(`<\\s*/?\\s*(?:${[...FORBIDDEN_ELEMENTS].join("|")})\\b`, "i");

/** A URL attribute's value the way a browser's URL parser sees its scheme: no ASCII whitespace or controls. */
function normalizedUrl(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  return value.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
}

/** The scheme-bearing URLs in an attribute value: one for most, each candidate for srcset. */
function urlsOf(name: string, value: string): string[] {
  if (name !== "srcset" && name !== "imagesrcset") return [value];
  return value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "");
}

/** Why this URL in `element`'s `attribute` could run code, or null when it cannot. */
function unsafeUrl(element: string, attribute: string, url: string): string | null {
  const u = normalizedUrl(url);
  if (u.startsWith("javascript:") || u.startsWith("vbscript:")) return `${attribute}="${url}"`;
  if (u.startsWith("data:")) {
    const imageOnImg = element === "img" && (attribute === "src" || attribute === "srcset");
    if (!(imageOnImg && u.startsWith("data:image/"))) return `${attribute}="${url}"`;
  }
  return null;
}

/** A style value with comments and escapes resolved, lowercased, without whitespace. */
function normalizedCss(value: string): string {
  return value
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, "")
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/\\/g, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

const CSS_THAT_RUNS = [
  "expression(",
  "url(",
  "javascript:",
  "vbscript:",
  "behavior",
  "-moz-binding",
  "@import",
];

/**
 * The layout's own uses of otherwise forbidden elements, allowed in whole pages only: the GET search
 * form (exactly these attributes), a JSON-LD block in the head whose text is JSON without "<", and on
 * article pages the comment form (posting to the article's own /comments) with its hashed script asset,
 * and on every page the hashed relative-time script in the head.
 */
const SEARCH_FORM = { class: "search-form", action: "/search", method: "get" };

function isCommentForm(attribs: Record<string, string>): boolean {
  return (
    Object.keys(attribs).sort().join(" ") === "action class data-token-url method" &&
    attribs.class === "comment-form" &&
    attribs.method === "post" &&
    /^\/articles\/\d+-[\w%.-]*\/comments$/.test(attribs.action ?? "") &&
    /^\/comments\/form-token\?article=\d+$/.test(attribs["data-token-url"] ?? "")
  );
}

/** One of the site's hashed script assets, deferred, with no inline code. */
function isAssetScript(el: Element, name: string): boolean {
  return (
    Object.keys(el.attribs).sort().join(" ") === "defer src" &&
    el.attribs.defer === "" &&
    new RegExp(`^/assets/${name}\\.[0-9a-f]{12}\\.js$`).test(el.attribs.src ?? "") &&
    el.children.length === 0
  );
}

function isCommentScript(el: Element): boolean {
  return isAssetScript(el, "comment-form");
}

function isLayoutOwn(el: Element): boolean {
  if (el.name === "form")
    return JSON.stringify(el.attribs) === JSON.stringify(SEARCH_FORM) || isCommentForm(el.attribs);
  if (el.name === "script" && hasAncestor(el, "body")) return isCommentScript(el);
  if (el.name !== "script" || !hasAncestor(el, "head")) return false;
  // The relative-time script every page loads (web/assets/relative-time-script.ts).
  if (isAssetScript(el, "relative-time")) return true;
  if (JSON.stringify(el.attribs) !== JSON.stringify({ type: "application/ld+json" })) return false;
  const text = el.children.map((c) => ("data" in c ? String(c.data) : "<")).join("");
  try {
    JSON.parse(text);
  } catch {
    return false;
  }
  return !text.includes("<");
}

/** `html` with the tags of `elements` (a form's start and end tag, a script whole) replaced by spaces. */
function blankOut(html: string, elements: Element[]): string {
  let out = html;
  for (const el of elements) {
    const start = el.startIndex ?? 0;
    const end = (el.endIndex ?? start) + 1;
    const openEnd = el.name === "script" ? end : html.indexOf(">", start) + 1;
    const closeStart = el.name === "script" ? end : end - "</form>".length;
    out = `${out.slice(0, start)}${" ".repeat(openEnd - start)}${out.slice(openEnd, closeStart)}${" ".repeat(end - closeStart)}${out.slice(end)}`;
  }
  return out;
}

function hasAncestor(el: Element, name: string): boolean {
  for (let p = el.parent; p; p = p.parent) {
    if ("name" in p && p.name === name) return true;
  }
  return false;
}

/**
 * Everything in `html` that could run code in a reader's browser, one line each (empty when safe):
 * forbidden elements, `link`/`meta` outside the head, `meta http-equiv`, any `on*` attribute,
 * `javascript:`/`vbscript:`/`data:` URLs (`data:image/` only on `img`), and style attributes that can
 * load or run anything. `fragment` treats the whole input as body content (a stored body_html).
 */
export function findUnsafeMarkup(html: string, options: { fragment: boolean }): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const own = options.fragment ? [] : findAll((el) => isLayoutOwn(el), doc.children);
  const raw = FORBIDDEN_TAG_TEXT.exec(blankOut(html, own));
  if (raw) problems.push(`raw markup ${JSON.stringify(html.slice(raw.index, raw.index + 40))}`);
  for (const el of findAll(() => true, doc.children)) {
    const name = el.name.toLowerCase();
    const inBody = options.fragment || hasAncestor(el, "body");
    if (FORBIDDEN_ELEMENTS.has(name) && !own.includes(el)) problems.push(`<${name}> element`);
    if (HEAD_ONLY_ELEMENTS.has(name) && inBody) problems.push(`<${name}> in body`);
    for (const [attribute, value] of Object.entries(el.attribs)) {
      const a = attribute.toLowerCase();
      if (a.startsWith("on")) problems.push(`<${name} ${a}> event handler`);
      if (name === "meta" && a === "http-equiv") problems.push(`<meta http-equiv="${value}">`);
      if (URL_ATTRIBUTES.has(a)) {
        for (const url of urlsOf(a, value)) {
          const why = unsafeUrl(name, a, url);
          if (why) problems.push(`<${name} ${why}>`);
        }
      }
      if (a === "style") {
        const css = normalizedCss(value);
        const bad = CSS_THAT_RUNS.find((needle) => css.includes(needle));
        if (bad) problems.push(`<${name} style="${value}"> (${bad})`);
      }
    }
  }
  return problems;
}

/** Why a stored URL column could run code when rendered as a link or image, or null. */
export function unsafeStoredUrl(url: string): string | null {
  return unsafeUrl("a", "href", url);
}
