/** @module An article's earlier headlines as its page lists them: only real changes, each with when it was replaced. */
import { type TimeView, timeView } from "./story.ts";

/**
 * The headlines before `current`, oldest first, from revisions in any order: a revision that kept the
 * headline (the body changed) or repeats the one before it says nothing about the headline, so it is
 * left out.
 */
export function earlierHeadlines(
  revisions: ReadonlyArray<{ title: string; replaced_at: string }>,
  current: string,
): Array<{ title: string; until: TimeView }> {
  const out: Array<{ title: string; until: TimeView }> = [];
  const oldestFirst = [...revisions].sort((a, b) => a.replaced_at.localeCompare(b.replaced_at));
  for (const r of oldestFirst) {
    const previous = out[out.length - 1];
    if (previous?.title === r.title) {
      previous.until = timeView(r.replaced_at);
      continue;
    }
    out.push({ title: r.title, until: timeView(r.replaced_at) });
  }
  // A trailing run equal to today's headline was a body edit, not a headline change.
  while (out.length > 0 && out[out.length - 1]?.title === current) out.pop();
  return out;
}
