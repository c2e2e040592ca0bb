/**
 * @module The demo's headline edit, made deterministic and offline. An article with a `revision` is served
 * in its original version until its outlet's main feed has been requested once (per origin process); from
 * the second GET of that feed on, the feed lists the revised version (same guid and link, new headline,
 * later update time), and once the feed has served it, the article page and listings show it too.
 */
import { type DemoArticle, revisedVersion } from "./content/index.ts";

export class EditTimeline {
  readonly #feedGets = new Map<string, number>();
  readonly #revisionServed = new Set<string>();

  /** Whether the outlet's main feed shows revised articles now (it has been requested before). */
  feedShowsRevisions(outletSlug: string): boolean {
    return (this.#feedGets.get(outletSlug) ?? 0) >= 1;
  }

  /** Records a GET of the outlet's main feed, after it was answered (HEAD requests do not count). */
  feedAnswered(outletSlug: string, method: string | undefined): void {
    if (method !== "GET") return;
    if (this.feedShowsRevisions(outletSlug)) this.#revisionServed.add(outletSlug);
    this.#feedGets.set(outletSlug, (this.#feedGets.get(outletSlug) ?? 0) + 1);
  }

  /** The article as the outlet's main feed lists it now. */
  inFeed(article: DemoArticle): DemoArticle {
    return this.feedShowsRevisions(article.outletSlug) ? revisedVersion(article) : article;
  }

  /** The article as pages (and section feeds) show it now: revised once the main feed has served the revision. */
  onPage(article: DemoArticle): DemoArticle {
    return this.#revisionServed.has(article.outletSlug) ? revisedVersion(article) : article;
  }
}
