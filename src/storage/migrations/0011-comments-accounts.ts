/**
 * @module Comments, moderation and accounts: the comment columns moderation and spam defence need,
 * moderation rules, per-article closing, users and their sessions, rate-limit events, the mail outbox,
 * and the site's own secret. Pages change only when an approved comment does, so the site version
 * (0009) is bumped for comments only then: a flood of held spam leaves cached pages alone.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";
import { createTableWithId } from "./0001-init.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const comments = db.schema.alterTable("comments");
  // What the commenter typed (the small Markdown subset); body_html is rendered from it and sanitized.
  await comments.addColumn("body_source", "text", (c) => c.notNull().defaultTo("")).execute();
  await comments.addColumn("author_ip", "text").execute();
  await comments.addColumn("user_agent", "text").execute();
  // Depth in the thread: 0 for a top-level comment.
  await comments.addColumn("depth", "integer", (c) => c.notNull().defaultTo(0)).execute();
  // Keyed hash of the normalized body, for duplicate detection.
  await comments.addColumn("content_hash", "text").execute();
  // Why the checks held it or called it spam, for the moderator (one line per reason).
  await comments.addColumn("held_reasons", "text").execute();
  await comments.addColumn("notify_replies", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await comments.addColumn("updated_at", "text").execute();
  await comments.addColumn("approved_at", "text").execute();
  await db.schema
    .createIndex("comments_status_created")
    .on("comments")
    .columns(["status", "created_at"])
    .execute();
  // Emails are stored lower-cased, so "approved before" and blocked-email checks read this index.
  await db.schema
    .createIndex("comments_email_status")
    .on("comments")
    .columns(["author_email", "status"])
    .execute();
  await db.schema.createIndex("comments_parent").on("comments").column("parent_id").execute();
  await db.schema.createIndex("comments_content_hash").on("comments").column("content_hash").execute();

  // Comments closed by hand on one article (closing after N days is a setting, not stored).
  await db.schema
    .alterTable("articles")
    .addColumn("comments_closed", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // Moderation rules: kind word | email | ip | network, action hold | spam.
  await createTableWithId(db, dialect, "comment_rules")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull().defaultTo("hold"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("comment_rules_kind_value", ["kind", "value"])
    .execute();

  await createTableWithId(db, dialect, "users")
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("failed_signins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("last_signin_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // A session is found by the SHA-256 of its cookie token, so a leaked table signs no one in.
  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();

  // Events counted by sliding-window rate limits shared by every process (bucket: sign-in, comment-ip ...).
  await createTableWithId(db, dialect, "rate_events")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rate_events_bucket_key_at")
    .on("rate_events")
    .columns(["bucket", "key", "at"])
    .execute();

  // Email waits here until the primary process sends it, so a crash or a slow SMTP server loses none
  // and a request never waits on SMTP.
  await createTableWithId(db, dialect, "mail_outbox")
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("send_after", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();
  await db.schema
    .createIndex("mail_outbox_due")
    .on("mail_outbox")
    .columns(["sent_at", "send_after"])
    .execute();

  // Secrets made on first run and shared by every process (keyed hashes, signed links, CSRF).
  await db.schema
    .createTable("app_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  if (dialect === "postgres") await postgresCommentTriggers(db);
  else await sqliteCommentTriggers(db);
}

const TOUCHES_APPROVED_NEW = "NEW.status = 'approved'";
const TOUCHES_APPROVED_OLD = "OLD.status = 'approved'";

async function sqliteCommentTriggers(db: Kysely<unknown>): Promise<void> {
  const bump = `UPDATE site_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;`;
  const whens: Array<[string, string]> = [
    ["insert", TOUCHES_APPROVED_NEW],
    ["update", `${TOUCHES_APPROVED_OLD} OR ${TOUCHES_APPROVED_NEW}`],
    ["delete", TOUCHES_APPROVED_OLD],
  ];
  for (const [event, when] of whens) {
    await sql.raw(`DROP TRIGGER site_version_comments_${event}`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER site_version_comments_${event} AFTER ${event.toUpperCase()} ON comments WHEN ${when} BEGIN ${bump} END`,
      )
      .execute(db);
  }
}

async function postgresCommentTriggers(db: Kysely<unknown>): Promise<void> {
  // 0009 made statement triggers in the order articles, stories, article_topics, comments.
  await sql.raw("DROP TRIGGER site_version_3 ON comments").execute(db);
  const run = "EXECUTE FUNCTION newsdesk_bump_site_version()";
  const whens: Array<[string, string]> = [
    ["insert", TOUCHES_APPROVED_NEW],
    ["update", `${TOUCHES_APPROVED_OLD} OR ${TOUCHES_APPROVED_NEW}`],
    ["delete", TOUCHES_APPROVED_OLD],
  ];
  for (const [event, when] of whens) {
    await sql
      .raw(
        `CREATE TRIGGER site_version_comments_${event} AFTER ${event.toUpperCase()} ON comments FOR EACH ROW WHEN (${when}) ${run}`,
      )
      .execute(db);
  }
}
