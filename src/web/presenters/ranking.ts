/** @module Front-page ranking of stories: how many outlets cover a story, against how old it is. */
import type { Story } from "../../storage/schema.ts";

/** Hours added to every age, so a story published this minute does not divide by zero or swamp the rest. */
export const RANK_AGE_OFFSET_HOURS = 2;
/**
 * How fast age wins over coverage. At 1, a story k outlets cover stays above a brand-new single
 * article for 2(k-1) hours: two outlets for 2 hours, five for 8.
 */
export const RANK_GRAVITY = 1;

/**
 * score = outlets / (ageHours + 2) ^ 1 (RANK_GRAVITY), where ageHours is measured from the newest candidate's
 * time, not the clock: the order is a function of the stored data alone, so a cached front page
 * stays right until the data changes, and a quiet site still shows its latest news on top.
 * Ties go to the newer story, then the higher id.
 */
export function storyScore(story: Pick<Story, "source_count" | "last_published_at">, referenceMs: number) {
  const ageHours = Math.max(0, (referenceMs - Date.parse(story.last_published_at)) / 3_600_000);
  const outlets = Math.max(1, Number(story.source_count));
  return outlets / (ageHours + RANK_AGE_OFFSET_HOURS) ** RANK_GRAVITY;
}

/** The `limit` best stories of `candidates`, best first. Pure: same input, same order. */
export function rankStories<S extends Pick<Story, "id" | "source_count" | "last_published_at">>(
  candidates: readonly S[],
  limit: number,
): S[] {
  if (candidates.length === 0) return [];
  const reference = Math.max(...candidates.map((s) => Date.parse(s.last_published_at) || 0));
  return candidates
    .map((story) => ({ story, score: storyScore(story, reference) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.story.last_published_at.localeCompare(a.story.last_published_at) ||
        b.story.id - a.story.id,
    )
    .slice(0, limit)
    .map((s) => s.story);
}
