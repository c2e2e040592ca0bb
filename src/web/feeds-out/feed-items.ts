/** @module Stored articles to feed items: our page, the original named and linked, display mode respected. */
import type { ArticleWithSource } from "../../storage/articles.ts";
import { escapeHtmlAttr } from "../../util/html.ts";
import { presentArticle } from "../presenters/article.ts";
import type { OutItem } from "./feed-model.ts";
import { articleIdUrl, articleUrl, webUrlOrNull } from "./site-urls.ts";

/**
 * Longest excerpt a feed carries for an excerpt-only source. A feed's "description" is sometimes the
 * whole article, so the stored excerpt is cut too: the operator chose excerpt because the outlet's
 * terms allow no more.
 */
export const EXCERPT_MAX_CHARS = 400;

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

const html = escapeHtmlAttr;

/** The closing line of every item: the outlet and the original's address, linked when it is a web link. */
export function sourceLineHtml(outlet: string, originalUrl: string | null): string {
  if (!originalUrl) return `<p>Source: ${html(outlet)}</p>`;
  return `<p>Source: ${html(outlet)}, <a href="${html(originalUrl)}">${html(originalUrl)}</a></p>`;
}

/**
 * When the item last changed: the publisher's revision time when it edited the article (Atom's
 * updated, JSON Feed's date_modified), else our row's last update, never before publication.
 */
export function modifiedTime(row: Pick<ArticleWithSource, "revised_at" | "updated_at">, published: string) {
  const changed = row.revised_at ?? row.updated_at;
  return changed > published ? changed : published;
}

/**
 * One feed item per article. Full-text sources carry the stored body (sanitized at ingest, so safe
 * as HTML) then the Source line; excerpt-only sources carry the excerpt, never `body_html` or `text`
 * beyond EXCERPT_MAX_CHARS, with the link to read the rest at the outlet.
 */
export function feedItemFromArticle(
  row: ArticleWithSource,
  base: string,
  categories: readonly string[] = [],
): OutItem {
  const view = presentArticle(row);
  const originalUrl = webUrlOrNull(row.url);
  const fullText = view.displayMode === "full";
  // Excerpt-only: the presenter's excerpt (the page's rule), under the feed's own length cap as well.
  const summary =
    truncateText(fullText ? (row.excerpt ?? row.text) : (view.excerpt ?? ""), EXCERPT_MAX_CHARS) || null;
  const sourceLine = sourceLineHtml(view.sourceName, originalUrl);
  const excerptHtml = summary ? `<p>${html(summary)}</p>\n` : "";
  const contentHtml = fullText
    ? `${row.body_html}\n${sourceLine}`
    : `${excerptHtml}${
        originalUrl
          ? `<p><a href="${html(originalUrl)}">Read the full article at ${html(view.sourceName)}</a></p>\n`
          : ""
      }${sourceLine}`;
  // For an excerpt-only source the summary is the whole item: excerpt, link to the rest, Source line.
  const summaryHtml = fullText ? `${excerptHtml}${sourceLine}` : contentHtml;
  const published = row.published_at ?? row.fetched_at;
  return {
    id: articleIdUrl(base, row.id),
    url: articleUrl(base, row.id, row.title),
    title: row.title,
    contentHtml,
    summaryHtml,
    summary,
    fullText,
    published,
    updated: modifiedTime(row, published),
    author: row.byline,
    // The presenter gives no lead image for excerpt-only sources.
    imageUrl: webUrlOrNull(view.leadImage?.url ?? null),
    language: row.language,
    categories: [...categories],
    source: {
      name: view.sourceName,
      homeUrl: webUrlOrNull(row.source_site_url),
      feedUrl: webUrlOrNull(row.source_url),
      originalUrl,
    },
  };
}
