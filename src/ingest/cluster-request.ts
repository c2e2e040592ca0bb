/** @module What ingest hands to clustering for an article about to be stored (shared by feeds and `newsdesk stories`). */
import type { Config } from "../config/config.ts";
import type { ClusterRequest } from "../storage/clustering.ts";
import type { NewArticle } from "../storage/schema.ts";
import { articleFeatures } from "../stories/features.ts";

/** The article's clustering features, computed before the insert's transaction (tokenizing and hashing are the costly part). */
export function clusterRequest(
  article: Pick<NewArticle, "title" | "text" | "language" | "published_at">,
  config: Pick<Config, "storyWindowHours">,
): ClusterRequest {
  return {
    features: articleFeatures({ headline: article.title, body: article.text, language: article.language }),
    windowHours: config.storyWindowHours,
    // Without a publication time the fetch time stands in, which says little about when the event
    // was: the year the text names is then the time signal (stories/assign.ts yearsApart).
    dated: article.published_at != null,
  };
}
