/** @module Approved comments to view models: nested, each with its identicon drawn and its link checked. */
import { identiconSvg } from "../../comments/identicon.ts";
import { nestComments, type ThreadNode } from "../../comments/thread.ts";
import type { PublicComment } from "../../storage/comments.ts";
import { formatDate } from "../presenters/article.ts";

export interface CommentView {
  id: number;
  name: string;
  /** The commenter's website, only when it is an http(s) link. */
  url: string | null;
  /** Sanitized at posting (sanitize/sanitize-comment.ts). */
  bodyHtml: string;
  createdIso: string;
  createdDisplay: string;
  /** Inline SVG drawn from the keyed avatar hash; holds only coordinates and a colour. */
  avatarSvg: string;
  replies: CommentView[];
}

function present(node: ThreadNode<PublicComment>): CommentView {
  const c = node.comment;
  return {
    id: c.id,
    name: c.author_name,
    url: c.author_url && /^https?:\/\//i.test(c.author_url) ? c.author_url : null,
    bodyHtml: c.body_html,
    createdIso: c.created_at,
    createdDisplay: formatDate(c.created_at) ?? c.created_at,
    avatarSvg: identiconSvg(c.avatar),
    replies: node.replies.map(present),
  };
}

/** The thread as nested views, oldest first at every level. */
export function presentThread(comments: readonly PublicComment[]): CommentView[] {
  return nestComments(comments).map(present);
}
