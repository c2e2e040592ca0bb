/**
 * @module Story clustering's storage: files each new article into a story, in the transaction that
 * follows its insert (storage/article-filing.ts). Candidates come from the inverted index of rare terms
 * within the active window, document frequencies from the stored corpus (updated here, one article at a
 * time), and the decision from the pure stories/ stage. Writers are serialized (an advisory lock on
 * PostgreSQL, SQLite's single writer), so parallel ingest never splits one event into two stories.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { assignStory, STORY_SPAN_HOURS, type StoryProfile } from "../stories/assign.ts";
import type { Features } from "../stories/features.ts";
import { indexTerms } from "../stories/index-terms.ts";
import type { Signature } from "../stories/minhash.ts";
import { leadSentence, representativeReport } from "../stories/representative.ts";
import {
  type ArticleVectors,
  addVectorsInto,
  articleVectors,
  type Corpus,
  cloneVectors,
  emptyVectors,
  loadVector,
  loadVectors,
  STORY_SUM_TERMS,
  type StoredVectors,
  storeVector,
  storeVectors,
  termsOf,
  type Vector,
} from "../stories/vectors.ts";
import type { ClusterCache, Lru, StoryMember } from "./cluster-cache.ts";
import { isPostgres } from "./db.ts";
import type { Database } from "./schema.ts";
import { lockClustering, takeWriterLocks } from "./writer-locks.ts";

/** What ingest hands over for clustering: the article's features (computed before the transaction, being the costly part). */
export interface ClusterRequest {
  features: Features;
  /** Stories whose last report is older than this, relative to the new article's time, are closed. */
  windowHours: number;
  /**
   * False when the article's time only stands in for one it lacks (`newsdesk stories` on input without
   * publication times): the year its text names then counts as its time (stories/assign.ts). Ingest
   * leaves it out: an article has at least its fetch time. Default true.
   */
  dated?: boolean;
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
export const MAX_CANDIDATE_STORIES = 20;
/**
 * Articles' clustering rows (and closed stories' sums) deleted per pruning transaction: each holds the
 * clustering lock, so a batch stays a few milliseconds (an article has up to 30 postings).
 */
export const PRUNE_BATCH = 200;
/** Terms per IN (...) list, below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

type Trx = Transaction<Database> | Kysely<Database>;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * An article's terms wait in term_pending until this many articles have queued theirs, then they are
 * counted into term_stats together: one update per distinct term of the batch instead of one per term
 * of every article (the largest write of clustering, spread over random pages of a table with a row
 * per term ever seen). The lag is at most a thousandth of the corpus (so a small corpus, such as a
 * dev set's, is counted at once, the article itself included), and never more than 64 articles.
 */
export const FOLD_BATCH_MAX = 64;
export const FOLD_LAG_SHARE = 0.001;

export function foldBatch(documents: number): number {
  return Math.max(1, Math.min(FOLD_BATCH_MAX, Math.floor(documents * FOLD_LAG_SHARE)));
}

/** The stored corpus statistics, read lazily: a term's document frequency is loaded before it is needed. */
class StoredCorpus implements Corpus {
  private readonly known: Lru<string, number>;
  constructor(
    readonly documents: number,
    cache: ClusterCache,
  ) {
    // Frequencies change only when a batch is folded, and every fold changes the document count.
    if (cache.df.documents !== documents) {
      cache.df.known.clear();
      cache.df.documents = documents;
    }
    this.known = cache.df.known;
  }
  /** The loaded terms' frequencies, for this article: each term touches the shared LRU once, not at every weighing. */
  private readonly local = new Map<string, number>();
  df(term: string): number {
    return this.local.get(term) ?? this.known.get(term) ?? 0;
  }
  async load(trx: Trx, terms: Iterable<string>): Promise<void> {
    const missing: string[] = [];
    for (const t of new Set(terms)) {
      const df = this.known.get(t);
      if (df === undefined) missing.push(t);
      else this.local.set(t, df);
    }
    for (const part of chunks(missing)) {
      const rows = await trx
        .selectFrom("term_stats")
        .select(["term", "df"])
        .where("term", "in", part)
        .execute();
      const found = new Map(rows.map((r) => [r.term, Number(r.df)]));
      for (const t of part) {
        this.known.set(t, found.get(t) ?? 0);
        this.local.set(t, found.get(t) ?? 0);
      }
    }
  }
}

/**
 * Queues the article's terms for counting, and folds the queue into term_stats and cluster_state
 * once it holds a batch. Returns the corpus size the article is weighed against, and the prune epoch
 * (how many prunings have deleted reports' rows).
 */
async function countDocument(
  trx: Trx,
  articleId: number,
  terms: readonly string[],
): Promise<{ documents: number; epoch: number }> {
  await trx
    .insertInto("term_pending")
    .values({ article_id: articleId, terms: JSON.stringify(terms) })
    .execute();
  const state = await trx
    .updateTable("cluster_state")
    .set({ pending: sql`pending + 1` })
    .where("id", "=", 1)
    .returning(["documents", "pending", "prune_epoch"])
    .executeTakeFirstOrThrow();
  const documents = Number(state.documents);
  const epoch = Number(state.prune_epoch);
  return {
    documents: Number(state.pending) >= foldBatch(documents) ? await foldPending(trx) : documents,
    epoch,
  };
}

/** Counts every queued article's terms into term_stats (in term order: neighbouring pages) and empties the queue. */
async function foldPending(trx: Trx): Promise<number> {
  const rows = await trx.selectFrom("term_pending").select(["article_id", "terms"]).execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    for (const t of JSON.parse(r.terms) as string[]) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const part of chunks(sorted)) {
    await trx
      .insertInto("term_stats")
      .values(part.map(([term, df]) => ({ term, df })))
      .onConflict((oc) => oc.column("term").doUpdateSet({ df: sql`term_stats.df + excluded.df` }))
      .execute();
  }
  for (const part of chunks(rows.map((r) => Number(r.article_id)))) {
    await trx.deleteFrom("term_pending").where("article_id", "in", part).execute();
  }
  const row = await trx
    .updateTable("cluster_state")
    .set({ documents: sql`documents + ${rows.length}`, pending: 0 })
    .where("id", "=", 1)
    .returning("documents")
    .executeTakeFirstOrThrow();
  return Number(row.documents);
}

const hoursMs = (h: number) => h * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Stories with a report in the window that share index terms with the article, most shared terms
 * first, each with the terms it shares (which the article then need not post again, see
 * `clusterInsertedArticle`).
 */
async function candidateStories(
  trx: Trx,
  terms: readonly string[],
  atMs: number,
  windowHours: number,
): Promise<Map<number, Set<string>>> {
  if (terms.length === 0) return new Map();
  const shared = isPostgres(trx)
    ? sql<string[] | string>`array_agg(DISTINCT term)`
    : sql<string[] | string>`json_group_array(DISTINCT term)`;
  const rows = await trx
    .selectFrom("cluster_postings")
    .select(["story_id", (eb) => eb.fn.count<number>("term").distinct().as("shared"), shared.as("terms")])
    .where("term", "in", [...terms])
    .where("at", ">=", iso(atMs - hoursMs(windowHours + STORY_SPAN_HOURS)))
    // A story spans up to STORY_SPAN_HOURS: its first posting of a term may be that far after the
    // article (a late report of it), even when the window is shorter.
    .where("at", "<=", iso(atMs + hoursMs(Math.max(windowHours, STORY_SPAN_HOURS))))
    .groupBy("story_id")
    .orderBy("shared", "desc")
    .orderBy("story_id", "asc")
    .limit(MAX_CANDIDATE_STORIES)
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.story_id),
      new Set(typeof r.terms === "string" ? (JSON.parse(r.terms) as string[]) : r.terms),
    ]),
  );
}

const vectorsSize = (v: ArticleVectors) => v.all.size + v.lead.size + v.entities.size + v.event.size;

/** What a cluster_stories row's parsed sums are good for: any write bumps the version. */
const sumsTag = (s: { version: number; reports: number; first_at: string; last_at: string }) =>
  `${s.version}|${s.reports}|${s.first_at}|${s.last_at}`;

/** A candidate story as the decision needs it, with its clustering row's times and its reports' rows. */
type Candidate = StoryProfile & {
  row: { first_at: string; last_at: string };
  reportRows: readonly StoryMember[];
};

/**
 * The open stories among `storyIds` (a report within the window of `atMs`), with their reports'
 * signatures: the reports filed since `now` less the window and span (the rows pruning keeps, whether
 * or not it has run, so a cached list and a read one agree).
 */
async function loadProfiles(
  trx: Trx,
  cache: ClusterCache,
  storyIds: readonly number[],
  atMs: number,
  windowHours: number,
  now: string,
  epoch: number,
): Promise<Candidate[]> {
  if (storyIds.length === 0) return [];
  const stories = await trx
    .selectFrom("cluster_stories")
    .select(["story_id", "reports", "first_at", "last_at", "version"])
    .where("story_id", "in", [...storyIds])
    .where("last_at", ">=", iso(atMs - hoursMs(windowHours)))
    .execute();
  if (stories.length === 0) return [];
  const sumsOf = new Map<number, ArticleVectors>();
  const membersOf = new Map<number, readonly StoryMember[]>();
  const stale = stories.filter((s) => {
    const cached = cache.sums.get(Number(s.story_id));
    if (cached?.tag !== sumsTag(s)) return true;
    sumsOf.set(Number(s.story_id), cached.sums);
    // Kept while no pruning has deleted reports' rows since (one may have been this story's).
    if (cached.members?.epoch === epoch) membersOf.set(Number(s.story_id), cached.members.rows);
    return false;
  });
  if (stale.length > 0) {
    const rows = await trx
      .selectFrom("cluster_stories")
      .select(["story_id", "reports", "first_at", "last_at", "version", "sums"])
      .where(
        "story_id",
        "in",
        stale.map((s) => Number(s.story_id)),
      )
      .execute();
    for (const r of rows) {
      const sums = loadVectors(JSON.parse(r.sums) as StoredVectors);
      cache.sums.set(Number(r.story_id), { tag: sumsTag(r), sums }, vectorsSize(sums));
      // A row rewritten between the two reads cannot happen under the lock; its state is checked anyway.
      if (sumsTag(r) === sumsTag(stories.find((x) => x.story_id === r.story_id) ?? r))
        sumsOf.set(Number(r.story_id), sums);
    }
  }
  const unknown = stories.map((s) => Number(s.story_id)).filter((id) => !membersOf.has(id));
  if (unknown.length > 0) {
    const rows = await trx
      .selectFrom("cluster_features")
      .select(["article_id", "story_id", "at", "year", "filed_at"])
      .where("story_id", "in", unknown)
      .execute();
    const read = new Map<number, StoryMember[]>(unknown.map((id) => [id, []]));
    for (const r of rows) {
      read.get(Number(r.story_id))?.push({
        articleId: Number(r.article_id),
        at: Date.parse(r.at),
        year: r.year == null ? null : Number(r.year),
        filedAt: r.filed_at,
      });
    }
    for (const s of stories) {
      const list = read.get(Number(s.story_id));
      if (!list) continue;
      membersOf.set(Number(s.story_id), list);
      // Kept with the sums parsed from the same row state (under the lock, nothing changed between).
      const cached = cache.sums.peek(Number(s.story_id));
      if (cached?.tag === sumsTag(s)) cached.members = { epoch, rows: list };
    }
  }
  const horizon = iso(Date.parse(now) - hoursMs(windowHours + STORY_SPAN_HOURS));
  const kept = (id: number) => (membersOf.get(id) ?? []).filter((m) => m.filedAt >= horizon);
  const signatures = await loadSignatures(
    trx,
    cache,
    stories.flatMap((s) => kept(Number(s.story_id)).map((m) => m.articleId)),
  );
  const profiles: Candidate[] = [];
  for (const s of stories) {
    const sums = sumsOf.get(Number(s.story_id));
    if (!sums) continue;
    const members: Array<StoryProfile["members"][number]> = [];
    for (const m of kept(Number(s.story_id))) {
      const text = signatures.get(m.articleId);
      if (text) members.push({ articleId: m.articleId, at: m.at, text, year: m.year });
    }
    profiles.push({
      storyId: Number(s.story_id),
      reports: Number(s.reports),
      firstAt: Date.parse(s.first_at),
      lastAt: Date.parse(s.last_at),
      sums,
      members,
      row: { first_at: s.first_at, last_at: s.last_at },
      reportRows: membersOf.get(Number(s.story_id)) ?? [],
    });
  }
  return profiles.sort((a, b) => a.storyId - b.storyId);
}

/** The reports' signatures, read only where the cache lacks them (a stored signature never changes). */
async function loadSignatures(
  trx: Trx,
  cache: ClusterCache,
  articleIds: readonly number[],
): Promise<Map<number, Signature>> {
  const out = new Map<number, Signature>();
  const missing: number[] = [];
  for (const id of articleIds) {
    const sig = cache.signatures.get(id);
    if (sig) out.set(id, sig);
    else missing.push(id);
  }
  for (const part of chunks(missing)) {
    const rows = await trx
      .selectFrom("cluster_features")
      .select(["article_id", "signature"])
      .where("article_id", "in", part)
      .execute();
    for (const r of rows) {
      const sig = JSON.parse(r.signature) as Signature;
      cache.signatures.set(Number(r.article_id), sig);
      out.set(Number(r.article_id), sig);
    }
  }
  return out;
}

/** `into`'s sums and span take in `add`'s. */
function combine(
  into: ClusterStory,
  add: { reports: number; first_at: string; last_at: string; sums: ArticleVectors },
): void {
  into.reports += add.reports;
  if (add.first_at < into.first_at) into.first_at = add.first_at;
  if (add.last_at > into.last_at) into.last_at = add.last_at;
  addVectorsInto(into.sums, add.sums);
}

interface ClusterStory {
  reports: number;
  first_at: string;
  last_at: string;
  sums: ArticleVectors;
}

async function readClusterStory(trx: Trx, storyId: number): Promise<ClusterStory | null> {
  const row = await trx
    .selectFrom("cluster_stories")
    .selectAll()
    .where("story_id", "=", storyId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    reports: Number(row.reports),
    first_at: row.first_at,
    last_at: row.last_at,
    sums: loadVectors(JSON.parse(row.sums) as StoredVectors),
  };
}

/** Writes the story's row, and keeps its sums as stored (and its reports' rows, when known) in the cache under the row's new version. */
async function writeClusterStory(
  trx: Trx,
  cache: ClusterCache,
  storyId: number,
  story: ClusterStory,
  filedAt: string,
  members?: { epoch: number; rows: readonly StoryMember[] },
): Promise<void> {
  const stored = storeVectors(story.sums, STORY_SUM_TERMS);
  const values = {
    reports: story.reports,
    first_at: story.first_at,
    last_at: story.last_at,
    filed_at: filedAt,
    sums: JSON.stringify(stored),
  };
  const row = await trx
    .insertInto("cluster_stories")
    .values({ story_id: storyId, ...values, version: 1 })
    .onConflict((oc) =>
      oc.column("story_id").doUpdateSet({ ...values, version: sql`cluster_stories.version + 1` }),
    )
    .returning("version")
    .executeTakeFirstOrThrow();
  const sums = loadVectors(stored);
  cache.sums.set(
    storyId,
    { tag: sumsTag({ ...values, version: Number(row.version) }), sums, ...(members ? { members } : {}) },
    vectorsSize(sums),
  );
}

/** Moves every report of `from` into `to`, and leaves a redirect so the old story URL keeps working. */
async function mergeStory(
  trx: Trx,
  from: number,
  to: number,
  into: ClusterStory,
  now: string,
): Promise<void> {
  const merged = await readClusterStory(trx, from);
  if (merged) combine(into, merged);
  await trx.updateTable("articles").set({ story_id: to }).where("story_id", "=", from).execute();
  await trx.updateTable("cluster_postings").set({ story_id: to }).where("story_id", "=", from).execute();
  await trx.updateTable("cluster_features").set({ story_id: to }).where("story_id", "=", from).execute();
  await trx.updateTable("story_redirects").set({ to_id: to }).where("to_id", "=", from).execute();
  await trx
    .insertInto("story_redirects")
    .values({ from_id: from, to_id: to, created_at: now })
    .onConflict((oc) => oc.column("from_id").doUpdateSet({ to_id: to }))
    .execute();
  await trx.deleteFrom("stories").where("id", "=", from).execute();
}

/**
 * Drops, in one transaction, up to `batch` articles' clustering rows and `batch` closed stories' sums
 * and postings, of those filed longer ago than any story can stay open (a story's postings go with it,
 * not with the report that posted them). By the filing clock, not publication time: a
 * new source's backlog of older items, which arrives after newer news, must still find its stories.
 * Under the clustering lock, so no filing reads a story's rows while they go. Returns how many rows of
 * each kind went (below `batch` for both: nothing older is left).
 */
export async function pruneClustering(
  db: Kysely<Database>,
  now: string,
  windowHours: number,
  batch = PRUNE_BATCH,
): Promise<{ articles: number; stories: number }> {
  return db.transaction().execute(async (trx) => {
    await lockClustering(trx);
    const before = iso(Date.parse(now) - hoursMs(windowHours + STORY_SPAN_HOURS));
    const old = await trx
      .selectFrom("cluster_features")
      .select("article_id")
      .where("filed_at", "<", before)
      .orderBy("filed_at", "asc")
      .limit(batch)
      .execute();
    const ids = old.map((r) => Number(r.article_id));
    if (ids.length > 0) {
      // Their postings stay with their story (it may be posted under a term by them alone).
      await trx.deleteFrom("cluster_features").where("article_id", "in", ids).execute();
      await trx
        .updateTable("cluster_state")
        .set({ prune_epoch: sql`prune_epoch + 1` })
        .where("id", "=", 1)
        .execute();
    }
    const closed = await trx
      .selectFrom("cluster_stories")
      .select("story_id")
      .where("filed_at", "<", before)
      .limit(batch)
      .execute();
    if (closed.length > 0) {
      const storyIds = closed.map((r) => Number(r.story_id));
      await trx.deleteFrom("cluster_postings").where("story_id", "in", storyIds).execute();
      await trx.deleteFrom("cluster_stories").where("story_id", "in", storyIds).execute();
    }
    return { articles: ids.length, stories: closed.length };
  });
}

/**
 * Files the just-inserted `article` into a story: an open one (merging any others it plainly
 * bridges), or a new story of its own. Runs inside the filing's transaction, which took the lock
 * first (taken again here, harmlessly, for any other caller). Clustering's old rows are pruned apart
 * (`pruneClustering`, by the minute's sweep), not here, and the story's summary is refreshed by the
 * caller (storage/article-filing.ts). Returns the story's id.
 */
export async function clusterInsertedArticle(
  trx: Transaction<Database>,
  cache: ClusterCache,
  article: InsertedArticle,
  request: ClusterRequest,
  now: string,
): Promise<number> {
  await lockClustering(trx);
  const { features, windowHours } = request;
  const atMs = Date.parse(article.at);
  const terms = [...termsOf(features)];
  const counted = await countDocument(trx, article.id, terms);
  const corpus = new StoredCorpus(counted.documents, cache);
  await corpus.load(trx, terms);
  // Weighted once, as the corpus stands now, and stored so: a report's vector never changes later.
  const vectors = articleVectors(features, corpus);
  const index = indexTerms(features, corpus);
  const sharing = await candidateStories(trx, index, atMs, windowHours);
  const candidates = await loadProfiles(
    trx,
    cache,
    [...sharing.keys()],
    atMs,
    windowHours,
    now,
    counted.epoch,
  );
  const decision = assignStory(
    { vectors, text: features.text, at: atMs, dated: request.dated ?? true, year: features.year },
    candidates,
  );

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
  // The chosen story's sums as just checked against its row (a copy: they are added to), else read.
  const known = candidates.find((c) => c.storyId === storyId);
  const profile = (known
    ? { reports: known.reports, ...known.row, sums: cloneVectors(known.sums) }
    : await readClusterStory(trx, storyId)) ?? {
    reports: 0,
    first_at: article.at,
    last_at: article.at,
    sums: emptyVectors(),
  };
  for (const other of decision.merge) await mergeStory(trx, other, storyId, profile, now);
  combine(profile, { reports: 1, first_at: article.at, last_at: article.at, sums: vectors });
  // Its reports' rows after this filing, when every part is known (a new story's, or the candidates').
  const self: StoryMember = { articleId: article.id, at: atMs, year: features.year ?? null, filedAt: now };
  const parts = [storyId, ...decision.merge].map(
    (id) => candidates.find((c) => c.storyId === id)?.reportRows,
  );
  const members =
    decision.storyId === null
      ? [self]
      : parts.every((p) => p !== undefined)
        ? [...parts.flatMap((p) => p ?? []), self]
        : undefined;
  await writeClusterStory(
    trx,
    cache,
    storyId,
    profile,
    now,
    members && { epoch: counted.epoch, rows: members },
  );

  await trx
    .updateTable("articles")
    .set({ story_id: storyId, near_duplicate_of: decision.nearDuplicateOf })
    .where("id", "=", article.id)
    .execute();
  if (decision.copies.length > 0) {
    // The original arrived after its copies: they (and copies of them) now point at it.
    await trx
      .updateTable("articles")
      .set({ near_duplicate_of: article.id })
      .where((eb) => eb.or([eb("id", "in", decision.copies), eb("near_duplicate_of", "in", decision.copies)]))
      .execute();
  }
  await trx
    .insertInto("cluster_features")
    .values({
      article_id: article.id,
      story_id: storyId,
      at: article.at,
      filed_at: now,
      // Only the whole-text vector is read again (for the story's representative report).
      vectors: JSON.stringify({ all: storeVector(vectors.all) }),
      signature: JSON.stringify(features.text),
      year: features.year,
    })
    .execute();
  // A term the story (or one merged into it) is already posted under finds it as well without this
  // article's posting: most of a joining report's rare terms are its story's, and every posting costs
  // a page written on a random leaf of the index. The story's first posting of a term is within its
  // span of the article, so it stays in the candidate query's time range while the story is open.
  const posted = new Set([storyId, ...decision.merge].flatMap((id) => [...(sharing.get(id) ?? [])]));
  const postings = index.filter((term) => !posted.has(term));
  if (postings.length > 0) {
    await trx
      .insertInto("cluster_postings")
      .values(postings.map((term) => ({ term, at: article.at, article_id: article.id, story_id: storyId })))
      .execute();
  }
  cache.signatures.set(article.id, features.text);
  const all = loadVector(storeVector(vectors.all));
  cache.allVectors.set(article.id, all, all.size);
  // The story's summary (title, counts, lead) is the caller's to refresh (storage/article-filing.ts).
  return storyId;
}

/** The reports' whole-text vectors as stored, read only where the cache lacks them (a stored vector never changes). */
async function loadAllVectors(
  trx: Trx,
  cache: ClusterCache | undefined,
  articleIds: readonly number[],
): Promise<Map<number, Vector>> {
  const out = new Map<number, Vector>();
  const missing: number[] = [];
  for (const id of articleIds) {
    const v = cache?.allVectors.get(id);
    if (v) out.set(id, v);
    else missing.push(id);
  }
  for (const part of chunks(missing)) {
    const rows = await trx
      .selectFrom("cluster_features")
      .select(["article_id", "vectors"])
      .where("article_id", "in", part)
      .execute();
    for (const r of rows) {
      const v = loadVector((JSON.parse(r.vectors) as Pick<StoredVectors, "all">).all);
      cache?.allVectors.set(Number(r.article_id), v, v.size);
      out.set(Number(r.article_id), v);
    }
  }
  return out;
}

/**
 * Refreshes story `storyId`'s summary in a transaction of its own, under the story's lock, after the
 * change that calls for it has committed: outside clustering's lock, which every filing waits for,
 * and still never stale, since the last refresh of a story reads everything committed before it.
 */
export async function summarizeStory(
  db: Kysely<Database>,
  storyId: number,
  now: string,
  cache?: ClusterCache,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await takeWriterLocks(trx, { story: storyId });
    await refreshStorySummary(trx, storyId, now, cache);
  });
}

/**
 * Stories filed into since `since` whose summary does not count their reports: a process stopped
 * between a filing's commit and its summary, on PostgreSQL (on SQLite a filing commits its story's
 * summary with it), or after a revision's commit (the minute's sweep refreshes them).
 */
export async function listUnsummarizedStories(db: Kysely<Database>, since: string): Promise<number[]> {
  const rows = await db
    .selectFrom("stories")
    .select("stories.id")
    .where("stories.id", "in", (eb) =>
      eb.selectFrom("cluster_features").select("story_id").distinct().where("filed_at", ">=", since),
    )
    .where(({ eb, selectFrom }) =>
      eb(
        "stories.article_count",
        "<>",
        selectFrom("articles")
          .select((a) => a.fn.countAll<number>().as("n"))
          .whereRef("articles.story_id", "=", "stories.id"),
      ),
    )
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Stories this large keep the representative report they had: finding the medoid reads every report's vector. */
export const REPRESENTATIVE_MAX_REPORTS = 20;

/**
 * Brings a story's summary up to date from its reports: counts and times, who reported first, the
 * representative report (whose headline names the story and whose first sentence leads it), and the
 * report whose image illustrates it.
 */
export async function refreshStorySummary(
  trx: Trx,
  storyId: number,
  now: string,
  cache?: ClusterCache,
): Promise<void> {
  const reports = await trx
    .selectFrom("articles")
    .select(["id", "source_id", "sort_at", "near_duplicate_of", "lead_image_url"])
    .where("story_id", "=", storyId)
    .orderBy("sort_at", "asc")
    .orderBy("id", "asc")
    .execute();
  const first = reports[0];
  const last = reports.at(-1);
  if (!first || !last) {
    await trx.deleteFrom("stories").where("id", "=", storyId).execute();
    return;
  }
  const story = await trx
    .selectFrom("stories")
    .select("lead_article_id")
    .where("id", "=", storyId)
    .executeTakeFirst();
  let leadId = story?.lead_article_id == null ? null : Number(story.lead_article_id);
  if (reports.length <= REPRESENTATIVE_MAX_REPORTS || leadId === null) {
    const rows = await trx
      .selectFrom("cluster_features")
      .select(["article_id", "at"])
      .where("story_id", "=", storyId)
      .execute();
    const vectors = await loadAllVectors(
      trx,
      cache,
      rows.map((r) => Number(r.article_id)),
    );
    const dup = new Set(reports.filter((r) => r.near_duplicate_of !== null).map((r) => Number(r.id)));
    leadId =
      representativeReport(
        rows.flatMap((r) => {
          const all = vectors.get(Number(r.article_id));
          return all
            ? [
                {
                  articleId: Number(r.article_id),
                  at: Date.parse(r.at),
                  all,
                  nearDuplicate: dup.has(Number(r.article_id)),
                },
              ]
            : [];
        }),
      ) ?? leadId;
  }
  const leadRow =
    (leadId === null
      ? undefined
      : await trx
          .selectFrom("articles")
          .select(["id", "title", "text", "language", "lead_image_url"])
          .where("id", "=", leadId)
          .executeTakeFirst()) ??
    (await trx
      .selectFrom("articles")
      .select(["id", "title", "text", "language", "lead_image_url"])
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow());
  const originals = reports.filter((r) => r.near_duplicate_of === null);
  const image = leadRow.lead_image_url
    ? leadRow
    : (originals.find((r) => r.lead_image_url) ?? reports.find((r) => r.lead_image_url));
  await trx
    .updateTable("stories")
    .set({
      title: leadRow.title,
      lead_sentence: leadSentence(leadRow.text, leadRow.language ?? "en"),
      article_count: reports.length,
      source_count: new Set(reports.map((r) => Number(r.source_id))).size,
      first_published_at: first.sort_at,
      last_published_at: last.sort_at,
      first_article_id: Number(first.id),
      lead_article_id: Number(leadRow.id),
      image_article_id: image ? Number(image.id) : null,
      updated_at: now,
    })
    .where("id", "=", storyId)
    .execute();
}
