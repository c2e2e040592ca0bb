/** @module The plain article HTML embedded in feeds (RSS content:encoded, Atom content). */
import type { DemoArticle, DemoImage } from "../content/index.ts";
import { renderBlocks } from "./blocks.ts";
import { escapeHtml as h } from "./escape.ts";

/** Lead figure plus body, with absolute image URLs from imageUrl. */
export function feedContentHtml(article: DemoArticle, imageUrl: (name: string) => string): string {
  const figure = (img: DemoImage): string =>
    `<figure><img src="${h(imageUrl(img.name))}" width="${img.width}" height="${img.height}" alt="${h(img.alt)}"><figcaption>${h(img.caption)} (${h(img.credit)})</figcaption></figure>`;
  return `${figure(article.leadImage)}\n${renderBlocks(article.body, { figure })}`;
}

/** The newest publication or update time among articles, as an ISO string. */
export function newestTimestamp(articles: readonly DemoArticle[]): string {
  let newest = "1970-01-01T00:00:00Z";
  for (const a of articles) {
    const t = a.updated ?? a.published;
    if (Date.parse(t) > Date.parse(newest)) newest = t;
  }
  return newest;
}
