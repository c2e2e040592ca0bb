/**
 * @module Where clustering's time goes: a read-only replay of clusterInsertedArticle's steps
 * (src/storage/clustering.ts, copied here with a timer around each; src/ is not changed) for articles
 * of the stream against the state the benchmark left. Writes are not replayed: their cost shows in the
 * benchmark's query profile (the INSERTs and the COMMIT).
 */
import type { Kysely } from "kysely";
import { clusterRequest } from "../src/ingest/cluster-request.ts";
import type { Database, NewArticle } from "../src/storage/schema.ts";
import { assignStory, STORY_SPAN_HOURS, type StoryProfile } from "../src/stories/assign.ts";
import { indexTerms } from "../src/stories/index-terms.ts";
import { signature } from "../src/stories/minhash.ts";
import { representativeReport } from "../src/stories/representative.ts";
import { tokenize } from "../src/stories/tokens.ts";
import {
  articleVectors,
  type Corpus,
  loadVector,
  loadVectors,
  STORY_SUM_TERMS,
  type StoredVectors,
  storeVectors,
  termsOf,
} from "../src/stories/vectors.ts";

const MAX_CANDIDATE_STORIES = 40;
const hoursMs = (h: number) => h * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface PhaseReport {
  /** Mean ms per article, by step, in order. */
  steps: Array<[string, number]>;
  candidates: number;
  members: number;
  sumsBytes: number;
  signatureBytes: number;
}

export async function replayPhases(
  db: Kysely<Database>,
  rows: readonly NewArticle[],
  windowHours: number,
): Promise<PhaseReport> {
  const t = new Map<string, number>();
  const add = (k: string, ms: number) => t.set(k, (t.get(k) ?? 0) + ms);
  let candidatesTotal = 0;
  let membersTotal = 0;
  let sumsBytes = 0;
  let signatureBytes = 0;
  const documents = Number(
    (await db.selectFrom("cluster_state").select("documents").executeTakeFirstOrThrow()).documents,
  );
  for (const row of rows) {
    let t0 = performance.now();
    const { features } = clusterRequest(row, { storyWindowHours: windowHours });
    add("features: articleFeatures, all of it", performance.now() - t0);
    t0 = performance.now();
    const words = tokenize(row.text, "en");
    add("features:   one tokenize() of the body (it runs 2-3 times)", performance.now() - t0);
    t0 = performance.now();
    signature(words.map((w) => w.norm));
    add("features:   signature() (MinHash, 64 permutations)", performance.now() - t0);

    const atMs = Date.parse(row.published_at ?? row.fetched_at);
    const terms = [...termsOf(features)];
    t0 = performance.now();
    const known = new Map<string, number>();
    for (let i = 0; i < terms.length; i += 500) {
      const part = terms.slice(i, i + 500);
      for (const r of await db
        .selectFrom("term_stats")
        .select(["term", "df"])
        .where("term", "in", part)
        .execute())
        known.set(r.term, Number(r.df));
    }
    add("SQL: read term_stats for the article's terms", performance.now() - t0);
    t0 = performance.now();
    const corpus: Corpus = { documents, df: (term) => known.get(term) ?? 0 };
    const vectors = articleVectors(features, corpus);
    const index = indexTerms(features, corpus);
    add("JS: weigh vectors, pick index terms", performance.now() - t0);

    t0 = performance.now();
    const ids = (
      await db
        .selectFrom("cluster_terms as ct")
        .innerJoin("cluster_features as cf", "cf.article_id", "ct.article_id")
        .select(["cf.story_id", (eb) => eb.fn.countAll<number>().as("shared")])
        .where("ct.term", "in", index)
        .where("ct.at", ">=", iso(atMs - hoursMs(windowHours + STORY_SPAN_HOURS)))
        .where("ct.at", "<=", iso(atMs + hoursMs(windowHours)))
        .groupBy("cf.story_id")
        .orderBy("shared", "desc")
        .orderBy("cf.story_id", "asc")
        .limit(MAX_CANDIDATE_STORIES)
        .execute()
    ).map((r) => Number(r.story_id));
    add("SQL: candidate stories (inverted index)", performance.now() - t0);
    candidatesTotal += ids.length;

    let profiles: StoryProfile[] = [];
    if (ids.length > 0) {
      t0 = performance.now();
      const stories = await db
        .selectFrom("cluster_stories")
        .selectAll()
        .where("story_id", "in", ids)
        .where("last_at", ">=", iso(atMs - hoursMs(windowHours)))
        .execute();
      add("SQL: candidates' cluster_stories rows (sums)", performance.now() - t0);
      t0 = performance.now();
      const members =
        stories.length === 0
          ? []
          : await db
              .selectFrom("cluster_features")
              .select(["article_id", "story_id", "at", "signature"])
              .where(
                "story_id",
                "in",
                stories.map((s) => Number(s.story_id)),
              )
              .execute();
      add("SQL: candidates' members (signatures)", performance.now() - t0);
      membersTotal += members.length;
      for (const s of stories) sumsBytes += s.sums.length;
      for (const m of members) signatureBytes += m.signature.length;
      t0 = performance.now();
      const byStory = new Map<number, StoryProfile["members"][number][]>();
      for (const m of members) {
        const list = byStory.get(Number(m.story_id)) ?? [];
        list.push({ articleId: Number(m.article_id), at: Date.parse(m.at), text: JSON.parse(m.signature) });
        byStory.set(Number(m.story_id), list);
      }
      add("JS: parse members' signatures", performance.now() - t0);
      t0 = performance.now();
      profiles = stories.map((s) => ({
        storyId: Number(s.story_id),
        reports: Number(s.reports),
        firstAt: Date.parse(s.first_at),
        lastAt: Date.parse(s.last_at),
        sums: loadVectors(JSON.parse(s.sums) as StoredVectors),
        members: byStory.get(Number(s.story_id)) ?? [],
      }));
      add("JS: parse candidates' sums (JSON.parse + Maps)", performance.now() - t0);
    }
    t0 = performance.now();
    const decision = assignStory({ vectors, text: features.text, at: atMs }, profiles);
    add("JS: assignStory (scores, near-duplicates)", performance.now() - t0);

    t0 = performance.now();
    JSON.stringify(storeVectors(vectors));
    JSON.stringify(features.text);
    const chosen = profiles.find((p) => p.storyId === decision.storyId);
    if (chosen) JSON.stringify(storeVectors(chosen.sums, STORY_SUM_TERMS));
    add("JS: serialize the article's vectors and the story's sums", performance.now() - t0);

    if (decision.storyId !== null) {
      t0 = performance.now();
      const reps = await db
        .selectFrom("cluster_features")
        .select(["article_id", "at", "vectors"])
        .where("story_id", "=", decision.storyId)
        .execute();
      add("SQL: story summary, members' vectors", performance.now() - t0);
      t0 = performance.now();
      representativeReport(
        reps.map((r) => ({
          articleId: Number(r.article_id),
          at: Date.parse(r.at),
          all: loadVector((JSON.parse(r.vectors) as StoredVectors).all),
          nearDuplicate: false,
        })),
      );
      add("JS: story summary, parse vectors + medoid", performance.now() - t0);
    }
  }
  const n = rows.length;
  return {
    steps: [...t].map(([k, ms]) => [k, ms / n]),
    candidates: candidatesTotal / n,
    members: membersTotal / n,
    sumsBytes: sumsBytes / n,
    signatureBytes: signatureBytes / n,
  };
}
