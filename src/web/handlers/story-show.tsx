/**
 * @module GET /stories/:id-:slug : a story's page; a wrong slug, or a story merged into another
 * (story_redirects), answers 301 with the story's own path.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { countApprovedCommentsFor } from "../../storage/comments.ts";
import { listStatementsOfArticles } from "../../storage/people.ts";
import type { Story } from "../../storage/schema.ts";
import { findStoryById } from "../../storage/stories.ts";
import { findStoryRedirect, listCardArticles, listStoryMembers } from "../../storage/story-reads.ts";
import { loadCommentsSection } from "../comments/article-comments.ts";
import type { WebContext } from "../context.ts";
import { StoryPage } from "../pages/story-show.tsx";
import { presentArticle } from "../presenters/article.ts";
import { siteUrl, storyPath } from "../presenters/paths.ts";
import { presentStoryStatements } from "../presenters/statements.ts";
import { presentStoryPage, type StoryPageView } from "../presenters/story-page.ts";
import { renderPage } from "../render.tsx";
import type { StoryCommentsProps, StoryThread } from "../views/story-comments.tsx";
import { idFromSlug, notFound, redirectToOwnPath, sendHtml } from "./params.ts";

/**
 * The story at `idSlug`, following merges: `{story}` to render, `{moved}` for the survivor's path, or
 * a 404 for a story that never was (or was merged into one since deleted).
 */
export async function findStoryOrMove(
  ctx: WebContext,
  idSlug: string,
): Promise<{ story: Story; moved?: undefined } | { story?: undefined; moved: Story }> {
  const id = idFromSlug(idSlug);
  const story = id === null ? undefined : await findStoryById(ctx.db, id);
  if (story) return { story };
  const to = id === null ? undefined : await findStoryRedirect(ctx.db, id);
  const survivor = to === undefined ? undefined : await findStoryById(ctx.db, to);
  if (!survivor) throw notFound("story");
  return { moved: survivor };
}

/** The threads of the reports that have comments, and the form for the lead report. */
async function loadStoryComments(
  ctx: WebContext,
  view: StoryPageView,
  memberIds: readonly number[],
  rows: ReadonlyMap<number, ArticleWithSource>,
  counts: ReadonlyMap<number, number>,
): Promise<StoryCommentsProps> {
  const now = new Date();
  const threads: StoryThread[] = [];
  let form: StoryCommentsProps["form"] = null;
  const lead = view.card.lead;
  // The lead report first (its form is the page's), then every report with comments, reprints too.
  for (const id of new Set([lead.id, ...memberIds])) {
    const row = rows.get(id);
    const isLead = id === lead.id;
    if (!row || (!isLead && (counts.get(id) ?? 0) === 0)) continue;
    const article = presentArticle(row);
    const section = await loadCommentsSection(ctx, row, article.path, now);
    if (isLead) form = section.form;
    if (section.thread.length > 0) {
      threads.push({
        articlePath: article.path,
        articleTitle: article.title,
        sourceName: article.sourceName,
        comments: section.thread,
        open: section.form !== null,
      });
    }
  }
  let count = 0;
  for (const n of counts.values()) count += n;
  return { count, threads, form, leadSourceName: lead.sourceName };
}

/** The story's feeds, as the page advertises them with rel=alternate. */
export function storyFeedLinks(path: string, title: string) {
  return [
    { href: `${path}/feed.xml`, title: `${title} (RSS)`, type: "application/rss+xml" },
    { href: `${path}/feed.atom`, title: `${title} (Atom)`, type: "application/atom+xml" },
    { href: `${path}/feed.json`, title: `${title} (JSON Feed)`, type: "application/feed+json" },
  ];
}

export async function storyShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const found = await findStoryOrMove(ctx, (req.params as { idSlug: string }).idSlug);
  if (found.moved) return reply.redirect(storyPath(found.moved.id, found.moved.title), 301);
  const story = found.story;
  const redirect = redirectToOwnPath(req, reply, storyPath(story.id, story.title));
  if (redirect) return redirect;
  const members = await listStoryMembers(ctx.db, [story.id]);
  const ids = members.map((m) => m.id);
  const [rows, commentCounts, statements] = await Promise.all([
    listCardArticles(ctx.db, ids),
    countApprovedCommentsFor(ctx.db, ids),
    listStatementsOfArticles(ctx.db, ids),
  ]);
  const view = presentStoryPage(story, members, rows);
  if (!view) throw notFound("story");
  const comments = await loadStoryComments(ctx, view, ids, rows, commentCounts);
  const outlets = view.card.outlets.length;
  const path = view.card.path;
  const html = renderPage(
    ctx.config,
    {
      title: view.card.title,
      description:
        view.card.leadSentence ??
        `How ${outlets === 1 ? "one outlet" : `${outlets} outlets`} reported this story.`,
      path,
      canonical: siteUrl(ctx.config.publicUrl, path),
      feeds: storyFeedLinks(path, view.card.title),
      image: view.card.image ? { url: view.card.image.image.url, alt: view.card.image.image.alt } : null,
      wide: true,
    },
    <StoryPage
      view={view}
      commentCounts={commentCounts}
      comments={comments}
      feedPath={`${path}/feed`}
      compared={presentStoryStatements(members, statements)}
    />,
  );
  return sendHtml(reply, html);
}
