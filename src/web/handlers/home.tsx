/** @module GET / : top stories (first page only), then the latest articles, paginated by keyset cursor. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { listLatestArticles } from "../../storage/articles.ts";
import { listRecentStories, listStoryArticles } from "../../storage/stories.ts";
import type { WebContext } from "../context.ts";
import { HomePage } from "../pages/home.tsx";
import { presentArticle } from "../presenters/article.ts";
import { olderLink } from "../presenters/cursor.ts";
import { rankStories } from "../presenters/ranking.ts";
import { groupByStory, presentStory, type StoryView } from "../presenters/story.ts";
import { renderPage } from "../render.tsx";
import { cursorFrom, sendHtml, splitPage } from "./params.ts";

/** How many articles the "Latest" list shows per page. */
const LATEST_PAGE_SIZE = 30;
/** Top stories shown, chosen from at most this many candidates of the last `WINDOW_HOURS`. */
const TOP_STORIES = 8;
const CANDIDATES = 200;
const WINDOW_HOURS = 48;

async function topStories(ctx: WebContext): Promise<StoryView[]> {
  const ranked = rankStories(await listRecentStories(ctx.db, WINDOW_HOURS, CANDIDATES), TOP_STORIES);
  const byStory = groupByStory(
    (
      await listStoryArticles(
        ctx.db,
        ranked.map((s) => s.id),
      )
    ).map(presentArticle),
  );
  return ranked.flatMap((s) => presentStory(s, byStory.get(s.id) ?? []) ?? []);
}

export async function home(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const before = cursorFrom(req);
  const [stories, latestRows] = await Promise.all([
    before ? [] : topStories(ctx),
    listLatestArticles(ctx.db, LATEST_PAGE_SIZE + 1, { before }),
  ]);
  const page = splitPage(latestRows, LATEST_PAGE_SIZE);
  // The first page does not repeat the articles the top stories already lead with.
  const shown = new Set(stories.map((s) => s.lead.id));
  const latest = page.rows.map(presentArticle).filter((a) => !shown.has(a.id));
  const html = renderPage(
    ctx.config,
    { title: ctx.config.siteTitle, description: ctx.config.siteDescription, path: "/", canonical: null },
    <HomePage
      siteTitle={ctx.config.siteTitle}
      stories={stories}
      latest={latest}
      older={olderLink("/", page.rows, page.more)}
      firstPage={!before}
    />,
  );
  return sendHtml(reply, html);
}
