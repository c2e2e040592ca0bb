/**
 * @module A story page's view model: every report grouped by outlet in time order, reprints under the
 * report they reprint ("republished by"), a timeline of every report, and the coverage breakdown.
 */
import type { ArticleWithSource } from "../../storage/articles.ts";
import type { Story } from "../../storage/schema.ts";
import type { StoryMember } from "../../storage/story-reads.ts";
import { type ArticleView, presentArticle } from "./article.ts";
import { articlePath, sourcePath, webUrl } from "./paths.ts";
import { type CoverageBreakdown, coverageBreakdown } from "./source-labels.ts";
import {
  memberSourceName,
  type OutletView,
  presentStoryCard,
  type StoryCardView,
  storyOutlets,
  type TimeView,
  timeView,
} from "./story.ts";
import { cleanLanguageTag, textDirection } from "./text-direction.ts";

/** Another outlet running the same text: named and linked, never listed as a report of its own. */
export interface RepublishView {
  id: number;
  sourceName: string;
  sourcePath: string;
  path: string;
  originalUrl: string;
  at: TimeView;
}

export interface ReportView {
  article: ArticleView;
  republished: RepublishView[];
}

export interface OutletGroup {
  outlet: OutletView;
  reports: ReportView[];
}

export interface TimelineEntry {
  id: number;
  at: TimeView;
  sourceName: string;
  title: string;
  path: string;
  reprint: boolean;
  lang: string | null;
  dir: "rtl" | "ltr" | null;
}

export interface StoryPageView {
  card: StoryCardView;
  groups: OutletGroup[];
  timeline: TimelineEntry[];
  breakdown: CoverageBreakdown;
  /** The newest report or edit. */
  updated: TimeView;
}

export function presentRepublish(m: StoryMember): RepublishView {
  const name = memberSourceName(m);
  return {
    id: m.id,
    sourceName: name,
    sourcePath: sourcePath(m.source_id, name),
    path: articlePath(m.id, m.title),
    originalUrl: webUrl(m.url) ?? "#",
    at: timeView(m.sort_at),
  };
}

/**
 * `members` are the story's own, oldest first; `rows` holds every member's row (card columns suffice).
 * Null when the story has nothing to show.
 */
export function presentStoryPage(
  story: Story,
  members: readonly StoryMember[],
  rows: ReadonlyMap<number, ArticleWithSource>,
): StoryPageView | null {
  const card = presentStoryCard(story, members, rows);
  if (!card) return null;
  const inStory = new Set(members.map((m) => m.id));
  // A reprint of a report in this story goes under that report; one whose original is elsewhere stands alone.
  const underOriginal = (m: StoryMember) => m.near_duplicate_of !== null && inStory.has(m.near_duplicate_of);
  const republished = new Map<number, RepublishView[]>();
  for (const m of members) {
    if (!underOriginal(m) || m.near_duplicate_of === null) continue;
    const list = republished.get(m.near_duplicate_of) ?? [];
    list.push(presentRepublish(m));
    republished.set(m.near_duplicate_of, list);
  }
  const groups = new Map<number, OutletGroup>();
  const outlets = storyOutlets(members);
  for (const m of members) {
    const row = rows.get(m.id);
    if (underOriginal(m) || !row) continue;
    const outlet = outlets.find((o) => o.sourceId === m.source_id);
    if (!outlet) continue;
    const group = groups.get(m.source_id) ?? { outlet, reports: [] };
    group.reports.push({ article: presentArticle(row), republished: republished.get(m.id) ?? [] });
    groups.set(m.source_id, group);
  }
  let updated = story.last_published_at;
  for (const m of members) if (m.revised_at && m.revised_at > updated) updated = m.revised_at;
  return {
    card,
    // Outlets in the order they first reported, each group's reports oldest first.
    groups: outlets.flatMap((o) => groups.get(o.sourceId) ?? []),
    timeline: members.map((m) => {
      const lang = cleanLanguageTag(m.language);
      return {
        id: m.id,
        at: timeView(m.sort_at),
        sourceName: memberSourceName(m),
        title: m.title,
        path: articlePath(m.id, m.title),
        reprint: underOriginal(m),
        lang,
        dir: textDirection(lang),
      };
    }),
    breakdown: coverageBreakdown(outlets.map((o) => o.labels)),
    updated: timeView(updated),
  };
}
