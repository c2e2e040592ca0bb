/** @module Absolute URLs of the site's own pages, for feeds and sitemaps, built from one base URL. */
import type { Config } from "../../config/config.ts";
import { articlePath, hostOf, sourcePath, storyPath, topicPath } from "../presenters/paths.ts";

/**
 * The site's absolute base URL without a trailing slash: NEWSDESK_PUBLIC_URL, else http://HOST:PORT.
 * Never the request's Host header, which a client chooses and a cache could then serve to others.
 */
export function siteBaseUrl(config: Pick<Config, "publicUrl" | "host" | "port">): string {
  if (config.publicUrl) return config.publicUrl;
  const host =
    config.host === "0.0.0.0" || config.host === "::" || config.host === "" ? "127.0.0.1" : config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
}

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
