/** @module Absolute URLs of the site's own pages, for feeds and sitemaps, built from one base URL. */
export { siteBaseUrl } from "../../config/base-url.ts";

import { articlePath, hostOf, sourcePath, storyPath, topicPath } from "../presenters/paths.ts";

/** The article's page, with the slug of its current headline. */
export function articleUrl(base: string, id: number, title: string): string {
  return `${base}${articlePath(id, title)}`;
}

/**
 * A permanent id for the article (feed guid, Atom id, JSON Feed id): without the slug, so an edited
 * headline does not make readers show the article twice; the site redirects it to the page.
 */
export function articleIdUrl(base: string, id: number): string {
  return `${base}/articles/${id}`;
}

export function sourcePageUrl(base: string, id: number, name: string): string {
  return `${base}${sourcePath(id, name)}`;
}

export function topicPageUrl(base: string, slug: string): string {
  return `${base}${topicPath(slug)}`;
}

export function storyPageUrl(base: string, id: number, title: string): string {
  return `${base}${storyPath(id, title)}`;
}

/** Only web links are ever put in a feed as links; anything else (javascript:, data:) is dropped. */
export function webUrlOrNull(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** A source's name as readers see it: its title, else its site's (or feed's) host name. */
export function sourceName(title: string | null, siteUrl: string | null, feedUrl: string): string {
  return title || hostOf(siteUrl ?? feedUrl);
}
