/** @module Turns whatever went wrong during a fetch into a classified NewsdeskError an operator can act on. */
import { type ErrorId, NewsdeskError } from "../errors.ts";

const TLS_CODES =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;
const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

/** The first NewsdeskError in an error's cause chain (the address guard's refusal travels inside undici's error). */
function findOwnError(err: unknown): NewsdeskError | null {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof NewsdeskError) return e;
  }
  return null;
}

function codeOf(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR_SOCKET" && code !== "UND_ERR_ABORTED") return code;
  }
  return "";
}

/** Classifies a failure from undici, the resolver or our own checks into one NewsdeskError. */
export function toFetchError(err: unknown, url: string, timeouts: { totalMs: number }): NewsdeskError {
  const own = findOwnError(err);
  if (own) return own;
  const e = err as { name?: string; message?: string };
  const code = codeOf(err);
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (e.name === "TimeoutError" || e.name === "AbortError" || TIMEOUT_CODES.has(code)) {
    const what =
      code === "UND_ERR_CONNECT_TIMEOUT"
        ? "could not connect in time"
        : code === "UND_ERR_HEADERS_TIMEOUT"
          ? "sent no response headers in time"
          : code === "UND_ERR_BODY_TIMEOUT"
            ? "stopped sending the body"
            : `did not finish answering within ${timeouts.totalMs} ms`;
    return new NewsdeskError("fetch.timeout", `fetch: ${host} ${what} (${url})`, { cause: err });
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || code === "ENODATA") {
    return new NewsdeskError(
      "fetch.dns",
      `fetch: the name ${host} could not be resolved (${code}); check the address for typos`,
      { cause: err },
    );
  }
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return new NewsdeskError("fetch.refused", `fetch: ${host} refused or dropped the connection (${code})`, {
      cause: err,
    });
  }
  if (TLS_CODES.test(code)) {
    return new NewsdeskError("fetch.tls", `fetch: ${host} has a TLS/certificate problem (${code})`, {
      cause: err,
    });
  }
  const detail = code ? `${e.message ?? String(err)} (${code})` : (e.message ?? String(err));
  return new NewsdeskError("fetch.network", `fetch: could not fetch ${url}: ${detail}`, { cause: err });
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Signs that an answer is a bot-protection challenge rather than the page (Cloudflare, AWS WAF, DataDome, PerimeterX, Imperva). */
const CHALLENGE_BODY =
  /<title>\s*(just a moment|attention required|access denied)|challenge-platform|cf-chl-|captcha-delivery\.com|px-captcha|_incapsula_resource|enable javascript and cookies to continue/i;

/** True when the response is a bot check, so the error can say so instead of a bare 403 or 503. */
export function isBotChallenge(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  bodyStart: string,
): boolean {
  const h = (name: string) => String(headers[name] ?? "").toLowerCase();
  if (h("cf-mitigated") === "challenge") return true;
  if (["captcha", "challenge"].includes(h("x-amzn-waf-action"))) return true;
  if (headers["x-datadome"] !== undefined && status === 403) return true;
  return (status === 403 || status === 429 || status === 503) && CHALLENGE_BODY.test(bodyStart);
}

/** Kinds of failure that pass: see isTransientFetchError. */
const TRANSIENT_KINDS: ReadonlySet<ErrorId> = new Set<ErrorId>([
  "fetch.timeout",
  "fetch.network",
  "fetch.refused",
  "fetch.dns",
  "fetch.robots_unreachable",
]);

/** Request Timeout, Too Early, Too Many Requests: the client's request was fine, only its moment was not. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 425, 429]);

/**
 * Failures that say "not now" rather than "not this": the network or the server failing for a while
 * (a timeout, a dropped or refused connection, a name that did not resolve, a robots.txt that could not
 * be fetched) and statuses that ask us to come back: 408, 425, 429 and 5xx. Asking again later may
 * succeed. Everything else is the page's or our own answer for good: a 404 or 410, a 403, an address
 * the guard refuses, robots.txt disallowing it, a page too large or of another type, a TLS problem (a
 * certificate is fixed by its owner, not by waiting), and a bot challenge (it answers our client the
 * same way until the publisher lets it in; asking again only looks more like the bot it suspects).
 */
export function isTransientFetchError(err: unknown): boolean {
  if (!(err instanceof NewsdeskError)) return false;
  if (err.id === "fetch.http_status")
    return TRANSIENT_STATUSES.has(err.status) || (err.status >= 500 && err.status <= 599);
  return TRANSIENT_KINDS.has(err.id);
}
