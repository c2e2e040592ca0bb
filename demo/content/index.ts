/** @module Entry point of the demo newsroom's content: all outlets, events and articles. */
import { circuitLedgerArticles } from "./articles-circuit-ledger.ts";
import { harborHeraldArticles } from "./articles-harbor-herald.ts";
import { meridianWireArticles } from "./articles-meridian-wire.ts";
import { tvprArticles } from "./articles-tvpr.ts";
import { valleyDispatchArticles } from "./articles-valley-dispatch.ts";
import { aldergateFerriesArticles } from "./event-aldergate-ferries.ts";
import { grennickEnginesArticles } from "./event-grennick-engines.ts";
import { harborGrocersArticles } from "./event-harbor-grocers.ts";
import { confusableEventPairs, eventList } from "./events.ts";
import { outletList } from "./outlets.ts";
import type {
  DemoArticle,
  DemoBlock,
  DemoConfusablePair,
  DemoEvent,
  DemoImage,
  DemoOutlet,
} from "./types.ts";

export type {
  DemoArticle,
  DemoBlock,
  DemoConfusablePair,
  DemoEvent,
  DemoImage,
  DemoOutlet,
  DemoRevision,
  DemoSection,
  DemoSectionFeed,
  FeedFormat,
  OutletStyle,
} from "./types.ts";

export const demoOutlets: readonly DemoOutlet[] = outletList;

export const demoEvents: readonly DemoEvent[] = eventList;

/** Pairs of events that are easy to confuse (same company, a day apart); clustering must keep them apart. */
export const demoConfusableEvents: readonly DemoConfusablePair[] = confusableEventPairs;

/** Every demo article, oldest first. */
export const demoArticles: readonly DemoArticle[] = [
  ...harborHeraldArticles,
  ...tvprArticles,
  ...circuitLedgerArticles,
  ...meridianWireArticles,
  ...valleyDispatchArticles,
  ...harborGrocersArticles,
  ...aldergateFerriesArticles,
  ...grennickEnginesArticles,
].sort((a, b) => Date.parse(a.published) - Date.parse(b.published));

export function findOutlet(slug: string): DemoOutlet | undefined {
  return demoOutlets.find((o) => o.slug === slug);
}

/** The outlet's articles, newest first. */
export function articlesOf(outletSlug: string): DemoArticle[] {
  return demoArticles.filter((a) => a.outletSlug === outletSlug).reverse();
}

/** The articles reporting on one event (ground truth for clustering). */
export function articlesOfEvent(eventId: string): DemoArticle[] {
  return demoArticles.filter((a) => a.eventId === eventId);
}

/** Every image of an article: the lead image first, then inline figures. */
export function imagesOf(article: DemoArticle): DemoImage[] {
  const inline = article.body.flatMap((b) => (b.type === "figure" ? [b.image] : []));
  return [article.leadImage, ...inline];
}

/** The article with "<outlet>/<slug>" as its key, e.g. a reprint's `reprintOf`. */
export function findArticle(key: string): DemoArticle | undefined {
  return demoArticles.find((a) => `${a.outletSlug}/${a.slug}` === key);
}

/** The article as it reads after its revision (headline, update time, note appended); itself if never edited. */
export function revisedVersion(article: DemoArticle): DemoArticle {
  const r = article.revision;
  if (!r) return article;
  const note: DemoBlock[] = r.note ? [{ type: "p", text: r.note }] : [];
  return { ...article, headline: r.headline, updated: r.updated, body: [...article.body, ...note] };
}
