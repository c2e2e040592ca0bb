/** @module Threads: the depth a new reply gets, and a flat list of comments nested for display. */

/**
 * A reply's stored depth and parent: one below its parent, but never past `maxDepth - 1` (the
 * deepest level shown); a reply to a comment at the last level attaches to that comment's own parent,
 * so it appears beside the comment it answers rather than disappearing.
 */
export function placeReply(
  parent: { id: number; depth: number; parent_id: number | null } | null,
  maxDepth: number,
): { parentId: number | null; depth: number } {
  if (!parent) return { parentId: null, depth: 0 };
  const deepest = Math.max(0, maxDepth - 1);
  if (parent.depth + 1 <= deepest) return { parentId: parent.id, depth: parent.depth + 1 };
  // maxDepth 1 allows no replies at all: the reply becomes a top-level comment.
  if (deepest === 0) return { parentId: null, depth: 0 };
  return { parentId: parent.parent_id, depth: deepest };
}

export interface ThreadNode<T> {
  comment: T;
  replies: ThreadNode<T>[];
}

/**
 * Nests comments (oldest first in, oldest first at every level out). A comment whose parent is not
 * in the list (held, deleted) is shown at the top level rather than lost.
 */
export function nestComments<T extends { id: number; parent_id: number | null }>(
  comments: readonly T[],
): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>();
  for (const c of comments) nodes.set(c.id, { comment: c, replies: [] });
  const roots: ThreadNode<T>[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id) as ThreadNode<T>;
    const parent = c.parent_id === null ? undefined : nodes.get(c.parent_id);
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
