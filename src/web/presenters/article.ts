/** @module Article rows to view models: URLs, display dates, the source's name, direction and display mode. */
import type { ArticleWithSource } from "../../storage/articles.ts";
import type { DisplayMode } from "../../storage/schema.ts";
import { articlePath, hostOf, slugify, sourcePath, webUrl } from "./paths.ts";
import { cleanLanguageTag, textDirection } from "./text-direction.ts";

export { articlePath, slugify };

export interface ArticleView {
  id: number;
  path: string;
  title: string;
  byline: string | null;
  /** The wire agency the page credited (AP, Reuters...), shown beside the byline. */
  agency: string | null;
  sourceId: number;
  sourceName: string;
  /** Our page about the outlet. */
  sourcePath: string;
  sourceHome: string | null;
  originalUrl: string;
  /** The original's own canonical address when its page named one, else `originalUrl`: where rel=canonical credits it. */
  originalCanonical: string;
  /** Machine-readable time for <time datetime>, and its display form. */
  publishedIso: string | null;
  publishedDisplay: string | null;
  /** When the publisher last edited it, shown as "Updated"; null if never. */
  revisedIso: string | null;
  revisedDisplay: string | null;
  /** The earlier report whose text this one reprints; null for an original. */
  nearDuplicateOf: number | null;
  /** The newest-first key and id, for keyset cursors. */
  sortAt: string;
  storyId: number | null;
  /** The summary shown in lists (and, in excerpt mode, all of the text shown). */
  excerpt: string | null;
  leadImage: {
    url: string;
    alt: string;
    caption: string | null;
    credit: string | null;
    width: number | null;
    height: number | null;
  } | null;
  /** Sanitized HTML; empty in excerpt mode, so no view can show the full text by mistake. */
  bodyHtml: string;
  displayMode: DisplayMode;
  lang: string | null;
  dir: "rtl" | "ltr" | null;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** How many words an excerpt-only source's text may show when its feed gave no summary. */
export const EXCERPT_WORDS = 60;

/** The first `limit` words of `text`, with an ellipsis when it was cut. */
export function firstWords(text: string, limit: number): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length <= limit ? words.join(" ") : `${words.slice(0, limit).join(" ")}…`;
}

/**
 * Images in the body are below the lead image, so the browser may wait to load them. Adding an
 * attribute to tags the sanitizer produced keeps the HTML safe: text "<img" would be escaped as &lt;img.
 */
function lazyImages(html: string): string {
  return html.replace(/<img(?![^>]*\sloading=)/g, '<img loading="lazy" decoding="async"');
}

/**
 * The page's own canonical address only when it stays on the page's site: a page claiming another
 * site's address as its canonical would make our page credit (and rank) someone else.
 */
function sameSiteCanonical(url: string, canonical: string | null): string {
  if (!canonical) return url;
  try {
    const site = (u: string) => new URL(u).hostname.replace(/^www\./, "");
    return site(canonical) === site(url) ? canonical : url;
  } catch {
    return url;
  }
}

export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : `${dateFormat.format(new Date(t))} UTC`;
}

export function presentArticle(row: ArticleWithSource): ArticleView {
  const published = row.published_at ?? row.fetched_at;
  const sourceName = row.source_title ?? hostOf(row.source_site_url ?? row.source_url);
  const excerptOnly = row.source_display_mode === "excerpt";
  const summary = row.excerpt?.trim() || (excerptOnly ? row.text : "");
  const lang = cleanLanguageTag(row.language);
  return {
    id: row.id,
    path: articlePath(row.id, row.title),
    title: row.title,
    byline: row.byline,
    agency: row.agency,
    sourceId: row.source_id,
    sourceName,
    sourcePath: sourcePath(row.source_id, sourceName),
    sourceHome: webUrl(row.source_site_url),
    originalUrl: webUrl(row.url) ?? "#",
    originalCanonical: webUrl(sameSiteCanonical(row.url, row.canonical_url)) ?? "#",
    publishedIso: published,
    publishedDisplay: formatDate(published),
    revisedIso: row.revised_at,
    revisedDisplay: formatDate(row.revised_at),
    nearDuplicateOf: row.near_duplicate_of === null ? null : Number(row.near_duplicate_of),
    sortAt: row.sort_at,
    storyId: row.story_id,
    // An excerpt-only source may have sent its whole text as the "summary": cut it either way.
    excerpt: summary ? (excerptOnly ? firstWords(summary, EXCERPT_WORDS) : summary) : null,
    // An excerpt-only outlet's photos are under the same terms as its text: no view or feed shows them.
    leadImage:
      row.lead_image_url && !excerptOnly
        ? {
            url: webUrl(row.lead_image_url) ?? "#",
            alt: row.lead_image_alt ?? row.lead_image_caption ?? "",
            caption: row.lead_image_caption,
            credit: row.lead_image_credit,
            // Null when the page declared no size; the stylesheet then reserves a 3:2 box.
            width: row.lead_image_width,
            height: row.lead_image_height,
          }
        : null,
    bodyHtml: excerptOnly ? "" : lazyImages(row.body_html),
    displayMode: excerptOnly ? "excerpt" : "full",
    lang,
    dir: textDirection(lang),
  };
}
