/** @module GET /stories/:id-:slug : every outlet's version of one story, oldest first. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { countApprovedCommentsFor } from "../../storage/comments.ts";
import { findStoryById, listStoryArticles } from "../../storage/stories.ts";
import { loadCommentsSection } from "../comments/article-comments.ts";
import type { WebContext } from "../context.ts";
import { StoryPage } from "../pages/story-show.tsx";
import { presentArticle } from "../presenters/article.ts";
import { siteUrl } from "../presenters/paths.ts";
import { presentStory, type StoryView } from "../presenters/story.ts";
import { renderPage } from "../render.tsx";
import type { StoryCommentsProps, StoryThread } from "../views/story-comments.tsx";
import { idFromSlug, notFound, redirectToOwnPath, sendHtml } from "./params.ts";

/** The threads of the reports that have comments, and the form for the lead report. */
async function loadStoryComments(
  ctx: WebContext,
  story: StoryView,
  rows: readonly ArticleWithSource[],
  counts: ReadonlyMap<number, number>,
): Promise<StoryCommentsProps> {
  const now = new Date();
  const threads: StoryThread[] = [];
  let form: StoryCommentsProps["form"] = null;
  for (const article of story.articles) {
    const row = rows.find((r) => r.id === article.id);
    const isLead = article.id === story.lead.id;
    if (!row || (!isLead && (counts.get(article.id) ?? 0) === 0)) continue;
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
  return { count, threads, form, leadSourceName: story.lead.sourceName };
}

export async function storyShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const id = idFromSlug((req.params as { idSlug: string }).idSlug);
  const row = id === null ? undefined : await findStoryById(ctx.db, id);
  const rows = row ? await listStoryArticles(ctx.db, [row.id]) : [];
  const story = row ? presentStory(row, rows.map(presentArticle)) : null;
  if (!story) throw notFound("story");
  const redirect = redirectToOwnPath(req, reply, story.path);
  if (redirect) return redirect;
  const commentCounts = await countApprovedCommentsFor(
    ctx.db,
    story.articles.map((a) => a.id),
  );
  const comments = await loadStoryComments(ctx, story, rows, commentCounts);
  const outlets = story.outletCount === 1 ? "one outlet" : `${story.outletCount} outlets`;
  const html = renderPage(
    ctx.config,
    {
      title: story.title,
      description: `How ${outlets} reported this story, oldest first.`,
      path: story.path,
      canonical: siteUrl(ctx.config.publicUrl, story.path),
    },
    <StoryPage story={story} commentCounts={commentCounts} comments={comments} />,
  );
  return sendHtml(reply, html);
}
