/** @module A refused comment shown again: the reason, the reader's text in the form, and a fresh form token. */
import type { FastifyReply } from "fastify";
import type { CommentInput, FieldErrors } from "../../comments/form.ts";
import { makeFormToken } from "../../comments/form-token.ts";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { commentFormScript } from "../assets.ts";
import type { WebContext } from "../context.ts";
import { CommentFormPage } from "../pages/comment-form-page.tsx";
import { presentArticle } from "../presenters/article.ts";
import { mailConfigured } from "./notify-reply.ts";
import { sendCommentPage } from "./respond.tsx";

export interface Refusal {
  status: number;
  message: string | null;
  errors?: FieldErrors;
}

/** The form again, with the reader's input, the errors and a fresh token; never cached. */
export function refuse(
  ctx: WebContext,
  reply: FastifyReply,
  article: ArticleWithSource,
  secret: string,
  input: CommentInput,
  refusal: Refusal,
) {
  const view = presentArticle(article);
  return sendCommentPage(
    ctx,
    reply,
    refusal.status,
    "Your comment was not posted yet",
    <CommentFormPage
      articleTitle={view.title}
      articlePath={view.path}
      message={refusal.message}
      form={{
        articleId: article.id,
        action: `${view.path}/comments`,
        token: makeFormToken(secret, article.id, new Date()),
        script: commentFormScript.path,
        values: input,
        errors: refusal.errors,
        articlePath: view.path,
        mail: mailConfigured(ctx.config),
        maxChars: ctx.config.commentMaxChars,
      }}
    />,
  );
}
