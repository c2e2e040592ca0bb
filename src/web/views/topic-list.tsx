/** @module An article's topics, each linking to its topic page. */
import { topicPath } from "../presenters/paths.ts";

export function TopicList({ topics }: { topics: ReadonlyArray<{ slug: string; name: string }> }) {
  if (topics.length === 0) return null;
  return (
    <nav class="topics" aria-label="Topics">
      <h2 class="visually-hidden">Topics</h2>
      <ul>
        {topics.map((t) => (
          <li key={t.slug}>
            <a href={topicPath(t.slug)}>{t.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
