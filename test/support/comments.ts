/** @module Test support: comment rows to insert through storage, each with its own body and content hash. */
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
