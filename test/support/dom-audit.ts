/**
 * @module Browser-side checks for the XSS test: a hook installed before any page script that records
 * every call to `__pwned`, alert, confirm and prompt, an audit of the live DOM for event-handler
 * attributes, script URLs, foreign scripts and embedding elements, and a feed reader's insertion.
 */

/** Runs first in every frame: hostile vectors call `__pwned()` or `alert()`, and each call is recorded. */
export const HOOK_SCRIPT = `(() => {
  const calls = [];
  Object.defineProperty(window, "__pwnedCalls", { value: calls });
  const record = (what) => (...args) => {
    calls.push(what + "(" + args.map(String).join(",") + ")");
    console.error("__PWNED__ " + what + " on " + location.href);
  };
  window.__pwned = record("__pwned");
  window.alert = record("alert");
  window.confirm = record("confirm");
  window.prompt = record("prompt");
  window.print = record("print");
})();`;

/** The site's own scripts: JSON-LD data and its hashed, same-origin assets. */
export const OWN_SCRIPT_SRC = /^\/assets\/[\w-]+\.[0-9a-f]{12}\.js$/;

/**
 * Audits `document` (and same-origin frames) and returns one line per problem. Passed to
 * page.evaluate, so it must be self-contained. `hostile` is a marker that must not appear in JSON-LD.
 */
export function auditDocument(args: { ownScriptSrc: string; hostile: string }): string[] {
  const problems: string[] = [];
  const ownSrc = new RegExp(args.ownScriptSrc);
  const urlAttrs = new Set([
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcdoc",
    "data",
    "poster",
    "background",
    "codebase",
    "cite",
    "srcset",
    "ping",
  ]);
  const describe = (el: Element) =>
    `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}> in ${el.closest("[id]")?.id ?? "document"}`;
  const audit = (doc: Document, where: string) => {
    for (const el of Array.from(doc.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) problems.push(`${where}: ${describe(el)} has ${name}`);
        if (name === "srcdoc") problems.push(`${where}: ${describe(el)} has srcdoc`);
        if (urlAttrs.has(name) || name.endsWith(":href")) {
          // What a URL parser ignores: surrounding spaces and controls, and tabs or newlines anywhere.
          const v = attr.value
            .replace(/[\p{Cc}]/gu, "")
            .trim()
            .toLowerCase();
          if (/^(javascript|vbscript|data):/.test(v))
            problems.push(`${where}: ${describe(el)} ${name}="${attr.value.slice(0, 60)}"`);
        }
      }
      // Elements of feed XML shown by the XML viewer (an RSS <link>) are data, not HTML or SVG.
      const ns = el.namespaceURI ?? "";
      if (!/xhtml|svg|mathml/i.test(ns)) continue;
      const tag = el.localName.toLowerCase();
      if (tag === "script") {
        const type = el.getAttribute("type") ?? "";
        const src = el.getAttribute("src");
        if (type === "application/ld+json") {
          const text = el.textContent ?? "";
          try {
            JSON.parse(text);
          } catch {
            problems.push(`${where}: JSON-LD does not parse`);
          }
          if (text.includes("<") || text.includes(args.hostile))
            problems.push(`${where}: JSON-LD holds markup or hostile text`);
        } else if (src === null || !ownSrc.test(src) || (el.textContent ?? "").trim() !== "") {
          problems.push(
            `${where}: foreign script ${describe(el)} ${(src ?? el.textContent ?? "").slice(0, 60)}`,
          );
        }
      }
      if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"].includes(tag))
        problems.push(`${where}: ${describe(el)}`);
      if (tag === "meta" && /refresh/i.test(el.getAttribute("http-equiv") ?? ""))
        problems.push(`${where}: meta refresh`);
      if ((tag === "style" || tag === "link") && el.closest("body"))
        problems.push(`${where}: ${describe(el)} in the body`);
      if (tag === "iframe") {
        const inner = (el as HTMLIFrameElement).contentDocument;
        if (inner) audit(inner, `${where} iframe`);
      }
    }
  };
  audit(document, location.pathname);
  return problems;
}

/**
 * What a feed reader does with a feed (RSS, Atom or JSON Feed text): each item's HTML inserted into
 * the page's <main> with innerHTML. Passed to page.evaluate; returns the number of items.
 */
export function insertFeedItems({ body, json }: { body: string; json: boolean }): number {
  const parts: string[] = [];
  if (json) {
    for (const item of (JSON.parse(body) as { items: Array<{ content_html?: string }> }).items)
      parts.push(item.content_html ?? "");
  } else {
    const doc = new DOMParser().parseFromString(body, "application/xml");
    for (const tag of ["description", "content:encoded", "content", "summary"])
      for (const el of Array.from(doc.getElementsByTagName(tag)))
        if (el.closest("item, entry")) parts.push(el.textContent ?? "");
  }
  const main = document.querySelector("main") as HTMLElement;
  main.innerHTML = parts.map((p) => `<article>${p}</article>`).join("");
  return parts.length;
}
