/** @module Test support: comment rows to insert through storage, each with its own body and content hash. */
import { KNOWN_COMMENTER_COOKIE, knownCommenterValue } from "../../src/comments/known-commenter.ts";
import type { NewCommentInput } from "../../src/storage/comment-writes.ts";

let n = 0;

/** An approved top-level comment by Ann on `articleId`; `extra` overrides any field. */
export function newCommentInput(articleId: number, extra: Partial<NewCommentInput> = {}): NewCommentInput {
  n++;
  return {
    articleId,
    parentId: null,
    name: "Ann",
    email: "ann@example.org",
    website: null,
    bodySource: `body ${n}`,
    bodyHtml: `<p>body ${n}</p>`,
    status: "approved",
    heldReasons: [],
    ip: null,
    userAgent: null,
    contentHash: `hash-${n}`,
    notify: false,
    ...extra,
  };
}

/**
 * The Cookie header of a reader's own browser that has posted under `email` before (the
 * known-commenter cookie): with it, an address with an approved comment is approved at once.
 */
export function ownBrowserCookie(secret: string, email: string): string {
  return `${KNOWN_COMMENTER_COOKIE}=${knownCommenterValue(secret, undefined, email, new Date())}`;
}
