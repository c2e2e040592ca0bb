/**
 * @module The fields of a stored article that a page rebuilds (storage/article-rebuild.ts), from what
 * buildArticle made of its feed item and the page: on re-extraction and when a page comes on a retry.
 */
import type { FeedItem } from "../feeds/types.ts";
import type { RebuiltArticle } from "../storage/article-rebuild.ts";
import type { NewArticle } from "../storage/schema.ts";
import { plainTitle } from "./build-article.ts";

export function rebuiltFields(built: NewArticle, item: FeedItem): RebuiltArticle {
  const { title, ...rest } = built;
  return {
    // A headline the feed gave stays as stored: the publisher may have edited it since (a revision).
    ...(plainTitle(item.title) ? {} : { title }),
    byline: rest.byline,
    agency: rest.agency,
    published_at: rest.published_at,
    lead_image_url: rest.lead_image_url,
    lead_image_alt: rest.lead_image_alt,
    lead_image_caption: rest.lead_image_caption,
    lead_image_credit: rest.lead_image_credit,
    lead_image_width: rest.lead_image_width,
    lead_image_height: rest.lead_image_height,
    body_html: rest.body_html,
    text: rest.text,
    excerpt: rest.excerpt,
    language: rest.language,
    canonical_url: rest.canonical_url,
  };
}
