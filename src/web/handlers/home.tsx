/**
 * @module GET / : the top stories and topic sections (first page only), then the latest articles,
 * paginated by keyset cursor. An uncached render makes six queries however many stories it shows.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { listLatestOriginals, listReprintLinks } from "../../storage/original-lists.ts";
import { listRecentStories } from "../../storage/stories.ts";
import { listCardArticles, listStoryMembers, listStoryTopics } from "../../storage/story-reads.ts";
import type { WebContext } from "../context.ts";
import { HomePage } from "../pages/home.tsx";
import { presentArticle } from "../presenters/article.ts";
import { olderLink } from "../presenters/cursor.ts";
import { planFrontPage } from "../presenters/front-page.ts";
import { reprintNotes } from "../presenters/reprints.ts";
import { membersByStory, presentStoryCard, type StoryCardView, storyCardIds } from "../presenters/story.ts";
import { renderPage } from "../render.tsx";
import { cursorFrom, sendHtml, splitPage } from "./params.ts";

/** How many articles the "Latest" list shows per page. */
const LATEST_PAGE_SIZE = 30;
/**
 * Stories are chosen from at most this many candidates of the last `WINDOW_HOURS`, and from at least
 * the newest `MIN_CANDIDATES` when the window holds fewer (a site whose news is days apart).
 */
const CANDIDATES = 200;
const WINDOW_HOURS = 48;
const MIN_CANDIDATES = 30;

interface FrontStories {
  top: StoryCardView[];
  sections: Array<{ slug: string; name: string; stories: StoryCardView[] }>;
}

async function frontStories(ctx: WebContext): Promise<FrontStories> {
  const candidates = await listRecentStories(ctx.db, WINDOW_HOURS, CANDIDATES, MIN_CANDIDATES);
  const topics = await listStoryTopics(
    ctx.db,
    candidates.map((s) => s.id),
  );
  const plan = planFrontPage(candidates, topics);
  const chosen = [...plan.top, ...plan.sections.flatMap((s) => s.stories)];
  const members = membersByStory(
    await listStoryMembers(
      ctx.db,
      chosen.map((s) => s.id),
    ),
  );
  const cardIds = chosen.flatMap((s) => {
    const ids = storyCardIds(s, members.get(s.id) ?? []);
    return [ids.lead, ids.image].filter((id): id is number => id !== null);
  });
  const cards = await listCardArticles(ctx.db, cardIds);
  const present = (list: typeof chosen) =>
    list.flatMap((s) => presentStoryCard(s, members.get(s.id) ?? [], cards) ?? []);
  return {
    top: present(plan.top),
    sections: plan.sections
      .map((s) => ({ slug: s.slug, name: s.name, stories: present(s.stories) }))
      .filter((s) => s.stories.length > 0),
  };
}

export async function home(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const before = cursorFrom(req);
  const [stories, latestRows] = await Promise.all([
    before ? { top: [], sections: [] } : frontStories(ctx),
    listLatestOriginals(ctx.db, LATEST_PAGE_SIZE + 1, { before }),
  ]);
  const page = splitPage(latestRows, LATEST_PAGE_SIZE);
  // The first page does not list again the reports of the stories above it (their cards lead to them).
  const shown = new Set([...stories.top, ...stories.sections.flatMap((s) => s.stories)].map((s) => s.id));
  const latest = page.rows.map(presentArticle).filter((a) => a.storyId === null || !shown.has(a.storyId));
  const notes = reprintNotes(
    await listReprintLinks(
      ctx.db,
      latest.map((a) => a.id),
    ),
  );
  const html = renderPage(
    ctx.config,
    {
      title: ctx.config.siteTitle,
      description: ctx.config.siteDescription,
      path: "/",
      canonical: null,
      wide: true,
    },
    <HomePage
      siteTitle={ctx.config.siteTitle}
      top={stories.top}
      sections={stories.sections}
      latest={latest}
      notes={notes}
      older={olderLink("/", page.rows, page.more)}
      firstPage={!before}
    />,
  );
  return sendHtml(reply, html);
}
