/**
 * @module What every stored comment must satisfy whatever happened to the process that wrote it: a
 * parent on the same article, a depth one below it within the limit, a complete row whose HTML is
 * the render of its source. For the kill test, on either database.
 */
import { renderCommentBody } from "../../src/comments/render-body.ts";
import type { Comment } from "../../src/storage/schema.ts";

const STATUSES = new Set(["pending", "approved", "spam", "trash"]);

type Row = Pick<
  Comment,
  | "id"
  | "article_id"
  | "parent_id"
  | "depth"
  | "status"
  | "author_name"
  | "author_email"
  | "body_html"
  | "body_source"
  | "content_hash"
  | "created_at"
>;

/** One line per broken invariant; empty when every row holds. */
export function checkCommentRows(rows: readonly Row[], maxDepth: number): string[] {
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const problems: string[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    const say = (what: string) => problems.push(`comment ${id}: ${what}`);
    if (!STATUSES.has(r.status)) say(`status ${r.status}`);
    if (!r.author_name || !r.author_email || !r.content_hash || !r.created_at) say("incomplete row");
    if (!r.body_html) say("empty body_html");
    else if (r.body_source === null || renderCommentBody(r.body_source) !== r.body_html)
      say("body_html is not the render of body_source");
    const depth = Number(r.depth);
    if (depth < 0 || depth > maxDepth - 1) say(`depth ${depth} outside 0..${maxDepth - 1}`);
    if (r.parent_id === null) {
      if (depth !== 0) say(`top-level at depth ${depth}`);
      continue;
    }
    const parent = byId.get(Number(r.parent_id));
    if (!parent) say(`orphan reply to ${r.parent_id}`);
    else if (Number(parent.article_id) !== Number(r.article_id)) say("parent on another article");
    else if (Number(parent.depth) + 1 !== depth) say(`depth ${depth} under a parent at ${parent.depth}`);
  }
  return problems;
}
