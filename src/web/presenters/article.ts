/** @module Article rows to view models: URLs, slugs, display dates and the source's name. */
import type { ArticleWithSource } from "../../storage/articles.ts";
import { slugify } from "../../util/slug.ts";

export { slugify };

export interface ArticleView {
  id: number;
  path: string;
  title: string;
  byline: string | null;
  sourceName: string;
  sourceHome: string | null;
  originalUrl: string;
  /** Machine-readable time for <time datetime>, and its display form. */
  publishedIso: string | null;
  publishedDisplay: string | null;
  excerpt: string | null;
  leadImage: { url: string; alt: string; caption: string | null; credit: string | null } | null;
  bodyHtml: string;
  lang: string | null;
}

export function articlePath(id: number, title: string): string {
  return `/articles/${id}-${encodeURIComponent(slugify(title))}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Only web links are ever rendered as links; anything else (javascript:, data:) becomes "#". */
function webUrl(url: string | null): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url) ? url : "#";
}

export function presentArticle(row: ArticleWithSource): ArticleView {
  const published = row.published_at ?? row.fetched_at;
  return {
    id: row.id,
    path: articlePath(row.id, row.title),
    title: row.title,
    byline: row.byline,
    sourceName: row.source_title ?? hostOf(row.source_site_url ?? row.source_url),
    sourceHome: webUrl(row.source_site_url),
    originalUrl: webUrl(row.url) ?? "#",
    publishedIso: published,
    publishedDisplay: published ? `${dateFormat.format(new Date(published))} UTC` : null,
    excerpt: row.excerpt,
    leadImage: row.lead_image_url
      ? {
          url: webUrl(row.lead_image_url) ?? "#",
          alt: row.lead_image_alt ?? row.lead_image_caption ?? "",
          caption: row.lead_image_caption,
          credit: row.lead_image_credit,
        }
      : null,
    bodyHtml: row.body_html,
    lang: row.language,
  };
}
