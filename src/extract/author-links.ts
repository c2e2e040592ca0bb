/**
 * @module Authors named by links to their own pages ("/author/jane-doe/", "/autoren/doe-jane"): the
 * way most CMSs (WordPress, Drupal, Arc, newspaper themes) credit a writer when they mark nothing
 * else. Pure.
 */
import { squash } from "./byline-names.ts";
import { type Document, type Element, selectAll, textOf } from "./dom.ts";

/** A path segment naming an author's page, then the author's own segment. */
const AUTHOR_PATH =
  /\/(?:authors?|autor(?:en|in|zy|ka)?|auteurs?|autor[ei]|staff|journalist(?:en)?|redakteur(?:e|in)?)\/([^/?#]+)/i;

/** A box of links this long is a list of writers (a sidebar, a staff page), not one article's credit. */
const CREDIT_BOX_CHARS = 300;

/** Letters as an address spells them: "ö" also as "oe", "ł" as "l". */
function spellings(word: string): string[] {
  const plain = squash(word.replace(/ł/g, "l").replace(/Ł/g, "L").replace(/ø/gi, "o"));
  const expanded = squash(
    word.replace(/ä/gi, "ae").replace(/ö/gi, "oe").replace(/ü/gi, "ue").replace(/ß/g, "ss"),
  );
  return [plain, expanded];
}

/** Whether the address's author segment spells one of the name's words (three letters or more). */
function slugNames(slug: string, name: string): boolean {
  const s = squash(decodeURIComponent(slug.replace(/%(?![\da-f]{2})/gi, "")));
  if (s.length < 3) return false;
  return name
    .split(/[\s.-]+/)
    .filter((w) => w.length >= 3)
    .some((w) => spellings(w).some((sp) => sp.length >= 3 && s.includes(sp)));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\d?\./, "").toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The texts of the first group of links to this site's author pages whose address spells the name
 * they show (so "All posts", "YouTube" or an avatar's caption never count), in page order.
 */
export function authorLinkNames(doc: Document, url: string, keep: (els: Element[]) => Element[]): string[] {
  return authorLinks(doc, url, keep).map((l) => l.name);
}

/**
 * The same links with, for each, whether its address's segment is exactly the name shown
 * ("/author/gnaddrig/" for "gnaddrig"): the writer's own account, whatever it resembles.
 */
export function authorLinks(
  doc: Document,
  url: string,
  keep: (els: Element[]) => Element[],
): Array<{ name: string; account: boolean }> {
  const host = hostOf(url);
  const links = keep(
    selectAll("a[href]", doc).filter((a) => {
      const href = a.attribs.href ?? "";
      const m = AUTHOR_PATH.exec(href);
      if (!m?.[1]) return false;
      let target: string | null = host;
      if (/^https?:/i.test(href)) target = hostOf(href);
      return target === host && slugNames(m[1], textOf(a));
    }),
  );
  const first = links[0];
  if (!first) return [];
  // The links beside the first in its credit line ("A, B and C"), not a list of writers further on.
  let box: Element = first;
  for (let i = 0; i < 3; i++) {
    const up = box.parent;
    if (up?.type !== "tag" || textOf(up).length > CREDIT_BOX_CHARS) break;
    box = up as Element;
  }
  const seen = new Set<string>();
  const out: Array<{ name: string; account: boolean }> = [];
  for (const a of links) {
    const name = textOf(a);
    if (!name || seen.has(name) || (a !== first && !isInside(a, box))) continue;
    seen.add(name);
    const slug = AUTHOR_PATH.exec(a.attribs.href ?? "")?.[1] ?? "";
    out.push({ name, account: squash(safeDecode(slug)) === squash(name) });
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function isInside(el: Element, box: Element): boolean {
  for (let p = el.parent; p && p.type === "tag"; p = p.parent) if (p === box) return true;
  return false;
}
