/**
 * @module An article's attributed statements as ingest stores them: extracted before the insert's
 * transaction (the extraction is the costly part), from the stored plain text, so offsets index it.
 */
import type { Logger } from "../log.ts";
import { extractStatements, type Statement } from "../quotes/extract-statements.ts";

/**
 * Text beyond this many characters is not searched for statements: a news article is under 20,000;
 * a hostile or mis-extracted page of megabytes must not hold up ingest.
 */
export const MAX_ATTRIBUTION_CHARS = 100_000;

/**
 * The statements of `text`, or undefined when extraction failed: the article is then stored without
 * them (and without `statements_at`), so `newsdesk quotes --backfill` tries it again later.
 */
export function articleStatements(
  text: string,
  outlet: string | null,
  log: Pick<Logger, "warn">,
): Statement[] | undefined {
  const body = text.length > MAX_ATTRIBUTION_CHARS ? text.slice(0, MAX_ATTRIBUTION_CHARS) : text;
  try {
    return extractStatements({ body, outlet });
  } catch (err) {
    // A bug in extraction must not cost the article: it is stored, and the backfill tries again.
    log.warn(
      { error_kind: "statements", error: String((err as Error).message).slice(0, 300) },
      "statements not extracted",
    );
    return undefined;
  }
}
