/** @module "Also covered by": the story's other articles, each with outlet and time, and the story page. */
import type { ArticleView } from "../presenters/article.ts";

export function AlsoCovered({ others, storyPath }: { others: ArticleView[]; storyPath: string | null }) {
  // A story of one article has nothing to add; the section would only be noise.
  if (others.length === 0) return null;
  return (
    <section class="also-covered" aria-labelledby="also-heading">
      <h2 id="also-heading">Also covered by</h2>
      <ul>
        {others.map((a) => (
          <li key={a.id} lang={a.lang ?? undefined} dir={a.dir ?? undefined}>
            <span class="outlet">{a.sourceName}</span>
            {a.publishedIso ? (
              <>
                {" · "}
                <time datetime={a.publishedIso}>{a.publishedDisplay}</time>
              </>
            ) : null}
            {": "}
            <a href={a.path}>{a.title}</a>
          </li>
        ))}
      </ul>
      {storyPath ? (
        <p>
          <a href={storyPath}>Every version of this story</a>
        </p>
      ) : null}
    </section>
  );
}
