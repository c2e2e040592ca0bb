/**
 * @module Story clustering's storage: files each new article into a story inside the transaction
 * that inserts it. Candidates come from the inverted index of rare terms within the active window,
 * document frequencies from the stored corpus (updated here, one article at a time), and the
 * decision from the pure stories/ stage. Writers are serialized (an advisory lock on PostgreSQL,
 * SQLite's single writer), so parallel ingest never splits one event into two stories.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { assignStory, type CandidateStory, type Member, STORY_SPAN_HOURS } from "../stories/assign.ts";
import type { Features } from "../stories/features.ts";
import { indexTerms } from "../stories/index-terms.ts";
import { leadSentence, representativeReport } from "../stories/representative.ts";
import { type Corpus, termsOf } from "../stories/vectors.ts";
import { isPostgres } from "./db.ts";
import type { Database } from "./schema.ts";

/** What ingest hands over for clustering: the article's features (computed before the transaction). */
export interface ClusterRequest {
  features: Features;
  /** Stories whose last report is older than this, relative to the new article's time, are closed. */
  windowHours: number;
}

/** The newly inserted article, as clustering needs it. */
export interface InsertedArticle {
  id: number;
  sourceId: number;
  /** Its sort time (ISO-8601 UTC): publication, else fetch time. */
  at: string;
  title: string;
}

/** Candidate stories looked at per article, the ones sharing most index terms first: bounds the work on a busy day. */
export const MAX_CANDIDATE_STORIES = 40;
/** Feature rows pruned per insert once out of the window: spreads the deletes over inserts. */
const PRUNE_BATCH = 50;
/** Key of the advisory lock that serializes clustering on PostgreSQL. */
const LOCK_KEY = "newsdesk:clustering";
/** Terms per IN (...) list, below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

type Trx = Transaction<Database> | Kysely<Database>;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The stored corpus statistics, read lazily: a term's document frequency is loaded before it is needed. */
class StoredCorpus implements Corpus {
  private readonly known = new Map<string, number>();
  constructor(readonly documents: number) {}
  df(term: string): number {
    return this.known.get(term) ?? 0;
  }
  async load(trx: Trx, terms: Iterable<string>): Promise<void> {
    const missing = [...new Set(terms)].filter((t) => !this.known.has(t));
    for (const part of chunks(missing)) {
      const rows = await trx
        .selectFrom("term_stats")
        .select(["term", "df"])
        .where("term", "in", part)
        .execute();
      for (const t of part) this.known.set(t, 0);
      for (const r of rows) this.known.set(r.term, Number(r.df));
    }
  }
}

/** Counts the article's terms into the corpus statistics; returns the corpus size after it. */
async function countDocument(trx: Trx, terms: readonly string[]): Promise<number> {
  for (const part of chunks(terms)) {
    await trx
      .insertInto("term_stats")
      .values(part.map((term) => ({ term, df: 1 })))
      .onConflict((oc) => oc.column("term").doUpdateSet({ df: sql`term_stats.df + 1` }))
      .execute();
  }
  const row = await trx
    .updateTable("cluster_state")
    .set({ documents: sql`documents + 1` })
    .where("id", "=", 1)
    .returning("documents")
    .executeTakeFirstOrThrow();
  return Number(row.documents);
}

const hoursMs = (h: number) => h * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Stories with a report in the window that share index terms with the article, most shared first. */
async function candidateStories(trx: Trx, terms: readonly string[], atMs: number, windowHours: number) {
  if (terms.length === 0) return [];
  const rows = await trx
    .selectFrom("cluster_terms as ct")
    .innerJoin("cluster_features as cf", "cf.article_id", "ct.article_id")
    .select(["cf.story_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("ct.term", "in", [...terms])
    .where("ct.at", ">=", iso(atMs - hoursMs(windowHours)))
    .where("ct.at", "<=", iso(atMs + hoursMs(windowHours)))
    .groupBy("cf.story_id")
    .orderBy("shared", "desc")
    .orderBy("cf.story_id", "asc")
    .limit(MAX_CANDIDATE_STORIES)
    .execute();
  return rows.map((r) => Number(r.story_id));
}

async function loadMembers(trx: Trx, storyIds: readonly number[]): Promise<CandidateStory[]> {
  if (storyIds.length === 0) return [];
  const rows = await trx
    .selectFrom("cluster_features")
    .select(["article_id", "story_id", "at", "features"])
    .where("story_id", "in", [...storyIds])
    .orderBy("at", "asc")
    .orderBy("article_id", "asc")
    .execute();
  const byStory = new Map<number, Member[]>();
  for (const r of rows) {
    const list = byStory.get(Number(r.story_id)) ?? [];
    list.push({
      articleId: Number(r.article_id),
      at: Date.parse(r.at),
      features: JSON.parse(r.features) as Features,
    });
    byStory.set(Number(r.story_id), list);
  }
  return storyIds.flatMap((storyId) => {
    const members = byStory.get(storyId);
    return members ? [{ storyId, members }] : [];
  });
}

/** Moves every report of `from` into `to`, and leaves a redirect so the old story URL keeps working. */
async function mergeStory(trx: Trx, from: number, to: number, now: string): Promise<void> {
  await trx.updateTable("articles").set({ story_id: to }).where("story_id", "=", from).execute();
  await trx.updateTable("cluster_features").set({ story_id: to }).where("story_id", "=", from).execute();
  await trx.updateTable("story_redirects").set({ to_id: to }).where("to_id", "=", from).execute();
  await trx
    .insertInto("story_redirects")
    .values({ from_id: from, to_id: to, created_at: now })
    .onConflict((oc) => oc.column("from_id").doUpdateSet({ to_id: to }))
    .execute();
  await trx.deleteFrom("stories").where("id", "=", from).execute();
}

/** Drops index and feature rows of articles whose stories can no longer take new reports. */
async function pruneOld(trx: Trx, atMs: number, windowHours: number): Promise<void> {
  const before = iso(atMs - hoursMs(windowHours + STORY_SPAN_HOURS));
  const old = await trx
    .selectFrom("cluster_features")
    .select("article_id")
    .where("at", "<", before)
    .orderBy("at", "asc")
    .limit(PRUNE_BATCH)
    .execute();
  const ids = old.map((r) => Number(r.article_id));
  if (ids.length === 0) return;
  await trx.deleteFrom("cluster_terms").where("article_id", "in", ids).execute();
  await trx.deleteFrom("cluster_features").where("article_id", "in", ids).execute();
}

/**
 * Files the just-inserted `article` into a story: an existing one (merging any others it bridges),
 * or a new story of its own. Runs inside the insert's transaction. Returns the story's id.
 */
export async function clusterInsertedArticle(
  trx: Transaction<Database>,
  article: InsertedArticle,
  request: ClusterRequest,
  now: string,
): Promise<number> {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK_KEY}, 0))`.execute(trx);
  const { features, windowHours } = request;
  const atMs = Date.parse(article.at);
  const terms = [...termsOf(features)];
  const corpus = new StoredCorpus(await countDocument(trx, terms));
  await corpus.load(trx, terms);

  const index = indexTerms(features, corpus);
  const stories = await loadMembers(trx, await candidateStories(trx, index, atMs, windowHours));
  // Stories whose last report is outside the window are closed, whatever terms they share.
  const open = stories.filter((s) => Math.max(...s.members.map((m) => m.at)) >= atMs - hoursMs(windowHours));
  await corpus.load(
    trx,
    open.flatMap((s) => s.members.flatMap((m) => [...termsOf(m.features)])),
  );
  const decision = assignStory({ features, at: atMs }, open, corpus);

  let storyId = decision.storyId;
  if (storyId === null) {
    const story = await trx
      .insertInto("stories")
      .values({
        title: article.title,
        last_published_at: article.at,
        first_published_at: article.at,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    storyId = Number(story.id);
  }
  for (const other of decision.merge) await mergeStory(trx, other, storyId, now);
  await trx
    .updateTable("articles")
    .set({ story_id: storyId, near_duplicate_of: decision.nearDuplicateOf })
    .where("id", "=", article.id)
    .execute();
  await trx
    .insertInto("cluster_features")
    .values({
      article_id: article.id,
      story_id: storyId,
      source_id: article.sourceId,
      at: article.at,
      features: JSON.stringify(features),
    })
    .execute();
  if (index.length > 0) {
    await trx
      .insertInto("cluster_terms")
      .values(index.map((term) => ({ article_id: article.id, term, at: article.at })))
      .execute();
  }
  await refreshStorySummary(trx, storyId, now, corpus);
  await pruneOld(trx, atMs, windowHours);
  return storyId;
}

/**
 * Brings a story's summary up to date from its reports: counts and times, who reported first, the
 * representative report (whose headline names the story and whose first sentence leads it), and the
 * report whose image illustrates it.
 */
export async function refreshStorySummary(
  trx: Trx,
  storyId: number,
  now: string,
  corpus?: StoredCorpus,
): Promise<void> {
  const reports = await trx
    .selectFrom("articles")
    .leftJoin("cluster_features", "cluster_features.article_id", "articles.id")
    .select([
      "articles.id",
      "articles.source_id",
      "articles.title",
      "articles.text",
      "articles.language",
      "articles.sort_at",
      "articles.near_duplicate_of",
      "articles.lead_image_url",
      "cluster_features.features",
    ])
    .where("articles.story_id", "=", storyId)
    .orderBy("articles.sort_at", "asc")
    .orderBy("articles.id", "asc")
    .execute();
  const first = reports[0];
  const last = reports.at(-1);
  if (!first || !last) {
    await trx.deleteFrom("stories").where("id", "=", storyId).execute();
    return;
  }
  const withFeatures = reports.flatMap((r) =>
    r.features
      ? [
          {
            articleId: Number(r.id),
            features: JSON.parse(r.features) as Features,
            at: Date.parse(r.sort_at),
            nearDuplicate: r.near_duplicate_of !== null,
          },
        ]
      : [],
  );
  if (!corpus) {
    const state = await trx
      .selectFrom("cluster_state")
      .select("documents")
      .where("id", "=", 1)
      .executeTakeFirst();
    corpus = new StoredCorpus(Number(state?.documents ?? 0));
  }
  await corpus.load(
    trx,
    withFeatures.flatMap((r) => r.features.all.map(([t]) => t)),
  );
  const leadId = representativeReport(withFeatures, corpus) ?? Number(first.id);
  const lead = reports.find((r) => Number(r.id) === leadId) ?? first;
  const originals = reports.filter((r) => r.near_duplicate_of === null);
  const image = lead.lead_image_url
    ? lead
    : (originals.find((r) => r.lead_image_url) ?? reports.find((r) => r.lead_image_url));
  await trx
    .updateTable("stories")
    .set({
      title: lead.title,
      lead_sentence: leadSentence(lead.text, lead.language ?? "en"),
      article_count: reports.length,
      source_count: new Set(reports.map((r) => Number(r.source_id))).size,
      first_published_at: first.sort_at,
      last_published_at: last.sort_at,
      first_article_id: Number(first.id),
      lead_article_id: Number(lead.id),
      image_article_id: image ? Number(image.id) : null,
      updated_at: now,
    })
    .where("id", "=", storyId)
    .execute();
}
