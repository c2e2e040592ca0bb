/**
 * @module /admin/articles: the newest articles with their comment counts and whether comments are open,
 * and the POST that closes or reopens comments on one (the queue only reaches articles with comments).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { commentsClosed } from "../../comments/closing.ts";
import { findArticleById, listLatestArticles } from "../../storage/articles.ts";
import { closeComments } from "../../storage/comment-moderation.ts";
import { countApprovedCommentsFor } from "../../storage/comments.ts";
import type { WebContext } from "../context.ts";
import { cursorFrom, splitPage } from "../handlers/params.ts";
import { presentArticle } from "../presenters/article.ts";
import { olderLink } from "../presenters/cursor.ts";
import { CsrfField } from "./admin-layout.tsx";
import { sendAdminMessage, sendAdminPage } from "./respond.tsx";
import { signedIn } from "./session.ts";

const PAGE_SIZE = 50;
const NOTICES: Record<string, string> = {
  closed: "Comments closed on that article.",
  reopened: "Comments reopened on that article.",
};

export async function showArticleComments(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { csrf } = signedIn(req);
  const before = cursorFrom(req);
  const { rows, more } = splitPage(await listLatestArticles(ctx.db, PAGE_SIZE + 1, { before }), PAGE_SIZE);
  const counts = await countApprovedCommentsFor(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = new Date();
  const done = String((req.query as Record<string, unknown>)?.done ?? "");
  const notice = Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
  const older = olderLink("/admin/articles", rows, more);
  return sendAdminPage(
    ctx,
    req,
    reply,
    "Articles and their comments",
    <section class="admin-articles">
      <h1>Articles and their comments</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        Newest first. Comments close by themselves{" "}
        {ctx.config.commentsCloseAfterDays > 0
          ? `${ctx.config.commentsCloseAfterDays} days after publication`
          : "never (NEWSDESK_COMMENTS_CLOSE_AFTER_DAYS is 0)"}
        ; close or reopen one article here.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Outlet</th>
            <th scope="col">Comments</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const a = presentArticle(row);
            const manual = row.comments_closed === 1;
            const byAge = !manual && commentsClosed(row, ctx.config.commentsCloseAfterDays, now);
            return (
              <tr key={a.id}>
                <td>
                  <a href={a.path}>{a.title}</a>
                </td>
                <td>
                  <bdi>{a.sourceName}</bdi>
                </td>
                <td>{counts.get(a.id) ?? 0}</td>
                <td>
                  {byAge ? (
                    "Closed by age"
                  ) : (
                    <form method="post" action={`/admin/articles/${a.id}/comments`}>
                      <CsrfField token={csrf} />
                      <input type="hidden" name="closed" value={manual ? "0" : "1"} />
                      {manual ? "Closed " : "Open "}
                      <button type="submit">{manual ? "Reopen comments" : "Close comments"}</button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {older ? (
        <p>
          <a href={older}>Older articles</a>
        </p>
      ) : null}
    </section>,
  );
}

export async function setArticleComments(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { user } = signedIn(req);
  const raw = (req.params as { id: string }).id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const closed = (req.body as Record<string, unknown> | undefined)?.closed;
  const article = id > 0 ? await findArticleById(ctx.db, id) : undefined;
  if (!article || (closed !== "0" && closed !== "1")) {
    return sendAdminMessage(ctx, req, reply, 400, {
      title: "Nothing changed",
      message: "That request did not name an article and whether to close or reopen its comments.",
      link: { href: "/admin/articles", label: "Back to the articles" },
    });
  }
  await closeComments(ctx.db, id, closed === "1");
  req.log.info({ user_id: user.id, article_id: id, closed: closed === "1" }, "comments closed or reopened");
  return reply.redirect(`/admin/articles?done=${closed === "1" ? "closed" : "reopened"}`, 303);
}
