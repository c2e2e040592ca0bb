/** @module Entry point of the demo newsroom's content: all outlets, events and articles. */
import { circuitLedgerArticles } from "./articles-circuit-ledger.ts";
import { harborHeraldArticles } from "./articles-harbor-herald.ts";
import { meridianWireArticles } from "./articles-meridian-wire.ts";
import { tvprArticles } from "./articles-tvpr.ts";
import { eventList } from "./events.ts";
import { outletList } from "./outlets.ts";
import type { DemoArticle, DemoEvent, DemoImage, DemoOutlet } from "./types.ts";

export type {
  DemoArticle,
  DemoBlock,
  DemoEvent,
  DemoImage,
  DemoOutlet,
  DemoSection,
  OutletStyle,
} from "./types.ts";

export const demoOutlets: readonly DemoOutlet[] = outletList;

export const demoEvents: readonly DemoEvent[] = eventList;

/** Every demo article, oldest first. */
export const demoArticles: readonly DemoArticle[] = [
  ...harborHeraldArticles,
  ...tvprArticles,
  ...circuitLedgerArticles,
  ...meridianWireArticles,
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
