/** @module One article in a list: headline link, outlet, time, excerpt; images lazy-loaded below the fold. */
import type { ArticleView } from "../presenters/article.ts";
import { ArticleMeta } from "./article-meta.tsx";

export interface ArticleCardProps {
  article: ArticleView;
  /** The heading level that fits the page's outline (h2 under the page's h1, h3 under a section's h2). */
  level?: 2 | 3;
  /** "N outlets" and a link to the story page, on the front page's top stories. */
  story?: { path: string; outletCount: number } | null;
  /** Approved comments, shown in the meta line where a page knows them (the story page). */
  commentCount?: number;
}

export function ArticleCard({ article, level = 2, story, commentCount }: ArticleCardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class="card" lang={article.lang ?? undefined} dir={article.dir ?? undefined}>
      <Heading class="card-title">
        <a href={article.path}>{article.title}</a>
      </Heading>
      <ArticleMeta
        article={article}
        withByline={false}
        commentCount={commentCount}
        commentsHref={commentCount === undefined ? undefined : `${article.path}#comments`}
      />
      {article.excerpt ? <p class="excerpt">{article.excerpt}</p> : null}
      {story && story.outletCount > 1 ? (
        <p class="story-link">
          <a href={story.path}>{story.outletCount} outlets cover this story</a>
        </p>
      ) : null}
    </article>
  );
}
