/** @module WebSub subscriber (W3C Recommendation): subscribe at the hub a feed advertises, renew before the lease ends. */
import type { Config } from "../config/config.ts";
import { NewsdeskError, oneLine } from "../errors.ts";
import type { ParsedFeed } from "../feeds/types.ts";
import { linksWithRel } from "../fetch/link-header.ts";
import type { Source } from "../storage/schema.ts";
import { markWebsubExpired, markWebsubFailed, markWebsubRequested } from "../storage/sources.ts";
import { randomHex } from "../websub/auth.ts";
import { LEASE_SECONDS } from "../websub/lease.ts";
import type { StoreDeps } from "./store-feed-items.ts";

export { LEASE_SECONDS };

/** A lease ending sooner than this is renewed at the next poll. */
const RENEW_WITHIN_MS = 24 * 60 * 60 * 1000;
/** A request the hub never verified, or one that failed, is not repeated sooner than this. */
const RETRY_AFTER_MS = 60 * 60 * 1000;
/** A hub that denied a subscription is asked again no sooner than this. */
const RETRY_AFTER_DENIAL_MS = 24 * 60 * 60 * 1000;

export interface WebsubTarget {
  hub: string;
  /** The feed's rel=self URL, which the hub knows it by. */
  topic: string;
}

/**
 * Where to subscribe: the Link header first (the Recommendation's order), then the feed's own links.
 * A 304 carries no feed to read, so then the source's current hub and topic are kept; a feed that
 * no longer advertises a hub gives none, and its lease is left to run out.
 */
export function websubTarget(
  source: Source,
  feed: ParsedFeed | null,
  linkHeader: string | null,
  baseUrl: string,
): WebsubTarget | null {
  const hub = linksWithRel(linkHeader, "hub", baseUrl)[0] ?? feed?.hubs.find(isHttpUrl);
  const self = linksWithRel(linkHeader, "self", baseUrl)[0] ?? feed?.selfUrl ?? null;
  if (hub) return { hub, topic: self && isHttpUrl(self) ? self : source.url };
  if (!feed && source.websub_hub && source.websub_topic) {
    return { hub: source.websub_hub, topic: source.websub_topic };
  }
  return null;
}

function isHttpUrl(raw: string): boolean {
  return /^https?:\/\//i.test(raw);
}

/** True while a hub has verified a subscription whose lease has not ended. */
export function hasActiveLease(source: Source, now: Date): boolean {
  return source.websub_state === "active" && Date.parse(source.websub_lease_until ?? "") > now.getTime();
}

/**
 * Minutes until the next poll: the learned interval, or while a hub pushes new items, the longest
 * interval (polling is only the safety net then) but no later than the lease's end.
 */
export function pollMinutesWithLease(
  source: Source,
  intervalMinutes: number,
  now: Date,
  config: Config,
): number {
  if (!hasActiveLease(source, now)) return intervalMinutes;
  const untilLeaseEnd = (Date.parse(source.websub_lease_until ?? "") - now.getTime()) / 60_000;
  return Math.min(config.pollMaxMinutes, untilLeaseEnd);
}

/** Whether to send a request now: a new hub or topic, no lease or one ending soon, and not asked too recently. */
function wantsRequest(source: Source, target: WebsubTarget, now: Date): boolean {
  if (source.websub_hub !== target.hub || source.websub_topic !== target.topic) return true;
  const leaseLeft = Date.parse(source.websub_lease_until ?? "") - now.getTime();
  if (source.websub_state === "active" && leaseLeft > RENEW_WITHIN_MS) return false;
  if (!source.websub_requested_at) return true;
  const sinceRequest = now.getTime() - Date.parse(source.websub_requested_at);
  return sinceRequest >= (source.websub_state === "denied" ? RETRY_AFTER_DENIAL_MS : RETRY_AFTER_MS);
}

/**
 * After a successful poll: when NEWSDESK_PUBLIC_URL is set and the feed advertises a hub, asks the
 * hub to push the feed to /websub/:sourceId/:token (unless a lease lasts more than a day yet). The
 * hub then verifies at that URL (web/handlers/websub.ts). A lease that has passed is ended here,
 * so the source is polled as usual again. Never throws: failures are logged and kept in websub_error.
 */
export async function subscribeToHub(
  source: Source,
  target: WebsubTarget | null,
  deps: StoreDeps,
  now: Date,
): Promise<void> {
  const { db, config, log, fetcher } = deps;
  try {
    let current = source;
    if (source.websub_state === "active" && !hasActiveLease(source, now)) {
      await markWebsubExpired(db, source.id, now.toISOString());
      current = { ...source, websub_state: "expired" };
      log.info({ source_id: source.id, hub: source.websub_hub }, "websub lease ended, polling again");
    }
    if (!config.publicUrl || !target || !wantsRequest(current, target, now)) return;
    // A renewal at the same hub keeps the secret and callback, so pushes signed meanwhile still verify.
    const sameHub = current.websub_hub === target.hub && current.websub_secret && current.websub_token;
    const secret = sameHub ? current.websub_secret! : randomHex(32);
    const token = sameHub ? current.websub_token! : randomHex(16);
    await markWebsubRequested(db, source.id, {
      ...target,
      secret,
      token,
      state: hasActiveLease(current, now) ? "active" : "subscribing",
      now: now.toISOString(),
    });
    const form = new URLSearchParams({
      "hub.mode": "subscribe",
      "hub.topic": target.topic,
      "hub.callback": `${config.publicUrl}/websub/${source.id}/${token}`,
      "hub.secret": secret,
      "hub.lease_seconds": String(LEASE_SECONDS),
    });
    await fetcher.fetch(target.hub, {
      method: "POST",
      body: form.toString(),
      contentType: "application/x-www-form-urlencoded",
      maxBytes: 64 * 1024,
    });
    log.info({ source_id: source.id, hub: target.hub, topic: target.topic }, "websub subscription requested");
  } catch (err) {
    const error = `websub: could not subscribe at ${target?.hub ?? "the hub"}: ${oneLine(err)}`;
    log.warn(
      { source_id: source.id, error_kind: err instanceof NewsdeskError ? err.id : "internal", error },
      "websub subscription failed",
    );
    // The poll itself is already recorded as a success; a database hiccup here must not undo that.
    await markWebsubFailed(db, source.id, error.slice(0, 500)).catch(() => {});
  }
}
