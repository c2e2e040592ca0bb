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
  /** 1 when an operator closed comments on this article (closing after N days is a setting). */
  comments_closed: Generated<number>;
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

export type CommentStatus = "pending" | "approved" | "spam" | "trash";

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  /** Lower-cased. Shown only to moderators; never published, logged, or hashed without a key. */
  author_email: string;
  author_url: string | null;
  /** Rendered from body_source (the Markdown subset) and sanitized. */
  body_html: string;
  body_source: Generated<string>;
  status: CommentStatus;
  /** Moderators only. */
  author_ip: string | null;
  user_agent: string | null;
  depth: Generated<number>;
  content_hash: string | null;
  /** Why the checks held it or called it spam, one reason per line; moderators only. */
  held_reasons: string | null;
  notify_replies: Generated<number>;
  created_at: string;
  updated_at: string | null;
  approved_at: string | null;
}

export interface CommentRulesTable {
  id: Generated<number>;
  kind: "word" | "email" | "ip" | "network";
  value: string;
  action: "hold" | "spam";
  created_at: string;
}

export type UserRole = "admin" | "moderator";

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased; the sign-in name. */
  email: string;
  name: string;
  /** argon2id PHC string. */
  password_hash: string;
  role: UserRole;
  failed_signins: Generated<number>;
  locked_until: string | null;
  last_signin_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface RateEventsTable {
  id: Generated<number>;
  bucket: string;
  key: string;
  at: string;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: string;
  send_after: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  comments: CommentsTable;
  comment_rules: CommentRulesTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_events: RateEventsTable;
  mail_outbox: MailOutboxTable;
  app_secrets: AppSecretsTable;
  stories: StoriesTable;
  article_topics: ArticleTopicsTable;
}

export type Source = Selectable<SourcesTable>;
export type Article = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type SourceUpdate = Updateable<SourcesTable>;
export type Story = Selectable<StoriesTable>;
export type Comment = Selectable<CommentsTable>;
export type NewComment = Insertable<CommentsTable>;
export type User = Selectable<UsersTable>;
