/** @module The hub's calls to our WebSub callback: intent verification and content distribution. */
import type { Kysely } from "kysely";
import { NewsdeskError, oneLine } from "../errors.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import { decodeText } from "../fetch/decode-text.ts";
import type { Logger } from "../log.ts";
import type { Database, Source } from "../storage/schema.ts";
import { findSourceById, markSourcesDue, markWebsubActive, markWebsubDenied } from "../storage/sources.ts";
import { type StoreDeps, storeFeedItems } from "./store-feed-items.ts";
import { LEASE_SECONDS } from "./websub.ts";
import { sameToken, signatureMatches } from "./websub-auth.ts";

/** Longest lease taken at its word; a larger one is stored as this. */
const MAX_LEASE_SECONDS = 365 * 24 * 60 * 60;

export interface IntentQuery {
  mode: string | undefined;
  topic: string | undefined;
  challenge: string | undefined;
  leaseSeconds: string | undefined;
  reason: string | undefined;
}

/** The source a callback URL belongs to, if its token is the one we gave that source's hub. */
async function findCallbackSource(
  db: Kysely<Database>,
  sourceId: string,
  token: string,
): Promise<Source | null> {
  const id = /^\d{1,15}$/.test(sourceId) ? Number(sourceId) : Number.NaN;
  const source = Number.isSafeInteger(id) ? await findSourceById(db, id) : undefined;
  if (!source?.websub_token || !sameToken(token, source.websub_token)) return null;
  return source;
}

/**
 * A hub checks that we asked for what it is about to do. A subscription to the topic we requested
 * is confirmed (the body to answer with is hub.challenge) and its lease stored; a denial is
 * recorded (answered with an empty body). Anything else, including unsubscribing, which Newsdesk
 * never asks for, is refused: null, answered with 404 as the Recommendation says.
 */
export async function confirmIntent(
  deps: { db: Kysely<Database>; log: Logger; now?: () => Date },
  sourceId: string,
  token: string,
  query: IntentQuery,
): Promise<{ body: string } | null> {
  const { db, log } = deps;
  const source = await findCallbackSource(db, sourceId, token);
  if (!source || !query.topic || query.topic !== source.websub_topic) return null;
  if (query.mode === "subscribe" && query.challenge) {
    const asked = Number(query.leaseSeconds);
    // hub.lease_seconds is required; a hub that leaves it out gets what we asked for.
    const lease = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LEASE_SECONDS) : LEASE_SECONDS;
    const now = deps.now?.() ?? new Date();
    const leaseUntil = new Date(now.getTime() + lease * 1000).toISOString();
    await markWebsubActive(db, source.id, leaseUntil);
    log.info(
      { source_id: source.id, hub: source.websub_hub, lease_until: leaseUntil },
      "websub subscription verified",
    );
    return { body: query.challenge };
  }
  if (query.mode === "denied") {
    const reason = oneLine(query.reason ?? "").slice(0, 200);
    await markWebsubDenied(
      db,
      source.id,
      `websub: ${source.websub_hub} denied the subscription${reason ? `: ${reason}` : ""}; the source is polled`,
    );
    log.warn({ source_id: source.id, hub: source.websub_hub, reason }, "websub subscription denied");
    return { body: "" };
  }
  return null;
}

export interface Push {
  body: Buffer;
  contentType: string | null;
  signature: string | null;
}

/**
 * A hub delivers the topic's new content. With a valid X-Hub-Signature its items are stored like a
 * poll's (storeFeedItems); without one the push is ignored and logged, though the caller still
 * acknowledges it, so a forger learns nothing. "unknown" means no such callback (answer 404).
 */
export async function receivePush(
  deps: StoreDeps,
  sourceId: string,
  token: string,
  push: Push,
): Promise<"unknown" | "ignored" | "stored"> {
  const { db, log } = deps;
  const source = await findCallbackSource(db, sourceId, token);
  if (!source?.websub_secret) return "unknown";
  if (!signatureMatches(push.signature, push.body, source.websub_secret)) {
    log.warn(
      { source_id: source.id, signature: push.signature ? "wrong" : "missing", bytes: push.body.length },
      "websub push ignored: bad signature",
    );
    return "ignored";
  }
  try {
    const feed = parseFeed(decodeText(push.body, push.contentType), source.websub_topic ?? source.url);
    const { added, revised, deferred } = await storeFeedItems(source, feed, deps);
    // Items over the per-fetch cap are fetched by the next poll: make it due now.
    if (deferred > 0) await markSourcesDue(db, [source.url], new Date().toISOString());
    log.info(
      {
        source_id: source.id,
        items: feed.items.length,
        added,
        revised,
        ...(deferred > 0 ? { deferred } : {}),
      },
      "websub push stored",
    );
    return "stored";
  } catch (err) {
    // A signed push that is not a feed will not become one when the hub retries it; polling still runs.
    if (!(err instanceof NewsdeskError)) throw err;
    log.warn({ source_id: source.id, error_kind: err.id, error: oneLine(err) }, "websub push unreadable");
    return "ignored";
  }
}
