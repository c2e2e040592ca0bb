/**
 * @module Stores the WebSub pushes the web process kept (websub/callback.ts): each parsed and its
 * items stored like a poll's (storeFeedItems, pages fetched), then forgotten. Run by `serve`'s
 * fetcher process every few seconds on SQLite and by the queue's `store_pushes` job on PostgreSQL.
 */
import { NewsdeskError, oneLine } from "../errors.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import { decodeText } from "../fetch/decode-text.ts";
import { findSourceById, markSourcesDue } from "../storage/sources.ts";
import { dropPush, waitingPushes } from "../storage/websub-pushes.ts";
import { type StoreDeps, storeFeedItems, storeLogFields } from "./store-feed-items.ts";

/** Pushes read per batch; a run keeps going until none wait. */
const BATCH = 20;

/** Stores every waiting push, oldest first; returns how many were handled. */
export async function storeWaitingPushes(deps: StoreDeps): Promise<number> {
  const { db, log } = deps;
  let handled = 0;
  let after = 0;
  for (;;) {
    const batch = await waitingPushes(db, after, BATCH);
    if (batch.length === 0) return handled;
    for (const push of batch) {
      after = push.id;
      const source = await findSourceById(db, push.sourceId);
      try {
        if (source && source.disabled_at === null) {
          const feed = parseFeed(decodeText(push.body, push.contentType), source.websub_topic ?? source.url);
          const stored = await storeFeedItems(source, feed, deps);
          // Items over the per-fetch cap are fetched by the next poll: make it due now.
          if (stored.deferred > 0) await markSourcesDue(db, [source.url], new Date().toISOString());
          log.info(storeLogFields(source.id, feed, stored), "websub push stored");
        }
      } catch (err) {
        if (!(err instanceof NewsdeskError)) {
          // Anything else (a database error) leaves the push for the next run, without holding up the
          // pushes after it in this one.
          log.error(
            { source_id: push.sourceId, error: oneLine(err) },
            "websub push not stored; kept for the next run",
          );
          continue;
        }
        // A signed push that is not a feed will not become one by trying again; polling still runs.
        log.warn(
          { source_id: push.sourceId, error_kind: err.id, error: oneLine(err) },
          "websub push unreadable",
        );
      }
      // Stored, unreadable, or its source gone: done with it.
      await dropPush(db, push.id);
      handled++;
    }
  }
}
