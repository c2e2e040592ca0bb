/** @module GET /stories/:id-:slug : every outlet's version of one story, oldest first. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { countApprovedCommentsFor } from "../../storage/comments.ts";
import { findStoryById, listStoryArticles } from "../../storage/stories.ts";
import type { WebContext } from "../context.ts";
import { StoryPage } from "../pages/story-show.tsx";
import { presentArticle } from "../presenters/article.ts";
import { siteUrl } from "../presenters/paths.ts";
import { presentStory } from "../presenters/story.ts";
import { renderPage } from "../render.tsx";
import { idFromSlug, notFound, redirectToOwnPath, sendHtml } from "./params.ts";

export async function storyShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const id = idFromSlug((req.params as { idSlug: string }).idSlug);
  const row = id === null ? undefined : await findStoryById(ctx.db, id);
  const story = row
    ? presentStory(row, (await listStoryArticles(ctx.db, [row.id])).map(presentArticle))
    : null;
  if (!story) throw notFound("story");
  const redirect = redirectToOwnPath(req, reply, story.path);
  if (redirect) return redirect;
  const commentCounts = await countApprovedCommentsFor(
    ctx.db,
    story.articles.map((a) => a.id),
  );
  const outlets = story.outletCount === 1 ? "one outlet" : `${story.outletCount} outlets`;
  const html = renderPage(
    ctx.config,
    {
      title: story.title,
      description: `How ${outlets} reported this story, oldest first.`,
      path: story.path,
      canonical: siteUrl(ctx.config.publicUrl, story.path),
    },
    <StoryPage story={story} commentCounts={commentCounts} />,
  );
  return sendHtml(reply, html);
}
