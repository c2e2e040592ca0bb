/** @module The approved comments of an article, nested: identicon, name, time, body, a Reply link. */

import { COMMENT_LINK_REL } from "../../sanitize/sanitize-comment.ts";
import type { CommentView } from "../comments/present-comments.ts";
import { Time } from "./time.tsx";

export interface CommentThreadProps {
  comments: CommentView[];
  /** The article's path, for the Reply links (`?replyto=<id>#reply`); null when comments are closed. */
  replyBase: string | null;
}

function CommentItem({ c, replyBase }: { c: CommentView; replyBase: string | null }) {
  return (
    <li id={`comment-${c.id}`} class="comment">
      <article class="comment-card" aria-labelledby={`comment-${c.id}-by`}>
        <header class="comment-meta">
          {/* Decorative: the SVG holds only squares drawn from a keyed hash, never the hash. */}
          <span class="avatar" dangerouslySetInnerHTML={{ __html: c.avatarSvg }} />
          <span id={`comment-${c.id}-by`} class="comment-author">
            {c.url ? (
              <a href={c.url} rel={COMMENT_LINK_REL}>
                <bdi>{c.name}</bdi>
              </a>
            ) : (
              <bdi>{c.name}</bdi>
            )}
          </span>{" "}
          <a class="comment-time" href={`#comment-${c.id}`}>
            <Time iso={c.createdIso} display={c.createdDisplay} />
          </a>
        </header>
        {/* Rendered from the commenter's Markdown and sanitized by the comment allowlist at posting. */}
        <div class="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        {replyBase ? (
          <p class="comment-actions">
            <a class="reply-link" href={`${replyBase}?replyto=${c.id}#reply`}>
              Reply<span class="visually-hidden"> to {c.name}</span>
            </a>
          </p>
        ) : null}
      </article>
      {c.replies.length > 0 ? (
        <ol class="comment-list replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} c={r} replyBase={replyBase} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function CommentThread({ comments, replyBase }: CommentThreadProps) {
  if (comments.length === 0) return <p class="empty">No comments yet.</p>;
  return (
    <ol class="comment-list">
      {comments.map((c) => (
        <CommentItem key={c.id} c={c} replyBase={replyBase} />
      ))}
    </ol>
  );
}
