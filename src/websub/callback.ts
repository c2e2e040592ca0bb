/**
 * @module The hub's calls to our WebSub callback, as the web process answers them: intent
 * verification, and content distribution, whose signed body is kept (storage/websub-pushes.ts) for the
 * fetcher or a queue worker to store (ingest/websub-push.ts). Nothing here parses a feed or opens a
 * connection: the web tier does no heavy or outbound work.
 */
import type { Kysely } from "kysely";
import { oneLine } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { Database, Source } from "../storage/schema.ts";
import { findSourceById, markWebsubActive, markWebsubDenied } from "../storage/sources.ts";
import { keepPush } from "../storage/websub-pushes.ts";
import { sameToken, signatureMatches } from "./auth.ts";
import { LEASE_SECONDS, MAX_LEASE_SECONDS } from "./lease.ts";

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
 * A hub delivers the topic's new content. With a valid X-Hub-Signature the body is kept for storing
 * ("kept"); without one the push is ignored and logged, though the caller still acknowledges it, so a
 * forger learns nothing. "unknown" means no such callback (answer 404).
 */
export async function acceptPush(
  deps: { db: Kysely<Database>; log: Logger; now?: () => Date },
  sourceId: string,
  token: string,
  push: Push,
): Promise<"unknown" | "ignored" | "kept"> {
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
  await keepPush(
    db,
    { sourceId: source.id, body: push.body, contentType: push.contentType },
    deps.now?.() ?? new Date(),
  );
  return "kept";
}
