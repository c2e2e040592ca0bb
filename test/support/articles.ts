/** @module Article rows for storage tests: one factory, so every suite stores the same shape. */
import type { NewArticle } from "../../src/storage/schema.ts";

/** The fixed "now" of storage tests. */
export const T0 = "2026-11-20T10:00:00.000Z";

/** `h` hours after T0, as the ISO-8601 UTC string storage keeps. */
export const hoursAfter = (h: number): string => new Date(Date.parse(T0) + h * 3_600_000).toISOString();

/**
 * A new article of `sourceId` with guid `guid` ("Title <guid>", a one-line body), fetched at T0, or
 * when it was published if that is later (as a poller would).
 */
export function newArticle(
  sourceId: number,
  guid: string,
  published: string | null,
  extra: Partial<NewArticle> = {},
): NewArticle {
  return {
    source_id: sourceId,
    guid,
    url: `https://example.test/${guid}`,
    title: `Title ${guid}`,
    body_html: "<p>Body</p>",
    text: "Body",
    published_at: published,
    fetched_at: published && published > T0 ? published : T0,
    created_at: T0,
    updated_at: T0,
    ...extra,
  };
}
