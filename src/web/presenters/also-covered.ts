/**
 * @module "Also covered by" on an article page: the story's other outlets, each with its earliest
 * report, leaving out outlets that only republished this very article (the Source block names those).
 */
import type { StoryMember } from "../../storage/story-reads.ts";
import { articlePath, storyPath } from "./paths.ts";
import { memberSourceName, type TimeView, timeView } from "./story.ts";
import { cleanLanguageTag, textDirection } from "./text-direction.ts";

export interface CoveringReport {
  id: number;
  sourceName: string;
  title: string;
  path: string;
  at: TimeView;
  lang: string | null;
  dir: "rtl" | "ltr" | null;
}

export interface AlsoCoveredView {
  reports: CoveringReport[];
  /** The story page ("full coverage"), with its totals. */
  storyPath: string;
  reportCount: number;
  outletCount: number;
}

/** Null for a story with no other outlet. `members` are the story's own, oldest first. */
export function presentAlsoCovered(
  article: { id: number; sourceId: number },
  story: { id: number; title: string },
  members: readonly StoryMember[],
): AlsoCoveredView | null {
  const firstBySource = new Map<number, StoryMember>();
  for (const m of members) {
    if (m.source_id === article.sourceId || m.near_duplicate_of === article.id) continue;
    if (!firstBySource.has(m.source_id)) firstBySource.set(m.source_id, m);
  }
  if (firstBySource.size === 0) return null;
  return {
    reports: [...firstBySource.values()].map((m) => {
      const lang = cleanLanguageTag(m.language);
      return {
        id: m.id,
        sourceName: memberSourceName(m),
        title: m.title,
        path: articlePath(m.id, m.title),
        at: timeView(m.sort_at),
        lang,
        dir: textDirection(lang),
      };
    }),
    storyPath: storyPath(story.id, story.title),
    reportCount: members.length,
    outletCount: new Set(members.map((m) => m.source_id)).size,
  };
}
