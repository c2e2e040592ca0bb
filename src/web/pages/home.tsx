/** @module The front page: the latest articles from every source. */
import type { ArticleView } from "../presenters/article.ts";
import { ArticleCard } from "../views/article-card.tsx";

export function HomePage({ articles }: { articles: ArticleView[] }) {
  return (
    <>
      <h1>Latest news</h1>
      {articles.length === 0 ? (
        <p class="empty">
          No articles yet. Add a source with <code>newsdesk add &lt;feed-url&gt;</code>; articles appear after
          the next fetch.
        </p>
      ) : (
        <div class="cards">
          {articles.map((a) => (
            <ArticleCard key={a.id} article={a} />
          ))}
        </div>
      )}
    </>
  );
}
