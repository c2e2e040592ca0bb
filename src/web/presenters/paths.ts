/** @module The site's stable, readable URLs: /articles/<id>-<slug>, /stories/..., /sources/..., /topics/<slug>. */
import { slugify } from "../../util/slug.ts";

export { slugify };

export function articlePath(id: number, title: string): string {
  return `/articles/${id}-${encodeURIComponent(slugify(title))}`;
}

export function storyPath(id: number, title: string): string {
  return `/stories/${id}-${encodeURIComponent(slugify(title, "story"))}`;
}

export function sourcePath(id: number, name: string): string {
  return `/sources/${id}-${encodeURIComponent(slugify(name, "source"))}`;
}

export function topicPath(slug: string): string {
  return `/topics/${encodeURIComponent(slug)}`;
}

/** An absolute URL on this site when its public address is configured, else the path (still valid in HTML). */
export function siteUrl(publicUrl: string, path: string): string {
  return publicUrl ? `${publicUrl}${path}` : path;
}

/** The host name of a URL, for naming an outlet that has no title. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Only web links are ever rendered as links; anything else (javascript:, data:) becomes "#". */
export function webUrl(url: string | null): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : "#";
}

/** A person's or body's page: /people/<slug>. */
export function personPath(slug: string): string {
  return `/people/${encodeURIComponent(slug)}`;
}
