/** @module The page's Article-like JSON-LD object, if it has one (arrays and @graph included). */

import { textContent } from "domutils";
import { type Document, selectAll } from "./dom.ts";

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES =
  /(Article|BlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|LiveBlogPosting|WebPage)$/;

function typesOf(o: JsonObject): string[] {
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
  }
}

/** The first Article-typed object in any `application/ld+json` block; broken blocks are skipped. */
export function findArticleJsonLd(doc: Document): JsonObject | null {
  let webPage: JsonObject | null = null;
  for (const script of selectAll('script[type="application/ld+json" i]', doc)) {
    let data: unknown;
    try {
      data = JSON.parse(textContent(script));
    } catch {
      continue;
    }
    for (const o of walk(data)) {
      const types = typesOf(o);
      if (types.some((t) => ARTICLE_TYPES.test(t) && t !== "WebPage")) return o;
      if (types.includes("WebPage")) webPage ??= o;
    }
  }
  return webPage;
}

/** A JSON-LD value that may be a string, an object with `name`/`url`, or an array of those. */
export function jsonLdNames(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonLdNames);
  if (value && typeof value === "object") {
    const name = (value as JsonObject).name;
    return typeof name === "string" ? [name] : [];
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
