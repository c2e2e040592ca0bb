/**
 * @module Re-extraction: a stored article rebuilt from its kept page (storage/article-pages.ts) by
 * today's extractor, merged with its feed item exactly as ingest merged them (build-article.ts), and
 * written in place (storage/article-rebuild.ts). No request goes to the publisher.
 */
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import { NewsdeskError, oneLine } from "../errors.ts";
import { extractArticle } from "../extract/extract-article.ts";
import { articleOrNull } from "../extract/types.ts";
import { decodeText } from "../fetch/decode-text.ts";
import type { Logger } from "../log.ts";
import type { StoredPage } from "../storage/article-pages.ts";
import { applyRebuild, type RebuildOutcome, type RebuiltArticle } from "../storage/article-rebuild.ts";
import type { Database, Source } from "../storage/schema.ts";
import { articleStatements } from "./article-statements.ts";
import { buildArticle } from "./build-article.ts";
import { unpackPage } from "./keep-page.ts";
import { rebuiltFields } from "./rebuilt-fields.ts";

export interface ReextractDeps {
  db: Kysely<Database>;
  config: Pick<Config, "maxBodyBytes">;
  log: Logger;
}

/** What became of one kept page: the article changed, stayed as it was, is gone, or the page could not be read. */
export type ReextractOutcome = RebuildOutcome | "failed";

export async function reextractArticle(
  page: StoredPage,
  source: Source,
  deps: ReextractDeps,
  now: string,
): Promise<ReextractOutcome> {
  let rebuilt: RebuiltArticle;
  let fromPage: boolean;
  try {
    const bytes = await unpackPage(page.gzip, deps.config.maxBodyBytes);
    const html = decodeText(bytes, page.contentType);
    const selectors = { include: source.extract_include, exclude: source.extract_exclude };
    const extracted = articleOrNull(extractArticle(html, page.url, { selectors }));
    const built = buildArticle(source.id, page.item, { extracted, finalUrl: page.url }, page.fetchedAt);
    fromPage = extracted !== null;
    rebuilt = rebuiltFields(built, page.item);
  } catch (err) {
    // A damaged row or a page that breaks the extractor: that article stays as it is.
    deps.log.warn(
      {
        article_id: page.articleId,
        error_kind: err instanceof NewsdeskError ? err.id : "internal",
        error: oneLine(err),
      },
      "kept page could not be re-extracted",
    );
    return "failed";
  }
  const statements = articleStatements(rebuilt.text ?? "", source.title, deps.log);
  return applyRebuild(deps.db, page.articleId, rebuilt, statements, fromPage, now);
}
