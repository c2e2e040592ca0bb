/** @module Makes lazily loaded images real: data-src and friends become src, <noscript> copies are unwrapped or dropped. */
import { replaceElement } from "domutils";
import { attr, type Document, type Element, isTag, removeElement, selectAll } from "./dom.ts";

const LAZY_ATTRS = ["data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src"];
const LAZY_SRCSET_ATTRS = ["data-srcset", "data-lazy-srcset"];

/** A src that is only a placeholder until a script swaps in the real one. */
function isPlaceholder(src: string | null): boolean {
  return (
    !src ||
    src.startsWith("data:") ||
    /(blank|placeholder|spacer|pixel|transparent)\.(gif|png|svg)/i.test(src)
  );
}

/** Mutates `doc` so every image's real address sits in src/srcset (and AMP's amp-img is an img). */
export function resolveLazyImages(doc: Document): void {
  for (const amp of selectAll("amp-img", doc)) amp.name = "img";
  const seen = new Set<string>();
  for (const img of selectAll("img", doc)) {
    const src = attr(img, "src");
    const lazy = LAZY_ATTRS.map((a) => attr(img, a)).find(Boolean);
    if (lazy && isPlaceholder(src)) img.attribs.src = lazy;
    const lazySet = LAZY_SRCSET_ATTRS.map((a) => attr(img, a)).find(Boolean);
    if (lazySet && !attr(img, "srcset")) img.attribs.srcset = lazySet;
    const real = attr(img, "src");
    if (real && !isNoscriptChild(img)) seen.add(real);
  }
  for (const noscript of selectAll("noscript", doc)) {
    const imgs = selectAll("img", noscript);
    if (imgs.length === 0) continue;
    if (imgs.every((i) => seen.has(attr(i, "src") ?? ""))) {
      removeElement(noscript);
      continue;
    }
    // The only copy of an image a script would have shown: keep it in the page.
    const first = imgs[0]!;
    replaceElement(noscript, first);
  }
}

function isNoscriptChild(el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (isTag(p) && p.name === "noscript") return true;
  return false;
}
