/** @module Whether an article still takes comments: closed by hand, or N days after it was published. */

export interface ClosableArticle {
  comments_closed: number;
  published_at: string | null;
  sort_at: string;
}

/** True when comments are closed on the article at `now` (closeAfterDays 0: never by age). */
export function commentsClosed(article: ClosableArticle, closeAfterDays: number, now: Date): boolean {
  if (Number(article.comments_closed) === 1) return true;
  if (closeAfterDays <= 0) return false;
  const since = Date.parse(article.published_at ?? article.sort_at);
  if (Number.isNaN(since)) return false;
  return now.getTime() > since + closeAfterDays * 86_400_000;
}
