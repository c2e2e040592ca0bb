/** @module The bounds that keep one search's work constant however many articles match. */

/**
 * How many of the newest matches are ranked by relevance. Reading them costs the same for a word in ten
 * articles or in a million; scoring every match (ORDER BY bm25) costs in proportion to the matches.
 */
export const RANK_WINDOW = 200;
/**
 * With a source or date filter, SQLite first checks this many of the newest matches against it; a word
 * with more matches than this is common enough to find by walking the filter's index (src/search/sqlite.ts).
 */
export const FILTER_SCAN_BUDGET = 5_000;
/**
 * On PostgreSQL, a search the planner expects to match more articles than this looks first at the newest
 * stretch of time expected to hold this many, and further back only if it held too few (src/search/postgres.ts).
 */
export const HEAP_BUDGET = 1_000;
/** How much of each candidate's text is read for ranking and the snippet. */
export const CANDIDATE_TEXT_CHARS = 3000;
/** Pages past this are not served: results that deep are better found with a filter. */
export const MAX_PAGE = 50;
export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 50;
