/** @module URL paths of the demo origin: where each outlet serves its home, sections, articles, images and feed. */
import type { DemoArticle, DemoOutlet } from "./content/index.ts";
import { localParts } from "./render/dates.ts";

export function homePath(outlet: DemoOutlet): string {
  return `/${outlet.slug}/`;
}

export function feedPath(outlet: DemoOutlet): string {
  return outlet.feed.path;
}

/** The outlet's main feed first, then its section feeds. */
export function allFeedPaths(outlet: DemoOutlet): string[] {
  return [outlet.feed.path, ...outlet.sectionFeeds.map((f) => f.path)];
}

export function imagePath(outletSlug: string, imageName: string): string {
  return `/${outletSlug}/images/${imageName}.svg`;
}

/** Each markup style has its own permalink scheme, like real publishing systems do. */
export function articlePath(outlet: DemoOutlet, article: DemoArticle): string {
  const { year, month, day } = localParts(article.published);
  const base = `/${outlet.slug}`;
  switch (outlet.style) {
    case "wordpress":
      return `${base}/${year}/${month}/${day}/${article.slug}/`;
    case "bem":
      return `${base}/news/${year}/${month}/${article.slug}`;
    case "jsonld":
      return `${base}/articles/${article.slug}`;
    case "legacy":
      return `${base}/news/${year}${month}${day}/${article.slug}.html`;
    case "hentry":
      return `${base}/story/${year}-${month}-${day}/${article.slug}/`;
  }
}

export function sectionPath(outlet: DemoOutlet, sectionSlug: string): string {
  const base = `/${outlet.slug}`;
  switch (outlet.style) {
    case "wordpress":
      return `${base}/category/${sectionSlug}/`;
    case "bem":
      return `${base}/sections/${sectionSlug}`;
    case "jsonld":
      return `${base}/topics/${sectionSlug}`;
    case "legacy":
      return `${base}/${sectionSlug}/index.html`;
    case "hentry":
      return `${base}/section/${sectionSlug}/`;
  }
}

/** Lower-case ASCII slug of a person's name ("Tomás Beltrán" -> "tomas-beltran"); empty for non-Latin names. */
export function nameSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function authorPath(outlet: DemoOutlet, author: string): string {
  const slug = nameSlug(author) || "staff";
  if (outlet.style === "wordpress") return `/${outlet.slug}/author/${slug}/`;
  if (outlet.style === "hentry") return `/${outlet.slug}/authors/${slug}/`;
  return `/${outlet.slug}/people/${slug}`;
}

/** Tag archive page (only the WordPress-style outlet links to these). */
export function tagPath(outlet: DemoOutlet, tag: string): string {
  return `/${outlet.slug}/tag/${nameSlug(tag)}/`;
}
