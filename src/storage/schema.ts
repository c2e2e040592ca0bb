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
  /** When the source was disabled after failing continuously for too long, or paused; null while active. */
  disabled_at: string | null;
  /** When the operator paused it (`newsdesk pause`; disabled_at is set too); null unless paused. */
  paused_at: string | null;
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
  /** Operator labels as JSON ({"country": "FR", "kind": "wire"}); see SourceLabels. Null: none. */
  labels: ColumnType<string | null, string | null | undefined, string | null>;
}

/** What an operator says about a source: its country and its kind (wire agency, state media ...). */
export interface SourceLabels {
  country?: string;
  kind?: string;
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
  /** The earliest report whose text this article reprints (wire copy rerun); null for an original. */
  near_duplicate_of: ColumnType<number | null, number | null | undefined, number | null>;
  /** The article's URL normalized (tracking parameters, AMP variants dropped): one article per key. */
  url_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the publisher last changed its headline or body; null if never. Shown as "Updated". */
  revised_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When its attributed statements were last extracted; null: never (migration 0015). */
  statements_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The wire agency the page credits (AP, Reuters, dpa...), kept apart from the bylines (migration 0016). */
  agency: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An earlier version of an article, kept when the publisher edits its headline or body. */
export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  /** The headline and body as they were until `replaced_at`. */
  title: string;
  body_html: string;
  replaced_at: string;
}

/**
 * What an article's feed item said when it was stored or last revised, so the next poll can tell an
 * edit; and whether the stored body came from the article's page (1) or from the feed (0).
 */
export interface ArticleFeedStateTable {
  article_id: number;
  /** SHA-256 of the feed item's content and summary as plain text, whitespace removed. */
  digest: string;
  body_from_page: number;
}

/**
 * An article's page as it was fetched (migration 0016): gzip of the bytes, with the feed item that
 * led to it, so the article can be rebuilt by a newer extractor (`newsdesk reextract`). Pruned after
 * NEWSDESK_PAGE_ARCHIVE_DAYS.
 */
/** An article stored from its feed's text whose page is to be fetched again (ingest/retry-page.ts). */
export interface PageRetriesTable {
  article_id: number;
  /** The FeedItem as parsed, JSON. */
  item: string;
  attempts: Generated<number>;
  /** ISO-8601: when the next retry is due (while one runs, the end of its lease). */
  next_attempt_at: string;
  last_error: string | null;
}

export interface ArticlePagesTable {
  article_id: number;
  /** The address the page was finally read from (after redirects). */
  url: string;
  content_type: string | null;
  fetched_at: string;
  /** Bytes as fetched, before compression. */
  size: number;
  page: Uint8Array;
  /** The FeedItem as parsed, JSON. */
  item: string;
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
  /** The report whose headline names the story: the most representative, not simply the first. */
  lead_article_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Who reported it first. */
  first_article_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The report whose lead image illustrates the story. */
  image_article_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The story's first sentence, from its representative report. */
  lead_sentence: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A story merged into another (a later report bridged them): its URL answers 301 to `to_id`. */
export interface StoryRedirectsTable {
  from_id: number;
  to_id: number;
  created_at: string;
}

/** What clustering keeps of one article in the active window (JSON; see storage/clustering.ts). */
export interface ClusterFeaturesTable {
  article_id: number;
  story_id: number;
  at: string;
  /** When it was filed (the ingest clock); pruning goes by this. */
  filed_at: string;
  /** Its whole-text TF-IDF vector as weighted when it arrived (JSON `{"all": [[term, weight], ...]}`; rows filed before migration 0014 also hold the other three). */
  vectors: string;
  /** Its text's MinHash signature, for reprints. */
  signature: string;
  /** The latest year its headline and opening name (migration 0017); null when they name none. */
  year: number | null;
}

/** An open story as clustering compares it: the sums of its reports' vectors. */
export interface ClusterStoriesTable {
  story_id: number;
  reports: number;
  first_at: string;
  last_at: string;
  /** When a report was last filed into it (the ingest clock); pruning goes by this. */
  filed_at: string;
  sums: string;
  /** Bumped on every write of the row: a process's parsed copy of `sums` is good while it matches. */
  version: Generated<number>;
}

/** The inverted index of each clustered article's rarest terms, with the story the article is in. */
export interface ClusterPostingsTable {
  term: string;
  at: string;
  article_id: number;
  story_id: number;
}

/** A person or body quoted in articles: one identity across articles (see people/identity.ts). */
export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  /** As shown: the fullest name an article gave. */
  name: string;
  /** people/identity.ts identityKey(name): unique. */
  key: string;
  /** A person's last name word, for matching a lone surname; null for bodies. */
  surname: string | null;
  kind: "person" | "organisation";
  statement_count: Generated<number>;
  last_statement_at: string | null;
  created_at: string;
}

/** An earlier slug of a person (before a fuller name was learnt): its page answers 301. */
export interface PeopleRedirectsTable {
  slug: string;
  person_id: number;
}

/** One attributed statement of an article, in text order. */
export interface StatementsTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  /** Null for sources without an identity (anonymous, the outlet's own sourcing, descriptions). */
  person_id: number | null;
  /** The source as the article's attribution named it. */
  source: string;
  /** JSON array of the words naming the source at this statement. */
  mentions: string;
  affiliation: string | null;
  anonymous: number;
  kind: "direct" | "indirect" | "according_to";
  verb: string;
  text: string;
  start: number;
  end: number;
  /** The article's sort_at: a person's page lists statements newest first. */
  sort_at: string;
}

/** A clustered article's distinct terms (JSON array), waiting to be counted into term_stats with its batch. */
export interface TermPendingTable {
  article_id: number;
  terms: string;
}

/** How many clustered articles contain each term (document frequency). */
export interface TermStatsTable {
  term: string;
  df: number;
}

/** One row: how many articles have been clustered (the N of inverse document frequency). */
export interface ClusterStateTable {
  id: Generated<number>;
  documents: number;
  /** Articles whose terms wait in term_pending (migration 0014). */
  pending: Generated<number>;
  /** Prunings that deleted reports' clustering rows (migration 0028): cached report lists older than one are read again. */
  prune_epoch: Generated<number>;
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
  /** When a sender claimed it, right before its SMTP conversation (0024); null once the outcome is recorded. */
  sending_at: string | null;
}

/** The nonce of each comment form token a post has used (migration 0018): a token is good for one post. */
export interface FormTokensUsedTable {
  nonce: string;
  used_at: string;
}

/** A signed WebSub push, kept until the fetcher or a worker stores its items (ingest/websub-push.ts). */
export interface WebsubPushesTable {
  id: Generated<number>;
  source_id: number;
  body: Uint8Array;
  content_type: string | null;
  received_at: string;
}

/** A host's request slot, held by one request at a time across processes (queue/host-slots.ts). */
export interface HostSlotsTable {
  host: string;
  slot: number;
  holder: string | null;
  /** Epoch ms (the database's clock) after which a held slot counts as free: its holder died. */
  held_until: ColumnType<number | null, number | null, number | null>;
}

/** When a host's next request may start, epoch ms of the database's clock (queue/host-slots.ts). */
export interface HostPaceTable {
  host: string;
  next_start: number;
}

/** A job-queue worker pool and its last heartbeat (queue/heartbeat.ts). */
export interface QueueWorkersTable {
  pool_id: string;
  host: string;
  pid: number;
  started_at: string;
  beat_at: string;
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
  form_tokens_used: FormTokensUsedTable;
  queue_workers: QueueWorkersTable;
  websub_pushes: WebsubPushesTable;
  host_slots: HostSlotsTable;
  host_pace: HostPaceTable;
  mail_outbox: MailOutboxTable;
  app_secrets: AppSecretsTable;
  stories: StoriesTable;
  article_topics: ArticleTopicsTable;
  article_revisions: ArticleRevisionsTable;
  article_feed_state: ArticleFeedStateTable;
  article_pages: ArticlePagesTable;
  page_retries: PageRetriesTable;
  story_redirects: StoryRedirectsTable;
  cluster_features: ClusterFeaturesTable;
  cluster_stories: ClusterStoriesTable;
  cluster_postings: ClusterPostingsTable;
  term_stats: TermStatsTable;
  term_pending: TermPendingTable;
  people: PeopleTable;
  people_redirects: PeopleRedirectsTable;
  statements: StatementsTable;
  cluster_state: ClusterStateTable;
}

export type Source = Selectable<SourcesTable>;
export type Article = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type ArticleRevision = Selectable<ArticleRevisionsTable>;
export type SourceUpdate = Updateable<SourcesTable>;
export type Story = Selectable<StoriesTable>;
export type Comment = Selectable<CommentsTable>;
export type NewComment = Insertable<CommentsTable>;
export type User = Selectable<UsersTable>;
