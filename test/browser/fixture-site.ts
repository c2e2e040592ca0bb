/** @module The site under browser test: the real app on 127.0.0.1 over a migrated SQLite file, seeded through storage. */
import type { AddressInfo } from "node:net";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/log.ts";
import { findArticleById, insertArticle } from "../../src/storage/articles.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import type { NewArticle } from "../../src/storage/schema.ts";
import { insertSource, markSourceFetched } from "../../src/storage/sources.ts";
import { assignArticlesToStory } from "../../src/storage/stories.ts";
import { slugify } from "../../src/util/slug.ts";
import { buildApp } from "../../src/web/app.tsx";
import { sqliteTestDatabase } from "../support/databases.ts";
import { type FixtureServer, startFixtureServer } from "../support/fixture-server.ts";
import { pngImage } from "./png.ts";
import { seed } from "./seed.ts";

export { seed };

export interface Site {
  url: string;
  /** Paths of the seeded pages (pages the app may not have yet are listed too). */
  paths: {
    article: string;
    /** Valley Post's reprint of the wire story, and the wire's original. */
    reprint: string;
    wireOriginal: string;
    wireStory: string;
    rtlArticle: string;
    /** The right-to-left outlet's page: a list of right-to-left cards. */
    rtlSource: string;
    story: string;
    source: string;
    topic: string;
    search: string;
    about: string;
    missing: string;
  };
  /** The article page's original URL (the Source block must link to it). */
  originalUrl: string;
  /** The site's database, for tests that set up accounts or check rows. */
  db: Db["kysely"];
  close(): Promise<void>;
}

const now = "2026-11-20T10:00:00.000Z";

function article(
  sourceId: number,
  guid: string,
  fields: Partial<NewArticle> & { title: string },
): NewArticle {
  const text = fields.text ?? `${fields.title}. ${seed.bodyText}, officials said.`;
  return {
    source_id: sourceId,
    guid,
    url: `https://outlet${sourceId}.test/${guid}`,
    byline: null,
    published_at: "2026-11-19T08:30:00.000Z",
    body_html: `<p>${text}</p><p>Commuters welcomed the shorter journey.</p>`,
    text,
    excerpt: text.slice(0, 140),
    fetched_at: now,
    created_at: now,
    updated_at: now,
    ...fields,
  };
}

/**
 * Starts the image host and the app, and seeds a story of three outlets (its lead report edited), a wire
 * story with a reprint and labelled outlets, single reports in topics, and a right-to-left article;
 * `env` adds settings (NEWSDESK_PAGE_CACHE_CHECK_MS ...).
 */
export async function startSite(env: Record<string, string> = {}): Promise<Site> {
  const images: FixtureServer = await startFixtureServer({
    "/lead.png": { headers: { "content-type": "image/png" }, body: pngImage(640, 360) },
    "/ferry.png": { headers: { "content-type": "image/png" }, body: pngImage(800, 450, [90, 160, 140]) },
    "/single.png": { headers: { "content-type": "image/png" }, body: pngImage(600, 400, [200, 150, 110]) },
  });
  const tdb = sqliteTestDatabase();
  const db: Db = openDb(tdb.url);
  await migrateToLatest(db);
  const k = db.kysely;

  const sourceIds: number[] = [];
  for (const [i, name] of [...seed.outlets, seed.rtlOutlet, seed.wire.outlet].entries()) {
    const { source } = await insertSource(k, `https://outlet${i + 1}.test/feed.xml`, now);
    await markSourceFetched(k, source.id, {
      now,
      nextFetchAt: now,
      title: name,
      siteUrl: `https://outlet${i + 1}.test/`,
    });
    sourceIds.push(source.id);
  }
  const [gazette = 0, times = 0, post = 0, madina = 0, wire = 0] = sourceIds;
  for (const [i, id] of [gazette, times, post, wire].entries())
    await k
      .updateTable("sources")
      .set({ labels: JSON.stringify(seed.labels[i]) })
      .where("id", "=", id)
      .execute();
  const originalUrl = `https://outlet${gazette}.test/2026/harbour-bridge-reopens`;
  await insertArticle(
    k,
    article(gazette, "bridge", {
      title: seed.storyTitle,
      url: originalUrl,
      byline: seed.byline,
      lead_image_url: `${images.url}/lead.png`,
      lead_image_alt: seed.imageAlt,
      lead_image_caption: seed.caption,
      lead_image_credit: seed.credit,
      language: "en",
      text: `${seed.bodyText}, after two years of repairs.`,
      body_html: `<p>${seed.bodyText}, after two years of repairs.</p><h2>What changed</h2><p>The deck was rebuilt and a cycle lane added.</p><ul><li>Two lanes each way</li><li>A protected cycle lane</li></ul>`,
    }),
    [seed.topic.name, "City"],
  );
  await insertArticle(
    k,
    article(times, "bridge-times", {
      title: "Bridge back in service as harbour traffic eases",
      published_at: "2026-11-19T09:10:00.000Z",
    }),
    [seed.topic.name],
  );
  await insertArticle(
    k,
    article(post, "bridge-post", {
      title: "Commuters return to the harbour bridge",
      published_at: "2026-11-19T11:45:00.000Z",
    }),
  );
  await insertArticle(
    k,
    article(times, "market", {
      title: "Night market opens on the waterfront",
      published_at: "2026-11-18T18:00:00.000Z",
      text: "Stalls opened on the waterfront for the winter season.",
    }),
    ["Culture"],
  );
  await insertArticle(
    k,
    article(madina, "library", {
      title: seed.rtlTitle,
      language: "ar",
      byline: seed.rtlByline,
      published_at: "2026-11-19T07:00:00.000Z",
      text: "افتتحت المكتبة العامة الجديدة أبوابها للزوار صباح اليوم.",
      body_html:
        "<p>افتتحت المكتبة العامة الجديدة أبوابها للزوار صباح اليوم.</p><p>وتضم المكتبة قاعة للأطفال.</p>",
      excerpt: "افتتحت المكتبة العامة الجديدة أبوابها للزوار صباح اليوم.",
    }),
    ["ثقافة"],
  );

  // The wire story: the agency's original, a reprint of its text, and another outlet's own report.
  const ferryText = "Ferry services resumed on Thursday after the storm passed, the operator said.";
  await insertArticle(
    k,
    article(wire, "ferry", {
      title: seed.wire.title,
      published_at: "2026-11-19T10:00:00.000Z",
      text: ferryText,
      body_html: `<p>${ferryText}</p>`,
      excerpt: ferryText,
      lead_image_url: `${images.url}/ferry.png`,
      lead_image_alt: "A white ferry leaving the harbour",
      lead_image_caption: seed.wire.caption,
      lead_image_credit: seed.wire.credit,
      lead_image_width: 800,
      lead_image_height: 450,
    }),
    ["Transport"],
  );
  await insertArticle(
    k,
    article(post, "ferry-reprint", {
      title: seed.wire.title,
      published_at: "2026-11-19T10:40:00.000Z",
      text: ferryText,
      body_html: `<p>${ferryText}</p>`,
      excerpt: ferryText,
    }),
    ["Transport"],
  );
  await insertArticle(
    k,
    article(times, "ferry-times", {
      title: seed.wire.otherTitle,
      published_at: "2026-11-19T12:00:00.000Z",
      text: "The first ferry left at noon as the winds dropped.",
    }),
  );
  for (const [i, single] of seed.singles.entries())
    await insertArticle(
      k,
      article(sourceIds[i % 3] ?? gazette, `single-${i}`, {
        title: single.title,
        published_at: new Date(
          Date.parse("2026-11-19T12:30:00.000Z") - single.hours * 3_600_000,
        ).toISOString(),
        text: `${single.title}, the organisers said on Thursday.`,
        ...(i % 2 === 0
          ? {
              lead_image_url: `${images.url}/single.png`,
              lead_image_alt: `A picture for: ${single.title}`,
              lead_image_credit: `Photo: ${seed.outlets[i % 3]}`,
              lead_image_width: 600,
              lead_image_height: 400,
            }
          : {}),
      }),
      [single.topic],
    );

  const ids = await k.selectFrom("articles").select(["id", "guid"]).orderBy("id").execute();
  const idOf = (guid: string) => Number(ids.find((r) => r.guid === guid)?.id);
  const lead = await findArticleById(k, idOf("bridge"));
  const storyId = Number(lead?.story_id);
  await assignArticlesToStory(k, storyId, [idOf("bridge"), idOf("bridge-times"), idOf("bridge-post")]);
  const ferry = await findArticleById(k, idOf("ferry"));
  const wireStoryId = Number(ferry?.story_id);
  await assignArticlesToStory(k, wireStoryId, [idOf("ferry"), idOf("ferry-reprint"), idOf("ferry-times")]);
  await k
    .updateTable("articles")
    .set({ near_duplicate_of: idOf("ferry") })
    .where("id", "=", idOf("ferry-reprint"))
    .execute();
  // Clustering's choices for the wire story; the bridge story is left to the fallbacks.
  await k
    .updateTable("stories")
    .set({
      lead_article_id: idOf("ferry"),
      first_article_id: idOf("ferry"),
      image_article_id: idOf("ferry"),
      lead_sentence: "Ferries across the harbour are running again after two days of storm.",
    })
    .where("id", "=", wireStoryId)
    .execute();
  // The bridge report was edited: its earlier headline is kept.
  await k
    .updateTable("articles")
    .set({ revised_at: "2026-11-19T12:15:00.000Z" })
    .where("id", "=", idOf("bridge"))
    .execute();
  await k
    .insertInto("article_revisions")
    .values({
      article_id: idOf("bridge"),
      title: seed.earlierTitle,
      body_html: "<p>The bridge will reopen on Thursday.</p>",
      replaced_at: "2026-11-19T12:15:00.000Z",
    })
    .execute();

  const config = loadConfig(env);
  const app = buildApp({ db: k, config, log: createLogger("silent") });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const path = (id: number, title: string, kind: string) => `/${kind}/${id}-${slugify(title)}`;
  return {
    url: `http://127.0.0.1:${port}`,
    paths: {
      article: path(idOf("bridge"), seed.storyTitle, "articles"),
      reprint: path(idOf("ferry-reprint"), seed.wire.title, "articles"),
      wireOriginal: path(idOf("ferry"), seed.wire.title, "articles"),
      wireStory: path(wireStoryId, seed.wire.title, "stories"),
      rtlArticle: `/articles/${idOf("library")}-${encodeURIComponent(slugify(seed.rtlTitle))}`,
      rtlSource: `/sources/${madina}-${encodeURIComponent(slugify(seed.rtlOutlet))}`,
      story: path(storyId, seed.storyTitle, "stories"),
      source: path(gazette, seed.outlets[0], "sources"),
      topic: `/topics/${seed.topic.slug}`,
      search: `/search?q=${seed.searchWord}`,
      about: "/about",
      missing: "/no/such/page",
    },
    originalUrl,
    db: k,
    close: async () => {
      await app.close();
      await db.close();
      await tdb.drop();
      await images.close();
    },
  };
}
