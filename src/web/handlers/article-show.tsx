/** @module GET /articles/:id-:slug : one article; a wrong or missing slug redirects to the right one. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { loadArticlePage } from "../../storage/article-page.ts";
import { avatarHasher, commentsSection, replyToParam } from "../comments/article-comments.ts";
import type { WebContext } from "../context.ts";
import { uncacheable } from "../page-cache.ts";
import { ArticlePage } from "../pages/article-show.tsx";
import { presentAlsoCovered } from "../presenters/also-covered.ts";
import { presentArticle } from "../presenters/article.ts";
import { newsArticleJsonLd, scriptSafeJson } from "../presenters/json-ld.ts";
import { siteUrl } from "../presenters/paths.ts";
import { reprintNotes } from "../presenters/reprints.ts";
import { earlierHeadlines } from "../presenters/revisions.ts";
import { presentWhoSaidWhat, quotationsJsonLd } from "../presenters/statements.ts";
import { renderPage } from "../render.tsx";
import { idFromSlug, notFound, redirectToOwnPath, sendHtml } from "./params.ts";

export async function articleShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const id = idFromSlug((req.params as { idSlug: string }).idSlug);
  const page = id === null ? undefined : await loadArticlePage(ctx.db, id, await avatarHasher(ctx));
  if (!page) throw notFound("article");
  const { article: row, rows } = page;
  const article = presentArticle(row);
  const redirect = redirectToOwnPath(req, reply, article.path);
  if (redirect) return redirect;

  const query = req.query as Record<string, unknown> | undefined;
  // After posting a comment that waits for a moderator: a notice for this reader only, never cached.
  const held = query?.comment === "held";
  const { story, members, topics, revisions, links, statements, ...rest } = rows;
  const comments = commentsSection(ctx, row, article.path, new Date(), replyToParam(query), rest.comments);
  const whoSaidWhat = presentWhoSaidWhat(statements, article.lang);
  const notes = reprintNotes(links);
  const selfUrl = siteUrl(ctx.config.publicUrl, article.path);
  // Republished full text credits the outlet's page by default; an excerpt is our own page.
  const canonical =
    article.displayMode === "full" && ctx.config.canonical === "original" && article.originalCanonical !== "#"
      ? article.originalCanonical
      : selfUrl;
  const jsonLd = newsArticleJsonLd(
    article,
    { title: ctx.config.siteTitle, url: ctx.config.publicUrl, pageUrl: selfUrl },
    quotationsJsonLd(whoSaidWhat, ctx.config.publicUrl),
  );
  const html = renderPage(
    ctx.config,
    {
      title: article.title,
      description: article.excerpt,
      path: article.path,
      canonical,
      ogType: "article",
      image:
        article.displayMode === "full" && article.leadImage
          ? { url: article.leadImage.url, alt: article.leadImage.alt }
          : null,
      jsonLd: scriptSafeJson(jsonLd),
      feeds: [
        {
          href: `${article.path}/comments.xml`,
          title: "Comments on this article (RSS)",
          type: "application/rss+xml",
        },
      ],
    },
    <ArticlePage
      article={article}
      alsoCovered={story ? presentAlsoCovered(article, story, members) : null}
      whoSaidWhat={whoSaidWhat}
      earlierHeadlines={earlierHeadlines(revisions, row.title)}
      firstPublishedBy={notes.firstPublishedBy.get(row.id) ?? null}
      republishedBy={notes.republishedBy.get(row.id) ?? []}
      topics={topics}
      comments={comments}
      notice={held ? "held" : null}
    />,
  );
  if (held) uncacheable(reply);
  return sendHtml(reply, html);
}
