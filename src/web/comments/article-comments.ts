/** @module What an article page's comments section needs: the thread, the count, and the form (or closed). */
import { commentsClosed } from "../../comments/closing.ts";
import type { ArticleWithSource } from "../../storage/articles.ts";
import { listApprovedThread, type PublicComment } from "../../storage/comments.ts";
import { siteSecret } from "../../storage/secrets.ts";
import { keyedHash } from "../../util/keyed-hash.ts";
import { commentFormScript } from "../assets.ts";
import type { WebContext } from "../context.ts";
import type { CommentsSectionProps } from "../views/comments-section.tsx";
import { mailConfigured } from "./notify-reply.ts";
import { presentThread } from "./present-comments.ts";

/** `?replyto=<id>` as a comment id, or null. */
export function replyToParam(query: unknown): number | null {
  const raw = (query as Record<string, unknown> | undefined)?.replyto;
  const id = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** What turns commenters' addresses into avatars: a keyed hash, so the address cannot be read back. */
export async function avatarHasher(ctx: WebContext): Promise<(email: string) => string> {
  const secret = await siteSecret(ctx.db, ctx.config);
  return (email) => keyedHash(secret, "avatar", email);
}

/**
 * Loads the approved thread (avatars from keyed hashes made here, the addresses never leaving
 * storage's function) and builds the section with `commentsSection`.
 */
export async function loadCommentsSection(
  ctx: WebContext,
  article: ArticleWithSource,
  path: string,
  now: Date,
  replyTo: number | null = null,
): Promise<CommentsSectionProps> {
  const rows = await listApprovedThread(ctx.db, article.id, await avatarHasher(ctx));
  return commentsSection(ctx, article, path, now, replyTo, rows);
}

/**
 * The section for an article's approved thread `rows`, with the form (or closed). A `replyTo` that is
 * not an approved comment of this article is ignored (the form is then a top-level one).
 */
export function commentsSection(
  ctx: WebContext,
  article: ArticleWithSource,
  path: string,
  now: Date,
  replyTo: number | null,
  rows: PublicComment[],
): CommentsSectionProps {
  const target = replyTo === null ? undefined : rows.find((r) => r.id === replyTo);
  const closed = commentsClosed(article, ctx.config.commentsCloseAfterDays, now);
  return {
    count: rows.length,
    thread: presentThread(rows),
    articlePath: path,
    form: closed
      ? null
      : {
          articleId: article.id,
          action: `${path}/comments`,
          // No token in a page that may be cached and served to many readers: the form's script fetches
          // one per view; a form sent without one (no JavaScript) comes back with a token to send again.
          token: "",
          script: commentFormScript.path,
          replyTo: target ? { id: target.id, name: target.author_name } : null,
          articlePath: path,
          mail: mailConfigured(ctx.config),
          maxChars: ctx.config.commentMaxChars,
        },
  };
}
