/** @module The search feeds' source of articles: the search module's ranked hits, loaded whole for the feed builders. */
import { dialectOf, searchArticles } from "../../search/search.ts";
import { listArticlesByIds } from "../../storage/articles.ts";
import type { SearchForFeed } from "./search-feed.ts";

/** The first page of a search, best first, as full article rows (feeds need bodies and display modes). */
export const searchForFeed: SearchForFeed = async (ctx, q, limit) => {
  const page = await searchArticles({ kysely: ctx.db, dialect: dialectOf(ctx.db) }, { q, perPage: limit });
  return listArticlesByIds(
    ctx.db,
    page.hits.map((h) => h.article.id),
  );
};
