/** @module The one documented table of Newsdesk settings: env var, default, parser, and why. */

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
  siteTitle: {
    env: "NEWSDESK_SITE_TITLE",
    default: "Newsdesk",
    parse: text,
    doc: "Name shown in the page header and titles.",
  },
  demoPort: {
    env: "NEWSDESK_DEMO_PORT",
    default: "8090",
    parse: int(0, 65535),
    doc: "Port of the demo newsroom's local origin (`serve --demo`, `demo`). Fixed so stored demo feed URLs stay valid across restarts.",
  },
  fetchIntervalMinutes: {
    env: "NEWSDESK_FETCH_INTERVAL_MINUTES",
    default: "15",
    parse: int(1, 10080),
    doc: "How often each source is polled.",
  },
  fetchTimeoutMs: {
    env: "NEWSDESK_FETCH_TIMEOUT_MS",
    default: "20000",
    parse: int(100, 600000),
    doc: "Total time allowed for one HTTP fetch (connect, headers and body).",
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
  userAgent: {
    env: "NEWSDESK_USER_AGENT",
    default: "Newsdesk/0.1 (+https://github.com/newsdesk/newsdesk)",
    parse: text,
    doc: "User-Agent sent with every request; include a contact URL for publishers.",
  },
  logLevel: {
    env: "LOG_LEVEL",
    default: "info",
    parse: logLevel,
    doc: "pino log level: fatal, error, warn, info, debug, trace or silent.",
  },
} as const satisfies Record<string, SettingSpec<unknown>>;

export type SettingName = keyof typeof settings;
