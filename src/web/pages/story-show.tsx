/** @module A story page: every outlet's version with its time, oldest first (for one article or many). */
import type { StoryView } from "../presenters/story.ts";
import { ArticleCard } from "../views/article-card.tsx";
import { StoryComments, type StoryCommentsProps } from "../views/story-comments.tsx";

export function StoryPage({
  story,
  commentCounts,
  comments,
}: {
  story: StoryView;
  commentCounts: ReadonlyMap<number, number>;
  comments: StoryCommentsProps;
}) {
  const first = story.articles[0];
  const n = story.articles.length;
  return (
    <>
      <h1>{story.title}</h1>
      <p class="meta">
        {n === 1 ? "1 article" : `${n} articles`} from{" "}
        {story.outletCount === 1 ? "1 outlet" : `${story.outletCount} outlets`}
        {first?.publishedIso ? (
          <>
            , first reported <time datetime={first.publishedIso}>{first.publishedDisplay}</time>
          </>
        ) : null}
        .
      </p>
      <ol class="cards story-versions">
        {story.articles.map((a) => (
          <li key={a.id}>
            <ArticleCard article={a} level={2} commentCount={commentCounts.get(a.id) ?? 0} />
          </li>
        ))}
      </ol>
      <StoryComments {...comments} />
    </>
  );
}
