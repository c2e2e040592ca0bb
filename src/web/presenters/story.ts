/** @module Stories to view models: the title, its path, its articles oldest first, and how many outlets. */
import type { Story } from "../../storage/schema.ts";
import type { ArticleView } from "./article.ts";
import { storyPath } from "./paths.ts";

export interface StoryView {
  id: number;
  path: string;
  title: string;
  /** The article a list shows for the story: the first with a picture, else the first reported. */
  lead: ArticleView;
  /** Every article, oldest first. */
  articles: ArticleView[];
  outletCount: number;
}

/** `articles` must be the story's own, oldest first (as listStoryArticles returns them); null when empty. */
export function presentStory(story: Story, articles: ArticleView[]): StoryView | null {
  const lead = articles.find((a) => a.leadImage && a.displayMode === "full") ?? articles[0];
  if (!lead) return null;
  return {
    id: story.id,
    path: storyPath(story.id, story.title),
    title: story.title,
    lead,
    articles,
    outletCount: new Set(articles.map((a) => a.sourceId)).size,
  };
}

/** Groups articles (of several stories) by their story id, keeping their order. */
export function groupByStory(articles: readonly ArticleView[]): Map<number, ArticleView[]> {
  const out = new Map<number, ArticleView[]>();
  for (const a of articles) {
    if (a.storyId === null) continue;
    const list = out.get(a.storyId) ?? [];
    list.push(a);
    out.set(a.storyId, list);
  }
  return out;
}
