/** @module Row types of every table, as Kysely sees them. Times are ISO-8601 UTC strings on both databases. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export interface SourcesTable {
  id: Generated<number>;
  /** The feed URL as the operator gave it (or as discovery resolved it). Unique. */
  url: string;
  title: string | null;
  site_url: string | null;
  created_at: string;
  last_fetched_at: string | null;
  last_success_at: string | null;
  /** One line an operator can act on; null after a success. */
  last_error: string | null;
  /** Stable id of the last failure's kind (fetch.timeout, feed.malformed ...); null after a success. */
  last_error_kind: string | null;
  /** Operator-set CSS selectors for this source's article pages: the body, and what to drop. Null: automatic. */
  extract_include: string | null;
  extract_exclude: string | null;
  /** 1 when the operator lets this source's pages be fetched despite robots.txt. */
  ignore_robots: Generated<number>;
  /** Minutes between polls, learned from the feed's publishing rate and hints; null until first success. */
  poll_interval_minutes: number | null;
  /** When the source was disabled after failing continuously for too long; null while active. */
  disabled_at: string | null;
  /** Consecutive failures; reset to 0 on success. */
  error_count: number;
  next_fetch_at: string;
  etag: string | null;
  last_modified: string | null;
  /** Folder path, outermost first, joined with "/" ("News/Local"); from OPML import. Null when none. */
  category: string | null;
  /** WebSub hub of the current subscription, and its topic (the feed's rel=self URL, else `url`). */
  websub_hub: string | null;
  websub_topic: string | null;
  /** HMAC key given to the hub; a push is stored only with a valid X-Hub-Signature over it. */
  websub_secret: string | null;
  /** Random path segment of the callback URL (/websub/:id/:token). */
  websub_token: string | null;
  websub_state: WebsubState | null;
  /** When the hub's lease ends; until then the source is polled at the longest interval. */
  websub_lease_until: string | null;
  /** When the last subscription request was sent. */
  websub_requested_at: string | null;
  /** Why the last request failed or the hub denied it; null once verified. */
  websub_error: string | null;
  /** "full" republishes the article's text; "excerpt" shows an excerpt and links to the original (the operator's choice). */
  display_mode: Generated<DisplayMode>;
}

/** How a source's articles appear on the site and in every output feed. */
export type DisplayMode = "full" | "excerpt";

/** Where a source's WebSub subscription stands: requested, verified by the hub, refused by it, or lapsed. */
export type WebsubState = "subscribing" | "active" | "denied" | "expired";

export interface ArticlesTable {
  id: Generated<number>;
  source_id: number;
  /** The item's identity within its feed (guid/id, else link). Unique per source. */
  guid: string;
  url: string;
  canonical_url: string | null;
  title: string;
  byline: string | null;
  published_at: string | null;
  lead_image_url: string | null;
  lead_image_alt: string | null;
  lead_image_caption: string | null;
  lead_image_credit: string | null;
  /** Pixel size the page declared for the lead image; null when it did not say. */
  lead_image_width: ColumnType<number | null, number | null | undefined, number | null>;
  lead_image_height: ColumnType<number | null, number | null | undefined, number | null>;
  /** Sanitized HTML, safe to render as is. */
  body_html: string;
  text: string;
  excerpt: string | null;
  language: string | null;
  fetched_at: string;
  created_at: string;
  updated_at: string;
  /** published_at, else fetched_at: the indexed recency key. Set by insertArticle. */
  sort_at: ColumnType<string, string | undefined, string>;
  /** The story this article reports on; insertArticle starts a story of one, clustering merges them. */
  story_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The reports of one event: one article or many, from one outlet or several. */
export interface StoriesTable {
  id: Generated<number>;
  title: string;
  /** The newest and the oldest member's sort_at. */
  last_published_at: string;
  first_published_at: string;
  article_count: Generated<number>;
  /** How many different sources cover it: the front page ranks by this and by recency. */
  source_count: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A topic of an article (a feed category), with the article's sort_at for newest-first topic pages. */
export interface ArticleTopicsTable {
  article_id: number;
  slug: string;
  name: string;
  sort_at: string;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  /** Shown only to moderators; never published. */
  author_email: string;
  author_url: string | null;
  body_html: string;
  status: "pending" | "approved" | "spam" | "trash";
  created_at: string;
}

export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  comments: CommentsTable;
  stories: StoriesTable;
  article_topics: ArticleTopicsTable;
}

export type Source = Selectable<SourcesTable>;
export type Article = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type SourceUpdate = Updateable<SourcesTable>;
export type Story = Selectable<StoriesTable>;
