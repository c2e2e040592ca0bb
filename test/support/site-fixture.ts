/** @module Test support: a small real site on SQLite (three outlets, a shared story, topics, comments, hostile text). */

import { loadConfig } from "../../src/config/config.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import { insertArticle } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import type { NewArticle } from "../../src/storage/schema.ts";
import { insertSource, markSourceFetched, updateSourceSettings } from "../../src/storage/sources.ts";
import { assignArticlesToStory } from "../../src/storage/stories.ts";
import { buildApp } from "../../src/web/app.tsx";
import { sqliteTestDatabase, type TestDatabase } from "./databases.ts";

export const HOSTILE_TITLE = 'Bridge reopens </script><script>alert("t")</script>';
export const HOSTILE_BYLINE = "Mira <script>alert(1)</script> Chen";
export const HOSTILE_CAPTION = 'Traffic crosses <img src=x onerror="alert(2)">';
/** A sentence only in the excerpt-only source's full text: it must never reach a page. */
export const SECRET_SENTENCE = "This paragraph is only in the full text";
/** Filler articles, enough for a second page of the front page and of the Gazette's page. */
export const FILLERS = 40;

export interface Site {
  app: ReturnType<typeof buildApp>;
  db: Db;
  ids: { bridge: number; bridgePost: number; arabic: number; solo: number };
  sources: { gazette: number; post: number; sahafa: number };
  close(): Promise<void>;
}

const T0 = Date.parse("2026-11-20T10:00:00.000Z");
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

function row(sourceId: number, guid: string, hours: number, extra: Partial<NewArticle> = {}): NewArticle {
  return {
    source_id: sourceId,
    guid,
    url: `https://outlet.test/${guid}`,
    title: `Article ${guid}`,
    body_html: `<p>Body of ${guid}.</p>`,
    text: `Body of ${guid}.`,
    published_at: at(hours),
    fetched_at: at(hours),
    created_at: at(hours),
    updated_at: at(hours),
    ...extra,
  };
}

async function source(db: Db, url: string, title: string, site: string): Promise<number> {
  const { source } = await insertSource(db.kysely, url, at(0));
  await markSourceFetched(db.kysely, source.id, { now: at(0), nextFetchAt: at(0), title, siteUrl: site });
  return source.id;
}

async function idOf(db: Db, guid: string): Promise<number> {
  const r = await db.kysely
    .selectFrom("articles")
    .select("id")
    .where("guid", "=", guid)
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Builds the site; `env` adds settings (NEWSDESK_CANONICAL, NEWSDESK_PUBLIC_URL ...), `log` replaces
 * the silent logger (for tests that read what the app logs).
 */
export async function buildSite(env: Record<string, string> = {}, log?: Logger): Promise<Site> {
  const tdb: TestDatabase = sqliteTestDatabase();
  const db = openDb(tdb.url);
  await migrateToLatest(db);
  const gazette = await source(db, "https://gazette.test/feed.xml", "The Gazette", "https://gazette.test/");
  const post = await source(db, "https://post.test/feed.xml", "Daily Post", "https://post.test/");
  const sahafa = await source(db, "https://sahafa.test/feed.xml", "Al Sahafa", "https://sahafa.test/");
  await updateSourceSettings(db.kysely, post, { displayMode: "excerpt" });

  for (let i = 0; i < FILLERS; i++) await insertArticle(db.kysely, row(gazette, `filler-${i}`, -100 + i));
  await insertArticle(
    db.kysely,
    row(gazette, "bridge", 20, {
      url: "https://gazette.test/2026/bridge-reopens",
      canonical_url: "https://gazette.test/bridge-reopens",
      title: HOSTILE_TITLE,
      byline: HOSTILE_BYLINE,
      lead_image_url: "https://gazette.test/img/bridge.jpg",
      lead_image_alt: "The bridge at dawn",
      lead_image_caption: HOSTILE_CAPTION,
      lead_image_credit: "Photo: Sam Lee/Gazette",
      body_html:
        '<p>The bridge reopened on Thursday.</p><figure><img src="https://gazette.test/img/2.jpg" alt="Cars"></figure>',
      text: "The bridge reopened on Thursday.",
      excerpt: "The bridge reopened on Thursday.",
    }),
    ["Transport", "City News"],
  );
  const long = `${"word ".repeat(200)}${SECRET_SENTENCE}.`;
  await insertArticle(
    db.kysely,
    row(post, "bridge-post", 21, {
      title: "Bridge open again after two years",
      byline: "Ana Ruiz",
      lead_image_url: "https://post.test/img/b.jpg",
      body_html: `<p>${long}</p>`,
      text: long,
      excerpt: null,
    }),
    ["Transport"],
  );
  await insertArticle(
    db.kysely,
    row(sahafa, "arabic", 19, {
      title: "افتتاح الجسر من جديد",
      language: "ar",
      body_html: "<p>أعيد افتتاح الجسر يوم الخميس.</p>",
      text: "أعيد افتتاح الجسر يوم الخميس.",
    }),
  );
  await insertArticle(db.kysely, row(gazette, "solo", 18, { title: "Council meets" }));
  const ids = {
    bridge: await idOf(db, "bridge"),
    bridgePost: await idOf(db, "bridge-post"),
    arabic: await idOf(db, "arabic"),
    solo: await idOf(db, "solo"),
  };
  const story = await db.kysely
    .selectFrom("articles")
    .select("story_id")
    .where("id", "=", ids.bridge)
    .executeTakeFirstOrThrow();
  await assignArticlesToStory(db.kysely, Number(story.story_id), [ids.bridge, ids.bridgePost, ids.arabic]);
  for (const status of ["approved", "approved", "pending", "spam"] as const)
    await db.kysely
      .insertInto("comments")
      .values({
        article_id: ids.bridge,
        parent_id: null,
        author_name: "Reader",
        author_email: "reader@example.test",
        author_url: null,
        body_html: "<p>Thanks</p>",
        status,
        created_at: at(22),
      })
      .execute();

  const config = loadConfig(env);
  // Only WebSub pushes fetch pages from the web app; these tests send none.
  const app = buildApp({ db: db.kysely, config, log: log ?? createLogger("silent") });
  return {
    app,
    db,
    ids,
    sources: { gazette, post, sahafa },
    close: async () => {
      await app.close();
      await db.close();
      await tdb.drop();
    },
  };
}

/**
 * The page without its JSON-LD block and the site's own scripts (hashed assets: the comment form's and
 * the relative-time one), for
 * checks that no data-borne <script> reached the HTML.
 */
export function withoutJsonLd(html: string): string {
  return html
    .replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "")
    .replace(
      /<script src="\/assets\/(?:comment-form|relative-time)\.[0-9a-f]{12}\.js" defer><\/script>/g,
      "",
    );
}
