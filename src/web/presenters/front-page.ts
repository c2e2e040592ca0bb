/**
 * @module The front page's plan, pure: the top stories by ranking, then sections for the main topics
 * of the recent stories, each story shown once on the page.
 */
import type { Story } from "../../storage/schema.ts";
import { rankStories } from "./ranking.ts";

/** Stories at the top: the lead story and the grid under it. */
export const TOP_STORIES = 7;
/** Topic sections, and stories per section. */
export const SECTIONS = 4;
export const SECTION_STORIES = 4;
/** A topic needs this many stories beyond the top ones to be worth a section. */
export const SECTION_MIN_STORIES = 2;

export interface FrontPagePlan<S> {
  top: S[];
  sections: Array<{ slug: string; name: string; stories: S[] }>;
}

/**
 * Ranks `candidates` for the top; the topics carried by the most remaining candidates (more outlets
 * count more, ties by name) each get a section of their best remaining stories.
 */
export function planFrontPage<S extends Pick<Story, "id" | "source_count" | "last_published_at">>(
  candidates: readonly S[],
  topics: ReadonlyArray<{ storyId: number; slug: string; name: string }>,
): FrontPagePlan<S> {
  const top = rankStories(candidates, TOP_STORIES);
  const shown = new Set(top.map((s) => s.id));
  const byId = new Map(candidates.map((s) => [s.id, s]));
  const byTopic = new Map<string, { name: string; stories: S[]; weight: number }>();
  for (const t of topics) {
    const story = byId.get(t.storyId);
    if (!story || shown.has(story.id)) continue;
    const entry = byTopic.get(t.slug) ?? { name: t.name, stories: [], weight: 0 };
    entry.stories.push(story);
    entry.weight += Math.max(1, Number(story.source_count));
    byTopic.set(t.slug, entry);
  }
  const order = [...byTopic]
    .filter(([, t]) => t.stories.length >= SECTION_MIN_STORIES)
    .sort(([sa, a], [sb, b]) => b.weight - a.weight || a.name.localeCompare(b.name) || sa.localeCompare(sb));
  const sections: FrontPagePlan<S>["sections"] = [];
  for (const [slug, t] of order) {
    if (sections.length >= SECTIONS) break;
    const stories = rankStories(
      t.stories.filter((s) => !shown.has(s.id)),
      SECTION_STORIES,
    );
    if (stories.length < SECTION_MIN_STORIES) continue;
    for (const s of stories) shown.add(s.id);
    sections.push({ slug, name: t.name, stories });
  }
  return { top, sections };
}
