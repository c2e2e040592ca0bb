/** @module Source rows to view models: name, our page, the outlet's site, feeds and display mode. */
import type { DisplayMode, Source } from "../../storage/schema.ts";
import { hostOf, sourcePath, webUrl } from "./paths.ts";

export interface SourceView {
  id: number;
  name: string;
  path: string;
  /** The outlet's own site, when known (a web link only). */
  home: string | null;
  /** This site's RSS feed of the source's articles. */
  feedPath: string;
  displayMode: DisplayMode;
  articleCount: number | null;
}

export function presentSource(row: Source & { article_count?: number }): SourceView {
  const name = row.title ?? hostOf(row.site_url ?? row.url);
  const path = sourcePath(row.id, name);
  return {
    id: row.id,
    name,
    path,
    home: webUrl(row.site_url),
    feedPath: `${path}/feed.xml`,
    displayMode: row.display_mode === "excerpt" ? "excerpt" : "full",
    articleCount: row.article_count ?? null,
  };
}
