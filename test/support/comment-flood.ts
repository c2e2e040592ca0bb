/**
 * @module Comments posted through the real form of a `newsdesk serve` child, by several posters at
 * once, for the tests and benches that kill the server or its database under them: an article with
 * approved comments to reply to, the form's POST, and a flood that records what was acknowledged.
 */
import { commentContentHash } from "../../src/comments/content-hash.ts";
import { makeFormToken } from "../../src/comments/form-token.ts";
import { renderCommentBody } from "../../src/comments/render-body.ts";
import { placeReply } from "../../src/comments/thread.ts";
import { insertArticle } from "../../src/storage/articles.ts";
import { insertComment } from "../../src/storage/comment-writes.ts";
import type { Db } from "../../src/storage/db.ts";
import { insertSource } from "../../src/storage/sources.ts";
import { newArticle, T0 } from "./articles.ts";
import { ownBrowserCookie } from "./comments.ts";

export const FLOOD_SECRET = "kill-test-secret-0123456789abcdef0123456789";
export const FLOOD_MAX_DEPTH = 3;

/** serve's settings for a flood: limits out of the way (the posters are one address), tokens we can make. */
export const FLOOD_ENV = {
  NEWSDESK_SECRET: FLOOD_SECRET,
  NEWSDESK_COMMENT_MIN_SECONDS: "0",
  NEWSDESK_COMMENT_RATE_PER_IP: "10000",
  NEWSDESK_COMMENT_RATE_PER_EMAIL: "10000",
  NEWSDESK_COMMENT_MAX_DEPTH: String(FLOOD_MAX_DEPTH),
  NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
};

const email = (poster: number) => `poster${poster}@example.test`;

/**
 * An article with one approved comment per poster's address (so theirs are approved at once) and a
 * few approved replies; returns the article and the approved comments' ids.
 */
export async function seedFloodArticle(
  db: Db,
  posters: number,
): Promise<{ articleId: number; approved: number[] }> {
  const k = db.kysely;
  const { source } = await insertSource(k, "https://kill.test/feed.xml", T0);
  await insertArticle(k, newArticle(source.id, "kill", T0, { title: "Kill test" }));
  const articleId = Number(
    (await k.selectFrom("articles").select("id").where("guid", "=", "kill").executeTakeFirstOrThrow()).id,
  );
  const approved: number[] = [];
  for (let i = 0; i < posters + 4; i++) {
    const body = `Approved before the kill, number ${i}`;
    const r = await insertComment(
      k,
      {
        articleId,
        parentId: i >= posters ? (approved[i - posters] ?? null) : null,
        name: `Poster ${i % posters}`,
        email: email(i % posters),
        website: null,
        bodySource: body,
        bodyHtml: renderCommentBody(body),
        status: "approved",
        heldReasons: [],
        ip: "127.0.0.1",
        userAgent: null,
        contentHash: commentContentHash(FLOOD_SECRET, body, articleId),
        notify: false,
      },
      (p) => placeReply(p, FLOOD_MAX_DEPTH),
      new Date(),
    );
    if (!r.ok) throw new Error(`seed comment ${i} not stored`);
    approved.push(r.id);
  }
  return { articleId, approved };
}

/** The article page's own path (`/articles/<id>-<slug>`), from the redirect its bare id gets. */
export async function articlePath(base: string, articleId: number): Promise<string> {
  const res = await fetch(`${base}/articles/${articleId}`, { redirect: "manual" });
  await res.arrayBuffer();
  return new URL(res.headers.get("location") ?? "", base).pathname;
}

/** Posts one comment as `poster` from their own browser; the status and the stored comment's id (0 if none). */
export async function postComment(
  base: string,
  path: string,
  articleId: number,
  post: { poster: number; body: string; parent: number | null },
): Promise<{ status: number; id: number; text: string }> {
  const res = await fetch(`${base}${path}/comments`, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      cookie: ownBrowserCookie(FLOOD_SECRET, email(post.poster)),
    },
    body: new URLSearchParams({
      name: `Poster ${post.poster}`,
      email: email(post.poster),
      comment: post.body,
      parent: post.parent === null ? "" : String(post.parent),
      token: makeFormToken(FLOOD_SECRET, articleId, new Date()),
    }).toString(),
  });
  const text = await res.text();
  const id = Number(/#comment-(\d+)$/.exec(res.headers.get("location") ?? "")?.[1] ?? 0);
  return { status: res.status, id, text };
}

export interface Flood {
  /** Comments the server acknowledged (303 to the comment), by id: their text. */
  acked: Map<number, string>;
  sent(): number;
  /** Stops posting: posts in flight then are unacknowledged, whatever becomes of them. Throws a poster's failure. */
  stop(): Promise<void>;
  /** A poster's unexpected answer, as soon as it happens. */
  failure(): unknown;
}

/**
 * `posters` posters each sending comments one after another, two in three of them replies to a
 * comment known to be approved (`parents`, which grows with theirs). `round` tells rounds' texts apart.
 */
export function startFlood(
  base: string,
  path: string,
  articleId: number,
  opts: { posters: number; parents: number[]; round: number; acked?: Map<number, string> },
): Flood {
  const acked = opts.acked ?? new Map<number, string>();
  const { parents } = opts;
  let sent = 0;
  let stopped = false;
  let failed: unknown;
  const poster = async (p: number) => {
    for (let n = 0; !stopped; n++) {
      const body = `Round ${opts.round} poster ${p} comment ${n}: *concurrent* text with a link https://example.test/${p}/${n}`;
      const parent = n % 3 === 0 ? null : (parents[(p * 7 + n) % parents.length] ?? null);
      sent++;
      try {
        const res = await postComment(base, path, articleId, { poster: p, body, parent });
        if (res.status !== 303 || res.id <= 0)
          throw new Error(`poster ${p}: ${res.status}, not approved at once`);
        acked.set(res.id, body);
        parents.push(res.id);
      } catch (err) {
        if (stopped) return; // the server is gone: this post was in flight, unacknowledged
        failed ??= err;
        return;
      }
    }
  };
  const running = Promise.all(Array.from({ length: opts.posters }, (_, p) => poster(p)));
  return {
    acked,
    sent: () => sent,
    failure: () => failed,
    async stop() {
      stopped = true;
      await running;
      if (failed) throw failed;
    },
  };
}
