/** @module Small constructors for article body blocks, to keep the content files readable. */
import type { DemoArticle, DemoBlock, DemoImage } from "./types.ts";

export const p = (text: string): DemoBlock => ({ type: "p", text });
export const h2 = (text: string): DemoBlock => ({ type: "h2", text });
export const ul = (...items: string[]): DemoBlock => ({ type: "ul", items });
export const ol = (...items: string[]): DemoBlock => ({ type: "ol", items });
export const quote = (text: string, cite: string | null = null): DemoBlock => ({ type: "quote", text, cite });
export const figure = (image: DemoImage): DemoBlock => ({ type: "figure", image });

type ArticleInput = Omit<DemoArticle, "language" | "direction" | "updated"> &
  Partial<Pick<DemoArticle, "language" | "direction" | "updated">>;

/** Fills in the defaults (English, left-to-right, never updated) of an article record. */
export function article(input: ArticleInput): DemoArticle {
  return { language: "en", direction: "ltr", updated: null, ...input };
}
