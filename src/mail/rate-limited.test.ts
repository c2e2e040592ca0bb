/** @module Per-address mail limits and the moderators' queue notice, on both databases. */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, type TestDatabase } from "../../test/support/databases.ts";
import { loadConfig } from "../config/config.ts";
import { insertArticle } from "../storage/articles.ts";
import { type Db, openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import { insertSource } from "../storage/sources.ts";
import { moderatorNotice, notifyModeratorsOfQueue } from "./moderator-notice.ts";
import { enqueueRateLimitedMail } from "./rate-limited.ts";

after(stopTestPostgres);

const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const config = loadConfig({
  NEWSDESK_SMTP_URL: "smtp://127.0.0.1:2525",
  NEWSDESK_SECRET: "rate-limited-test-secret-32-characters",
  NEWSDESK_PUBLIC_URL: "https://news.example.org",
  NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR: "3",
});

for (const { name, make } of bothDatabases) {
  describe(`rate-limited mail on ${name}`, () => {
    let tdb: TestDatabase;
    let db: Db;
    let articleId = 0;
    before(async () => {
      tdb = await make();
      db = openDb(tdb.url);
      await migrateToLatest(db);
      const { source } = await insertSource(db.kysely, "https://gazette.test/feed.xml", T0.toISOString());
      const iso = T0.toISOString();
      await insertArticle(db.kysely, {
        source_id: source.id,
        guid: "g1",
        url: "https://gazette.test/a",
        title: "A",
        body_html: "<p>a</p>",
        text: "a",
        fetched_at: iso,
        created_at: iso,
        updated_at: iso,
      });
      articleId = Number((await db.kysely.selectFrom("articles").select("id").executeTakeFirstOrThrow()).id);
    });
    after(async () => {
      await db?.close();
      await tdb?.drop();
    });
    beforeEach(async () => {
      await db.kysely.deleteFrom("mail_outbox").execute();
      await db.kysely.deleteFrom("rate_events").execute();
      await db.kysely.deleteFrom("comments").execute();
    });

    const queued = () =>
      db.kysely
        .selectFrom("mail_outbox")
        .select(["to_address", "subject", "body_text"])
        .orderBy("id")
        .execute();
    const hold = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await db.kysely
          .insertInto("comments")
          .values({
            article_id: articleId,
            parent_id: null,
            author_name: "Ann",
            author_email: `c${i}@example.org`,
            author_url: null,
            body_html: "<p>x</p>",
            status: "pending",
            author_ip: null,
            user_agent: null,
            content_hash: null,
            held_reasons: null,
            created_at: T0.toISOString(),
            updated_at: null,
            approved_at: null,
          })
          .execute();
      }
    };

    test("an address gets NEWSDESK_MAIL_PER_ADDRESS_PER_HOUR emails an hour; more are dropped; others are separate", async () => {
      const mail = { to: "Ann@Example.org", subject: "Reply\r\nBcc: eve@example.org", text: "t" };
      for (let i = 0; i < 3; i++)
        assert.deepEqual(await enqueueRateLimitedMail(db.kysely, config, mail, at(i)), { queued: true });
      assert.deepEqual(await enqueueRateLimitedMail(db.kysely, config, mail, at(10)), {
        queued: false,
        reason: "rate-limited",
        retryAfterSeconds: 3000,
      });
      assert.deepEqual(
        await enqueueRateLimitedMail(db.kysely, config, { ...mail, to: "bob@example.org" }, at(10)),
        { queued: true },
      );
      assert.deepEqual(await enqueueRateLimitedMail(db.kysely, config, mail, at(60)), { queued: true });
      const rows = await queued();
      assert.equal(rows.length, 5);
      // Stored lower-cased, subject on one line; the rate-limit keys never hold the address.
      assert.equal(rows[0]?.to_address, "ann@example.org");
      assert.equal(rows[0]?.subject, "Reply Bcc: eve@example.org");
      const keys = await db.kysely.selectFrom("rate_events").select(["bucket", "key"]).execute();
      assert.ok(keys.every((k) => k.bucket === "mail-to" && /^[0-9a-f]{64}$/.test(k.key)));
    });

    test("nothing is queued when mail is off or the address is not one mailbox", async () => {
      const off = loadConfig({ NEWSDESK_SECRET: "rate-limited-test-secret-32-characters" });
      assert.deepEqual(
        await enqueueRateLimitedMail(db.kysely, off, { to: "ann@example.org", subject: "s", text: "t" }, T0),
        { queued: false, reason: "mail-off", retryAfterSeconds: 0 },
      );
      for (const to of [
        "ann@example.org\nBcc: eve@example.org",
        "ann@example.org, eve@example.org",
        "Ann <ann@example.org>",
      ]) {
        assert.deepEqual(
          await enqueueRateLimitedMail(db.kysely, config, { to, subject: "s", text: "t" }, T0),
          { queued: false, reason: "bad-address", retryAfterSeconds: 0 },
        );
      }
      assert.equal((await queued()).length, 0);
    });

    test("moderators hear about waiting comments at most once an hour each, with the queue's link", async () => {
      const mods = [{ email: "mod@example.org" }, { email: "chief@example.org" }];
      assert.equal(await notifyModeratorsOfQueue(db.kysely, config, at(0), mods), 0, "nothing waits");
      await hold(2);
      assert.equal(await notifyModeratorsOfQueue(db.kysely, config, at(1), mods), 2);
      await hold(1);
      assert.equal(await notifyModeratorsOfQueue(db.kysely, config, at(30), mods), 0, "within the hour");
      assert.equal(await notifyModeratorsOfQueue(db.kysely, config, at(62), mods), 2);
      const rows = await queued();
      assert.deepEqual(
        rows.map((r) => r.to_address),
        ["mod@example.org", "chief@example.org", "mod@example.org", "chief@example.org"],
      );
      assert.equal(rows[0]?.subject, "2 comments wait for moderation");
      assert.equal(rows[2]?.subject, "3 comments wait for moderation");
      assert.match(
        rows[0]?.body_text ?? "",
        /Review the queue: https:\/\/news\.example\.org\/admin\/comments\n/,
      );
      const quiet = loadConfig({ NEWSDESK_SMTP_URL: config.smtpUrl, NEWSDESK_NOTIFY_MODERATORS: "0" });
      assert.equal(await notifyModeratorsOfQueue(db.kysely, quiet, at(200), mods), 0);
    });
  });
}

test("the notice counts one comment in the singular and links to the queue under the given base URL", () => {
  const notice = moderatorNotice("mod@example.org", 1, "http://127.0.0.1:8080");
  assert.equal(notice.subject, "1 comment waits for moderation");
  assert.match(
    notice.text,
    /^1 comment waits for a moderator\.\n\nReview the queue: http:\/\/127\.0\.0\.1:8080\/admin\/comments\n/,
  );
});
