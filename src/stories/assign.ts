/**
 * @module The clustering decision for one new article: which active story it reports on (or none,
 * so it starts its own), which stories it bridges (merged into one), and which earlier report it
 * reprints. Pure: the caller loads the candidates and the corpus statistics and stores the outcome.
 */
import type { Features } from "./features.ts";
import { containment } from "./minhash.ts";
import { type ArticleVectors, articleVectors, type Corpus, cosine } from "./vectors.ts";

/** One report already in a candidate story. */
export interface Member {
  articleId: number;
  features: Features;
  /** Its time (ms since the epoch): publication, else when it was fetched. */
  at: number;
}

export interface CandidateStory {
  storyId: number;
  members: readonly Member[];
}

export interface NewArticle {
  features: Features;
  at: number;
}

export interface Decision {
  /** The story the article joins, or null to start a new one. */
  storyId: number | null;
  /** Other stories the article also matches: merged into `storyId`. */
  merge: number[];
  /** The earliest report whose text the article reprints. */
  nearDuplicateOf: number | null;
}

/**
 * A reprint shares at least this share of the shorter text's 4-word shingles with the original.
 * Reruns with a new headline, a trimmed credit line or a changed word keep 0.8 or more; two outlets'
 * own write-ups of one event share under 0.1 (shared quotes included), so 0.6 leaves a wide margin
 * both ways. Checked on the dev sets: every rerun found, no write-up linked.
 */
export const NEAR_DUPLICATE_CONTAINMENT = 0.6;
/** Texts shorter than this many shingles (a one-line brief) are never called reprints: too little to tell. */
export const NEAR_DUPLICATE_MIN_SHINGLES = 20;

/**
 * SCHEMA's definition of a story: coverage more than 48 hours after the first report is a new
 * story (a follow-up with a new development), so no article joins a story first reported longer ago.
 */
export const STORY_SPAN_HOURS = 48;

/**
 * The score of "this article reports on this story" is a logistic model over the average
 * similarity of the article to the story's reports: of the whole texts, of the headlines and
 * leads, and of the names and numbers, less a decay for the days since the story's first report.
 * Weights were fitted by logistic regression on article-story pairs of both dev sets (the fictional
 * stories-dev and the real ECB+ odd topics; bench/stories/fit-weights.ts), then rounded; an
 * article joins the story with the highest score above 0 (probability one half).
 */
export const SCORE_WEIGHTS = {
  bias: -3.2,
  text: 5.4,
  lead: 5.8,
  entities: 7.0,
  /** Per day since the story's first report. */
  days: -0.6,
} as const;

/**
 * A second story is merged into the chosen one only when the article scores at least this for it
 * too (probability 0.95): merging is for articles that plainly report both stories' event, and a
 * wrong merge cannot be undone, while a missed one leaves two stories the next report can still join.
 */
export const MERGE_SCORE = 3;

const DAY_MS = 86_400_000;

interface MemberVectors {
  member: Member;
  vectors: ArticleVectors;
}

/** The logit that `article` reports on the story whose reports are `members`. */
export function storyScore(article: ArticleVectors, at: number, members: readonly MemberVectors[]): number {
  if (members.length === 0) return Number.NEGATIVE_INFINITY;
  let text = 0;
  let lead = 0;
  let entities = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const { member, vectors } of members) {
    text += cosine(article.all, vectors.all);
    lead += cosine(article.lead, vectors.lead);
    entities += cosine(article.entities, vectors.entities);
    first = Math.min(first, member.at);
  }
  const n = members.length;
  const days = Math.max(0, at - first) / DAY_MS;
  const w = SCORE_WEIGHTS;
  return w.bias + w.text * (text / n) + w.lead * (lead / n) + w.entities * (entities / n) + w.days * days;
}

/** The earliest report among the candidates whose text `article` reprints, if any. */
function findOriginal(article: NewArticle, stories: readonly CandidateStory[]): Member | null {
  if (article.features.text.shingles < NEAR_DUPLICATE_MIN_SHINGLES) return null;
  let best: Member | null = null;
  for (const story of stories) {
    for (const m of story.members) {
      if (m.features.text.shingles < NEAR_DUPLICATE_MIN_SHINGLES) continue;
      if (containment(article.features.text, m.features.text) < NEAR_DUPLICATE_CONTAINMENT) continue;
      if (!best || m.at < best.at || (m.at === best.at && m.articleId < best.articleId)) best = m;
    }
  }
  return best;
}

/**
 * Decides where `article` goes among `stories` (the active stories that share rare terms with it).
 * A reprint always joins its original's story. Otherwise it joins the best-scoring story first
 * reported within STORY_SPAN_HOURS, and any other story it also scores above 0 for is merged in: the
 * article bridges them. Ties go to the lower story id, so the same input always gives the same stories.
 */
export function assignStory(
  article: NewArticle,
  stories: readonly CandidateStory[],
  corpus: Corpus,
): Decision {
  const original = findOriginal(article, stories);
  const vectors = articleVectors(article.features, corpus);
  const scored: Array<{ storyId: number; score: number }> = [];
  for (const story of stories) {
    const first = Math.min(...story.members.map((m) => m.at));
    if (article.at - first > STORY_SPAN_HOURS * 3_600_000) continue;
    const members = story.members.map((member) => ({
      member,
      vectors: articleVectors(member.features, corpus),
    }));
    const score = storyScore(vectors, article.at, members);
    if (score > 0) scored.push({ storyId: story.storyId, score });
  }
  scored.sort((a, b) => b.score - a.score || a.storyId - b.storyId);
  if (original) {
    const home = stories.find((s) => s.members.some((m) => m.articleId === original.articleId));
    const storyId = home?.storyId ?? null;
    return {
      storyId,
      merge: scored.filter((s) => s.score >= MERGE_SCORE && s.storyId !== storyId).map((s) => s.storyId),
      nearDuplicateOf: original.articleId,
    };
  }
  const [best, ...others] = scored;
  const merge = others.filter((s) => s.score >= MERGE_SCORE).map((s) => s.storyId);
  return { storyId: best?.storyId ?? null, merge, nearDuplicateOf: null };
}
