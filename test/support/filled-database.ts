/**
 * @module A database with a row in every table, written through the product's own storage functions
 * as ingest, the comment form, the admin area and the CLI write them: for tests that copy or back up
 * a whole database and compare what the site shows.
 */
import { gzipSync } from "node:zlib";
import { placeReply } from "../../src/comments/thread.ts";
import { clusterRequest } from "../../src/ingest/cluster-request.ts";
import { insertArticle, reviseArticle } from "../../src/storage/articles.ts";
import { closeComments } from "../../src/storage/comment-moderation.ts";
import { addRule } from "../../src/storage/comment-rules.ts";
import { insertComment } from "../../src/storage/comment-writes.ts";
import type { Db } from "../../src/storage/db.ts";
import { useFormToken } from "../../src/storage/form-tokens.ts";
import { claimMail, dueMail, enqueueMail } from "../../src/storage/mail-outbox.ts";
import { beatQueueWorker } from "../../src/storage/queue-workers.ts";
import { recordRateEvent } from "../../src/storage/rate-events.ts";
import { siteSecret } from "../../src/storage/secrets.ts";
import { createSession } from "../../src/storage/sessions.ts";
import { insertSource, updateSourceLabels, updateSourceSettings } from "../../src/storage/sources.ts";
import { createUser } from "../../src/storage/users.ts";
import { keepPush } from "../../src/storage/websub-pushes.ts";
import { newCommentInput } from "./comments.ts";
import { bareFeedItem } from "./news-fixtures.ts";
import { FIRE, FIRE_LATER, FIRE_REPRINT, type StoryText, storyTextArticle } from "./story-texts.ts";
import { seedWhoSaidWhat, type WhoSaidWhatWorld } from "./who-said-what.ts";

const T0 = Date.parse("2026-11-20T10:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const NOW = new Date(at(120));

export interface FilledDatabase {
  world: WhoSaidWhatWorld;
  /** The wire report: a story of three outlets, statements, comments with a reply, a revision. */
  articleId: number;
  /** The article whose page was kept (gzip bytes). */
  keptPageArticleId: number;
  /** A word of the wire report's headline, for search. */
  searchWord: string;
}

/** Fills a migrated database `db`; every table the migrations create gets at least one row. */
export async function fillDatabase(db: Db): Promise<FilledDatabase> {
  const k = db.kysely;
  const world = await seedWhoSaidWhat(k, at);
  const articleId = world.ids.wire;
  await updateSourceLabels(k, world.sources.wire, { country: "GB", kind: "wire" });
  await updateSourceSettings(k, world.sources.gazette, {
    ignoreRobots: true,
    displayMode: "full",
    extractInclude: "article .body",
  });

  // Stories by clustering, with a reprint and a merge (a late report bridging two stories: a redirect).
  const outlets = new Map<string, number>();
  const file = async (r: StoryText, hours: number) => {
    let sourceId = outlets.get(r.outlet);
    if (sourceId === undefined) {
      const url = `https://${r.outlet.toLowerCase().replace(/\W+/g, "-")}.test/feed.xml`;
      sourceId = (await insertSource(k, url, at(-600), { title: r.outlet })).source.id;
      outlets.set(r.outlet, sourceId);
    }
    // The fixture's own hours moved: the reprint and the late report land where this world needs them.
    const row = storyTextArticle(
      sourceId,
      { ...r, hours },
      Date.parse("2026-11-17T23:45:00.000Z"),
      "outlet.test",
    );
    await insertArticle(k, row, ["Fire"], { cluster: clusterRequest(row, { storyWindowHours: 12 }) });
  };
  await file(FIRE[0]!, 0);
  await file(FIRE_REPRINT, 3);
  await file(FIRE[1]!, 13);
  await file(FIRE[2]!, 26);
  await file(FIRE_LATER[0]!, 20);

  // A person first known by surname, then by full name: the surname's address redirects.
  const gazette = world.sources.gazette;
  for (const [guid, source] of [
    ["marsh-1", "Marsh"],
    ["marsh-2", "Delia Marsh"],
  ] as const) {
    const text = `"The roof went first," ${source} said.`;
    await insertArticle(
      k,
      {
        source_id: gazette,
        guid,
        url: `https://wsw2.test/${guid}`,
        title: `Chief on the fire (${guid})`,
        body_html: `<p>${text}</p>`,
        text,
        published_at: at(10),
        fetched_at: at(10),
        created_at: at(10),
        updated_at: at(10),
      },
      [],
      {
        statements: [
          {
            source,
            mentions: [source],
            statement: "The roof went first",
            start: 1,
            end: 20,
            kind: "direct",
            verb: "said",
          },
        ],
      },
    );
  }

  // A kept page: gzip bytes (not text) with the feed item that led to it.
  const html = Buffer.from("<html><body><article><h1>Kept — café</h1><p>Text.</p></article></body></html>");
  const keptGuid = "kept-page";
  await insertArticle(
    k,
    {
      source_id: gazette,
      guid: keptGuid,
      url: `https://wsw2.test/${keptGuid}`,
      title: "Kept — café",
      body_html: "<p>Text.</p>",
      text: "Text.",
      published_at: at(20),
      fetched_at: at(20),
      created_at: at(20),
      updated_at: at(20),
    },
    [],
    {
      feed: { digest: "digest-1", bodyFromPage: true },
      page: {
        url: `https://wsw2.test/${keptGuid}`,
        contentType: "text/html; charset=utf-8",
        fetchedAt: at(20),
        size: html.byteLength,
        gzip: gzipSync(html),
        item: bareFeedItem(keptGuid, `https://wsw2.test/${keptGuid}`, {
          title: { value: "Kept — café", type: "text" },
        }),
      },
    },
  );
  // An article stored from its feed's text whose page failed for a passing reason: a retry waits.
  const retryGuid = "page-retry";
  await insertArticle(
    k,
    {
      source_id: gazette,
      guid: retryGuid,
      url: `https://wsw2.test/${retryGuid}`,
      title: "Stored from the feed",
      body_html: "<p>The feed's summary.</p>",
      text: "The feed's summary.",
      published_at: at(30),
      fetched_at: at(30),
      created_at: at(30),
      updated_at: at(30),
    },
    [],
    {
      feed: { digest: "digest-2", bodyFromPage: false },
      pageRetry: {
        item: bareFeedItem(retryGuid, `https://wsw2.test/${retryGuid}`, {
          summary: { value: "The feed's summary.", type: "text" },
        }),
        nextAttemptAt: at(31),
        error: "fetch: http://wsw2.test/page-retry answered HTTP 503",
      },
    },
  );
  const kept = await k
    .selectFrom("articles")
    .select("id")
    .where("guid", "=", keptGuid)
    .executeTakeFirstOrThrow();

  // A publisher's edit: the earlier headline is kept as a revision.
  await reviseArticle(
    k,
    world.ids.herald,
    {
      title: "Ministry confirms grain shipments will resume",
      revisedAt: at(100),
      feed: { digest: "d2", bodyFromPage: false },
    },
    at(100),
  );

  // Comments: a thread with a reply, one held, one spam; comments closed on another article.
  const place = (p: Parameters<typeof placeReply>[0]) => placeReply(p, 4);
  const top = await insertComment(
    k,
    newCommentInput(articleId, { name: "Ann", bodySource: "First!", bodyHtml: "<p>First!</p>" }),
    place,
    NOW,
  );
  if (!top.ok) throw new Error("the top comment was not stored");
  await insertComment(
    k,
    newCommentInput(articleId, { parentId: top.id, name: "Bo", email: "bo@example.org", notify: true }),
    place,
    NOW,
  );
  await insertComment(
    k,
    newCommentInput(articleId, {
      status: "pending",
      heldReasons: ["links"],
      ip: "192.0.2.7",
      userAgent: "UA",
    }),
    place,
    NOW,
  );
  await insertComment(k, newCommentInput(articleId, { status: "spam" }), place, NOW);
  await closeComments(k, world.ids.archive, true);
  await addRule(k, { kind: "word", value: "casino", action: "spam" }, NOW);

  // Accounts, a session, the site secret, queued mail, limits' events, a used form token.
  const user = await createUser(
    k,
    {
      email: "mod@example.org",
      name: "Mo",
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
      role: "moderator",
    },
    NOW,
  );
  await createSession(
    k,
    { tokenHash: "f".repeat(64), userId: user.id, ip: "192.0.2.1", userAgent: "UA" },
    NOW,
    14,
  );
  await siteSecret(k, { secret: "" });
  await enqueueMail(k, { to: "bo@example.org", subject: "A reply", text: "Ann replied." }, NOW);
  // A second one claimed by a sender mid-send, so a copy carries the claim column's values too.
  await enqueueMail(k, { to: "mo@example.org", subject: "Comments wait", text: "2 comments." }, NOW);
  const claimed = (await dueMail(k, NOW)).find((m) => m.to === "mo@example.org");
  await claimMail(k, claimed!.id, NOW, NOW);
  await recordRateEvent(k, "signin-ip", "192.0.2.1", NOW);
  await useFormToken(k, "nonce-1", NOW);
  await beatQueueWorker(k, { poolId: "pool-filled", host: "db.example", pid: 42 });
  // The shared per-host limits (PostgreSQL's workers write them; plain rows serve here).
  await k
    .insertInto("host_slots")
    .values({ host: "outlet.test", slot: 0, holder: null, held_until: null })
    .execute();
  await k.insertInto("host_pace").values({ host: "outlet.test", next_start: NOW.getTime() }).execute();
  const [pushSource] = outlets.values();
  await keepPush(
    k,
    { sourceId: pushSource!, body: Buffer.from("<rss/>"), contentType: "application/rss+xml" },
    NOW,
  );
  return { world, articleId, keptPageArticleId: Number(kept.id), searchWord: "grain" };
}
