/**
 * @module What ingest's writes must satisfy whatever happened to the process that made them, on
 * either database: the file intact (SQLite), each article stored once, and each stored article whole:
 * its text to the end, its search postings, its feed state and its kept page, written in the
 * transaction that stored it, its statements, written in the next, and its story (counted) and
 * clustering rows, written in the last, which files it (an article a kill left before its filing is
 * filed by the sweep first: `unfiledArticles`).
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../src/storage/db.ts";
import { sqliteFileProblems } from "./sqlite-integrity.ts";

/** `rows` that break a rule, named by `what`. */
function each<T>(problems: string[], what: string, rows: T[]): void {
  if (rows.length > 0) problems.push(`${what}: ${rows.length} (${JSON.stringify(rows.slice(0, 3))})`);
}

/**
 * One line per broken rule; empty when ingest left everything whole. `lastWords` end every article's
 * text in the fixture. Articles are compared by url key across sources: the fixture is one outlet.
 */
export async function ingestProblems(db: Db, databaseUrl: string, lastWords: string): Promise<string[]> {
  const k = db.kysely;
  const problems = db.dialect === "sqlite" ? sqliteFileProblems(databaseUrl) : [];
  const articles = await k
    .selectFrom("articles")
    .select(["id", "source_id", "guid", "url_key", "story_id", "text", "body_html", "statements_at"])
    .execute();
  const twice = (key: (a: (typeof articles)[number]) => string | null) => {
    const seen = new Map<string, number>();
    for (const a of articles) {
      const k2 = key(a);
      if (k2 !== null) seen.set(k2, (seen.get(k2) ?? 0) + 1);
    }
    return [...seen].filter(([, n]) => n > 1).map(([k2]) => k2);
  };
  each(
    problems,
    "guid stored twice by one source",
    twice((a) => `${a.source_id}|${a.guid}`),
  );
  each(
    problems,
    "article stored twice by the outlet",
    twice((a) => a.url_key),
  );
  each(
    problems,
    "article cut short",
    articles.filter((a) => !a.text.includes(lastWords) || !a.body_html.includes(lastWords)).map((a) => a.id),
  );
  each(
    problems,
    "article without statements extracted",
    articles.filter((a) => a.statements_at === null).map((a) => a.id),
  );

  const ids = (rows: Array<{ article_id: number }>) => new Set(rows.map((r) => Number(r.article_id)));
  const missing = (what: string, present: Set<number>) =>
    each(
      problems,
      `article without ${what}`,
      articles.filter((a) => !present.has(Number(a.id))).map((a) => a.id),
    );
  missing("feed state", ids(await k.selectFrom("article_feed_state").select("article_id").execute()));
  missing("kept page", ids(await k.selectFrom("article_pages").select("article_id").execute()));
  missing("statements", ids(await k.selectFrom("statements").select("article_id").execute()));

  // Story membership: every article filed, every story counted right, clustering rows agreeing.
  const stories = await k.selectFrom("stories").select(["id", "article_count"]).execute();
  const members = new Map<number, number>();
  for (const a of articles)
    if (a.story_id !== null) members.set(Number(a.story_id), (members.get(Number(a.story_id)) ?? 0) + 1);
  each(
    problems,
    "article in no story",
    articles
      .filter((a) => a.story_id === null || !stories.some((s) => Number(s.id) === Number(a.story_id)))
      .map((a) => a.id),
  );
  each(
    problems,
    "story whose count is not its reports",
    stories.filter((s) => Number(s.article_count) !== (members.get(Number(s.id)) ?? 0)).map((s) => s.id),
  );
  const features = await k.selectFrom("cluster_features").select(["article_id", "story_id"]).execute();
  const filedIn = new Map(features.map((f) => [Number(f.article_id), Number(f.story_id)]));
  each(
    problems,
    "article whose clustering row is missing or names another story",
    articles.filter((a) => filedIn.get(Number(a.id)) !== Number(a.story_id)).map((a) => a.id),
  );
  const profiles = await k.selectFrom("cluster_stories").select(["story_id", "reports"]).execute();
  each(
    problems,
    "clustering profile whose reports are not its story's",
    profiles
      .filter((p) => Number(p.reports) !== (members.get(Number(p.story_id)) ?? 0))
      .map((p) => p.story_id),
  );
  // Every clustered article is counted once in the corpus: folded into documents or waiting in the queue.
  const state = await k.selectFrom("cluster_state").select(["documents", "pending"]).executeTakeFirst();
  const queued = await k.selectFrom("term_pending").select("article_id").execute();
  const counted = Number(state?.documents ?? 0) + Number(state?.pending ?? 0);
  if (counted !== articles.length || queued.length !== Number(state?.pending ?? 0))
    problems.push(
      `corpus counts ${state?.documents} + ${state?.pending} pending (${queued.length} queued) for ${articles.length} articles`,
    );
  if (db.dialect === "postgres") {
    const unindexed = await sql<{ id: number }>`
      SELECT a.id FROM articles a LEFT JOIN article_search s ON s.article_id = a.id
      WHERE s.article_id IS NULL`.execute(k);
    each(problems, "article outside the search index", unindexed.rows);
  }
  return problems;
}

/**
 * Articles a kill left before their filing (the last of an insert's transactions): stored whole (the
 * rules of ingestProblems that concern storing hold for them) but in no story, with nothing of the
 * filing written: no clustering rows, no reprint link; their statements written whole or not at all
 * (a transaction between the two). Returns their ids, and one line per broken rule.
 */
export async function unfiledArticles(db: Db): Promise<{ ids: number[]; problems: string[] }> {
  const k = db.kysely;
  const problems: string[] = [];
  const unfiled = await k
    .selectFrom("articles")
    .select(["id", "statements_at", "near_duplicate_of"])
    .where("story_id", "is", null)
    .execute();
  const ids = unfiled.map((a) => Number(a.id));
  if (ids.length === 0) return { ids, problems };
  each(
    problems,
    "unfiled article with a reprint link",
    unfiled.filter((a) => a.near_duplicate_of !== null).map((a) => a.id),
  );
  for (const [what, table] of [
    ["clustering features", "cluster_features"],
    ["index postings", "cluster_postings"],
    ["terms queued", "term_pending"],
  ] as const) {
    const rows = await k.selectFrom(table).select("article_id").where("article_id", "in", ids).execute();
    each(problems, `unfiled article with ${what}`, [...new Set(rows.map((r) => Number(r.article_id)))]);
  }
  const unread = new Set(unfiled.filter((a) => a.statements_at === null).map((a) => Number(a.id)));
  const stated = await k
    .selectFrom("statements")
    .select("article_id")
    .where("article_id", "in", ids)
    .execute();
  each(
    problems,
    "unfiled article with statements never marked written",
    [...new Set(stated.map((r) => Number(r.article_id)))].filter((id) => unread.has(id)),
  );
  return { ids, problems };
}

/** Each stored article by id, as a fingerprint of what identifies it and what it says. */
export async function articleFingerprints(db: Db): Promise<Map<number, string>> {
  const rows = await db.kysely
    .selectFrom("articles")
    .select(["id", "source_id", "guid", "url_key", "title", "text"])
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.id),
      `${r.source_id}|${r.guid}|${r.url_key}|${r.title}|${createHash("sha256").update(r.text).digest("hex")}`,
    ]),
  );
}

/** Articles of `before` that are gone or changed in `after`: a committed article lost. */
export function lostArticles(before: Map<number, string>, after: Map<number, string>): number[] {
  return [...before].filter(([id, print]) => after.get(id) !== print).map(([id]) => id);
}
