/** @module The page's Article-like JSON-LD object, if it has one (arrays and @graph included). */

import { textContent } from "domutils";
import { type Document, selectAll } from "./dom.ts";

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /(Article|BlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|LiveBlogPosting|WebPage)$/;

/** The node's @type values. */
export function jsonLdTypes(o: JsonObject): string[] {
  const t = o["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

function* walk(value: unknown): Generator<JsonObject> {
  if (Array.isArray(value)) {
    for (const v of value) yield* walk(v);
  } else if (value && typeof value === "object") {
    const o = value as JsonObject;
    yield o;
    if (o["@graph"]) yield* walk(o["@graph"]);
    // A WebPage whose main entity is the article ("mainEntity": {"@type": "Article", ...}).
    if (o.mainEntity && typeof o.mainEntity === "object") yield* walk(o.mainEntity);
  }
}

/** A block's JSON; many CMSs write raw line breaks inside strings, which JSON forbids but means nothing. */
function parseBlock(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return JSON.parse(text.replace(/[\r\n\t]+/g, " "));
    } catch {
      return undefined;
    }
  }
}

/** `author: {"@id": ...}` pointing at a Person elsewhere in the page's graph: the Person itself. */
function withAuthorsResolved(o: JsonObject, byId: ReadonlyMap<string, JsonObject>): JsonObject {
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object") {
      const ref = (v as JsonObject)["@id"];
      if (typeof ref === "string" && !("name" in (v as JsonObject))) return byId.get(ref) ?? v;
    }
    return v;
  };
  return o.author === undefined ? o : { ...o, author: resolve(o.author) };
}

/**
 * The first Article-typed object in any `application/ld+json` block (else an untyped object that has
 * a headline and an author or date, else a Recipe, else a WebPage); broken blocks are skipped.
 */
export function findArticleJsonLd(doc: Document): JsonObject | null {
  let found: JsonObject | null = null;
  let untyped: JsonObject | null = null;
  let webPage: JsonObject | null = null;
  // A recipe page's own writing: its dates and author are the page's when no article node exists.
  let recipe: JsonObject | null = null;
  const byId = new Map<string, JsonObject>();
  for (const script of selectAll('script[type="application/ld+json" i]', doc)) {
    const data = parseBlock(textContent(script));
    for (const o of walk(data)) {
      const id = o["@id"];
      if (typeof id === "string" && typeof o.name === "string") byId.set(id, o);
      if (found) continue;
      const types = jsonLdTypes(o);
      if (types.some((t) => ARTICLE_TYPES.test(t) && t !== "WebPage")) found = o;
      else if (types.includes("WebPage")) webPage ??= o;
      else if (types.includes("Recipe")) recipe ??= o;
      else if (typeof o.headline === "string" && (o.author || o.datePublished)) untyped ??= o;
    }
  }
  let best = found ?? untyped ?? recipe ?? webPage;
  // Yoast and others put the dates on the WebPage node of the graph, not on the Article node.
  if (best && webPage && best !== webPage) {
    for (const key of ["datePublished", "dateModified"] as const)
      if (best[key] === undefined && webPage[key] !== undefined) best = { ...best, [key]: webPage[key] };
  }
  return best ? withAuthorsResolved(best, byId) : null;
}

/** A JSON-LD value that may be a string, an object with `name`/`url`, or an array of those. */
export function jsonLdNames(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonLdNames);
  if (value && typeof value === "object") {
    const name = (value as JsonObject).name;
    // Some CMSs write several names in one Person, or names as the HTML links of their author pages.
    const names =
      typeof name === "string"
        ? [name]
        : Array.isArray(name)
          ? name.filter((n) => typeof n === "string")
          : [];
    return names.map((n) => (n.includes("<") ? n.replace(/<[^>]*>/g, "").trim() : n)).filter(Boolean);
  }
  return [];
}

export function jsonLdString(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) return jsonLdString(value[0]);
  if (value && typeof value === "object")
    return jsonLdString((value as JsonObject).url ?? (value as JsonObject)["@id"]);
  return null;
}
