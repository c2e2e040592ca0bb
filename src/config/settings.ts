/** @module The one documented table of Newsdesk settings: env var, default, parser, and why. */

import { type Network, parseNetworks } from "../util/networks.ts";

/** How a setting's raw string becomes a value; throws a message naming the variable on bad input. */
type Parse<T> = (raw: string, name: string) => T;

export interface SettingSpec<T> {
  env: string;
  default: string;
  parse: Parse<T>;
  /** Secret values are never printed by `newsdesk config` or logged. */
  secret?: boolean;
  doc: string;
}

const int =
  (min: number, max: number): Parse<number> =>
  (raw, name) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    }
    return n;
  };

const text: Parse<string> = (raw) => raw;

const databaseUrl: Parse<string> = (raw, name) => {
  if (raw.startsWith("sqlite:") || raw.startsWith("postgres://") || raw.startsWith("postgresql://"))
    return raw;
  throw new Error(`${name} must start with sqlite: or postgres://, got "${raw}"`);
};

const networks: Parse<Network[]> = (raw, name) => {
  try {
    return parseNetworks(raw);
  } catch (err) {
    throw new Error(`${name}: ${(err as Error).message}`);
  }
};

/** The site's public base URL, absolute http(s), kept without a trailing slash; empty turns WebSub off. */
const publicUrl: Parse<string> = (raw, name) => {
  if (raw === "") return "";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL such as https://news.example.org, got "${raw}"`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
    throw new Error(`${name} must be an http(s) URL without a user name or password, got "${raw}"`);
  }
  if (url.search || url.hash) {
    throw new Error(`${name} must not have a query or fragment, got "${raw}"`);
  }
  return url.toString().replace(/\/+$/, "");
};

/** Where an article page's rel=canonical points when it republishes the full text. */
export type CanonicalPolicy = "original" | "self";

const canonicalPolicy: Parse<CanonicalPolicy> = (raw, name) => {
  if (raw === "original" || raw === "self") return raw;
  throw new Error(`${name} must be "original" or "self", got "${raw}"`);
};

/** Empty (make one) or a key long enough that keyed hashes of emails cannot be brute-forced. */
const siteSecretKey: Parse<string> = (raw, name) => {
  if (raw === "" || raw.length >= 32) return raw;
  throw new Error(
    `${name} must be at least 32 characters (e.g. the output of "openssl rand -base64 32"), or empty to have one made`,
  );
};

const logLevel: Parse<string> = (raw, name) => {
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
  if (levels.includes(raw)) return raw;
  throw new Error(`${name} must be one of ${levels.join(", ")}, got "${raw}"`);
};

/** Every setting Newsdesk reads. README's configuration table is generated from the same facts. */
export const settings = {
  databaseUrl: {
    env: "DATABASE_URL",
    default: "sqlite:data/newsdesk.db",
    parse: databaseUrl,
    secret: true,
    doc: "Where data lives: `sqlite:<file>` (embedded, the default) or `postgres://user:pass@host/db`.",
  },
  host: {
    env: "HOST",
    default: "127.0.0.1",
    parse: text,
    doc: "Address the web server listens on. Loopback by default; put a reverse proxy in front.",
  },
  port: {
    env: "PORT",
    default: "8080",
    parse: int(0, 65535),
    doc: "Port the web server listens on.",
  },
  publicUrl: {
    env: "NEWSDESK_PUBLIC_URL",
    default: "",
    parse: publicUrl,
    doc: "The address this site is reached at from the internet (https://news.example.org). WebSub needs it: hubs verify subscriptions and push new items to <url>/websub/...; empty turns WebSub off and every source is only polled. Output feeds, sitemaps and robots.txt build their absolute links from it (from http://HOST:PORT when empty, never from a request's Host header).",
  },
  siteTitle: {
    env: "NEWSDESK_SITE_TITLE",
    default: "Newsdesk",
    parse: text,
    doc: "Name shown in the page header and titles.",
  },
  siteDescription: {
    env: "NEWSDESK_SITE_DESCRIPTION",
    default:
      "The latest news from the outlets this site follows, each article credited and linked to its original.",
    parse: text,
    doc: "One sentence about the site: the front page's meta description and the about page's first line.",
  },
  canonical: {
    env: "NEWSDESK_CANONICAL",
    default: "original",
    parse: canonicalPolicy,
    doc: "Where rel=canonical of a republished full-text article points: `original` (the outlet's page, the default, so search engines credit the outlet) or `self` (this site's page). Excerpt-only articles always point at this site's page.",
  },
  webWorkers: {
    env: "NEWSDESK_WEB_WORKERS",
    default: "0",
    parse: int(0, 256),
    doc: "Web server processes `serve` runs, sharing the port; 0 means one per available CPU, 1 serves from the first process itself. Fetching always runs in a process of its own.",
  },
  workerConcurrency: {
    env: "NEWSDESK_WORKER_CONCURRENCY",
    default: "4",
    parse: int(1, 256),
    doc: "On PostgreSQL: jobs (refreshing a source, sending mail, housekeeping) one worker process runs at once, in `newsdesk worker` and in `serve`'s fetcher process.",
  },
  workerTimeoutSeconds: {
    env: "NEWSDESK_WORKER_TIMEOUT_SECONDS",
    default: "30",
    parse: int(5, 3600),
    doc: "On PostgreSQL: a worker process that has not checked in for this long is taken for dead (killed, its machine gone), and the jobs it held are run by another.",
  },
  queueSchema: {
    env: "NEWSDESK_QUEUE_SCHEMA",
    default: "",
    parse: (raw, name) => {
      if (raw !== "" && !/^[a-z_][a-z0-9_]{0,62}$/.test(raw))
        throw new Error(`${name} must be a lower-case SQL identifier, got "${raw}"`);
      return raw;
    },
    doc: "On PostgreSQL: the schema that holds the job queue (graphile-worker's tables), created on first use. Empty means `graphile_worker`, or `<schema>_queue` when DATABASE_URL selects a schema (`?options=-c search_path=<schema>`), so sites sharing a database keep their queues apart.",
  },
  pageCacheMb: {
    env: "NEWSDESK_PAGE_CACHE_MB",
    default: "64",
    parse: int(0, 65536),
    doc: "Memory per web process for rendered pages (and their gzip and brotli forms), least recently used dropped first; 0 turns the page cache off.",
  },
  pageCacheCheckMs: {
    env: "NEWSDESK_PAGE_CACHE_CHECK_MS",
    default: "500",
    parse: int(0, 60000),
    doc: "How often each web process reads the data version from the database (in the background) to drop pages that changed: a new article shows at most this long (plus one query) after it is stored. 0 reads it for every request instead.",
  },
  demoPort: {
    env: "NEWSDESK_DEMO_PORT",
    default: "8090",
    parse: int(0, 65535),
    doc: "Port of the demo newsroom's local origin (`serve --demo`, `demo`). Fixed so stored demo feed URLs stay valid across restarts.",
  },
  pollMinMinutes: {
    env: "NEWSDESK_POLL_MIN_MINUTES",
    default: "5",
    parse: int(1, 10080),
    doc: "Shortest time between polls of one source, however often it publishes.",
  },
  pollMaxMinutes: {
    env: "NEWSDESK_POLL_MAX_MINUTES",
    default: "1440",
    parse: int(1, 43200),
    doc: "Longest time between polls of one source: quiet feeds, and failing ones backing off, are still tried this often.",
  },
  pollDefaultMinutes: {
    env: "NEWSDESK_POLL_DEFAULT_MINUTES",
    default: "60",
    parse: int(1, 43200),
    doc: "Time between polls for a feed that gives no dates to learn its publishing rate from.",
  },
  disableAfterDays: {
    env: "NEWSDESK_DISABLE_AFTER_DAYS",
    default: "30",
    parse: int(1, 3650),
    doc: "A source that has failed continuously for this long is disabled (it keeps its reason; `newsdesk fetch --source N` retries it).",
  },
  fetchTimeoutMs: {
    env: "NEWSDESK_FETCH_TIMEOUT_MS",
    default: "30000",
    parse: int(100, 600000),
    doc: "Total time allowed for one HTTP fetch, redirects and body included; stops slow-drip servers.",
  },
  connectTimeoutMs: {
    env: "NEWSDESK_CONNECT_TIMEOUT_MS",
    default: "10000",
    parse: int(100, 600000),
    doc: "Time allowed to open a connection (TCP and TLS).",
  },
  firstByteTimeoutMs: {
    env: "NEWSDESK_FIRST_BYTE_TIMEOUT_MS",
    default: "15000",
    parse: int(100, 600000),
    doc: "Time allowed until response headers arrive, and the longest silence while a body streams.",
  },
  allowNetworks: {
    env: "NEWSDESK_ALLOW_NETWORKS",
    default: "",
    parse: networks,
    doc: "Comma-separated CIDRs Newsdesk may fetch from even though they are private, loopback or otherwise non-public (e.g. 10.0.0.0/8 for an intranet feed). Empty by default: only public addresses are fetched.",
  },
  hostConcurrency: {
    env: "NEWSDESK_HOST_CONCURRENCY",
    default: "2",
    parse: int(1, 64),
    doc: "Requests in flight at once to one host name.",
  },
  hostIntervalMs: {
    env: "NEWSDESK_HOST_INTERVAL_MS",
    default: "250",
    parse: int(0, 600000),
    doc: "Minimum time between the starts of two requests to one host name.",
  },
  maxBodyBytes: {
    env: "NEWSDESK_MAX_BODY_BYTES",
    default: String(10 * 1024 * 1024),
    parse: int(1024, 1024 * 1024 * 1024),
    doc: "Largest response body accepted from a feed or page; larger ones are refused while streaming.",
  },
  pageConcurrency: {
    env: "NEWSDESK_PAGE_CONCURRENCY",
    default: "4",
    parse: int(1, 64),
    doc: "How many article pages one refresh fetches at the same time.",
  },
  maxItemsPerFetch: {
    env: "NEWSDESK_MAX_ITEMS_PER_FETCH",
    default: "200",
    parse: int(1, 100_000),
    doc: "New or edited items taken from one fetch of a feed; the rest wait for the next poll, which comes at the shortest interval while items wait.",
  },
  storyWindowHours: {
    env: "NEWSDESK_STORY_WINDOW_HOURS",
    default: "72",
    parse: int(1, 24 * 30),
    doc: "A story takes new reports while its last report is at most this many hours older than the new one; after that, related coverage starts a new story.",
  },
  pageArchiveDays: {
    env: "NEWSDESK_PAGE_ARCHIVE_DAYS",
    default: "30",
    parse: int(0, 3650),
    doc: "Days each fetched article page is kept (compressed) so `newsdesk reextract` can rebuild articles after an upgrade; 0 keeps none.",
  },
  pageArchiveMaxBytes: {
    env: "NEWSDESK_PAGE_ARCHIVE_MAX_BYTES",
    default: String(2 * 1024 * 1024),
    parse: int(0, 1024 * 1024 * 1024),
    doc: "Pages larger than this (before compression) are not kept for re-extraction.",
  },
  userAgent: {
    env: "NEWSDESK_USER_AGENT",
    default: "Newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)",
    parse: text,
    doc: "User-Agent sent with every request; include a contact URL for publishers.",
  },
  secret: {
    env: "NEWSDESK_SECRET",
    default: "",
    parse: siteSecretKey,
    secret: true,
    doc: "Key for the site's keyed hashes (avatars, duplicate checks), signed links (deleting one's comments) and CSRF tokens. Empty: a random key is made on first run and kept in the database, shared by every process. Changing it invalidates sent links and signs everyone out.",
  },
  trustProxy: {
    env: "NEWSDESK_TRUST_PROXY",
    default: "",
    parse: text,
    doc: "Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (comma-separated IPs or CIDRs, as Fastify's trustProxy takes them). Empty: the connecting address is the client, as it must be when Newsdesk faces the internet directly; per-IP limits and moderation rules need the real client address.",
  },
  commentsCloseAfterDays: {
    env: "NEWSDESK_COMMENTS_CLOSE_AFTER_DAYS",
    default: "0",
    parse: int(0, 36500),
    doc: "Comments close on an article this many days after it was published; 0 keeps them open (an operator can still close one article).",
  },
  commentMaxDepth: {
    env: "NEWSDESK_COMMENT_MAX_DEPTH",
    default: "4",
    parse: int(1, 10),
    doc: "Levels of threading: 1 allows no replies to comments; a reply deeper than this joins its parent's level.",
  },
  commentMaxChars: {
    env: "NEWSDESK_COMMENT_MAX_CHARS",
    default: "5000",
    parse: int(100, 100000),
    doc: "Longest comment accepted, in characters.",
  },
  commentMaxLinks: {
    env: "NEWSDESK_COMMENT_MAX_LINKS",
    default: "2",
    parse: int(0, 100),
    doc: "A comment with more links than this waits for a moderator, whoever wrote it.",
  },
  commentMinSeconds: {
    env: "NEWSDESK_COMMENT_MIN_SECONDS",
    default: "3",
    parse: int(0, 3600),
    doc: "A comment sent sooner than this after its form was served is refused as a robot's.",
  },
  commentRatePerIp: {
    env: "NEWSDESK_COMMENT_RATE_PER_IP",
    default: "5",
    parse: int(1, 10000),
    doc: "Comments one network address may send in 10 minutes; more are refused with 429 and not stored.",
  },
  commentRatePerEmail: {
    env: "NEWSDESK_COMMENT_RATE_PER_EMAIL",
    default: "5",
    parse: int(1, 10000),
    doc: "Comments one email address may send in 10 minutes; more are refused with 429 and not stored.",
  },
  akismetKey: {
    env: "NEWSDESK_AKISMET_KEY",
    default: "",
    parse: text,
    secret: true,
    doc: "API key of an Akismet-compatible spam service; empty (the default) sends comments to no third party.",
  },
  akismetUrl: {
    env: "NEWSDESK_AKISMET_URL",
    default: "https://rest.akismet.com/1.1",
    parse: text,
    doc: "Base URL of the Akismet-compatible service (its comment-check is POSTed to <url>/comment-check).",
  },
  smtpUrl: {
    env: "NEWSDESK_SMTP_URL",
    default: "",
    parse: text,
    secret: true,
    doc: "SMTP server for notifications and comment-deletion links, e.g. smtp://user:pass@mail.example.org:587 (smtps:// for implicit TLS). Empty: no email is sent (links to delete one's comments are then not offered).",
  },
  mailFrom: {
    env: "NEWSDESK_MAIL_FROM",
    default: "Newsdesk <newsdesk@localhost>",
    parse: text,
    doc: "From address of the email Newsdesk sends.",
  },
  mailPerAddressPerHour: {
    env: "NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR",
    default: "3",
    parse: int(1, 1000),
    doc: "Most emails sent to one address in an hour (reply notices, deletion links), so the comment form cannot bomb an inbox.",
  },
  notifyModerators: {
    env: "NEWSDESK_NOTIFY_MODERATORS",
    default: "1",
    parse: int(0, 1),
    doc: "1: moderators get an email when a comment waits in the queue (at most one an hour each); 0: none.",
  },
  sessionDays: {
    env: "NEWSDESK_SESSION_DAYS",
    default: "14",
    parse: int(1, 365),
    doc: "A moderator's sign-in lasts this many days without use.",
  },
  signinMaxFailures: {
    env: "NEWSDESK_SIGNIN_MAX_FAILURES",
    default: "5",
    parse: int(1, 100),
    doc: "Wrong passwords in a row before an account is locked for NEWSDESK_SIGNIN_LOCK_MINUTES.",
  },
  signinLockMinutes: {
    env: "NEWSDESK_SIGNIN_LOCK_MINUTES",
    default: "15",
    parse: int(1, 1440),
    doc: "How long an account stays locked after too many wrong passwords.",
  },
  logLevel: {
    env: "LOG_LEVEL",
    default: "info",
    parse: logLevel,
    doc: "pino log level: fatal, error, warn, info, debug, trace or silent.",
  },
} as const satisfies Record<string, SettingSpec<unknown>>;

export type SettingName = keyof typeof settings;
