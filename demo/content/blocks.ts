/** @module Small constructors for article body blocks, to keep the content files readable. */
import type { DemoArticle, DemoBlock, DemoImage } from "./types.ts";

export const p = (text: string): DemoBlock => ({ type: "p", text });
export const h2 = (text: string): DemoBlock => ({ type: "h2", text });
export const ul = (...items: string[]): DemoBlock => ({ type: "ul", items });
export const ol = (...items: string[]): DemoBlock => ({ type: "ol", items });
export const quote = (text: string, cite: string | null = null): DemoBlock => ({ type: "quote", text, cite });
export const figure = (image: DemoImage): DemoBlock => ({ type: "figure", image });
export const credit = (text: string): DemoBlock => ({ type: "credit", text });

type Defaulted = "language" | "direction" | "updated" | "reprintOf" | "revision";
type ArticleInput = Omit<DemoArticle, Defaulted> & Partial<Pick<DemoArticle, Defaulted>>;

/** Fills in the defaults (English, left-to-right, never updated, original, never edited) of an article record. */
export function article(input: ArticleInput): DemoArticle {
  return { language: "en", direction: "ltr", updated: null, reprintOf: null, revision: null, ...input };
}
