/** @module The search module's contract: what a caller asks for and the page of hits it gets back. */

/** One search: the reader's words, optional filters, and which page. */
export interface SearchQuery {
  /** What the reader typed: words and "quoted phrases"; any other syntax is read as plain text. */
  q: string;
  sourceId?: number;
  /** Only articles with a statement of this person or body (people.id): "search their statements". */
  personId?: number;
  /** Inclusive lower bound on the article's sort_at (ISO-8601 UTC). */
  from?: string;
  /** Exclusive upper bound on the article's sort_at (ISO-8601 UTC). */
  to?: string;
  /** 1-based. */
  page?: number;
  perPage?: number;
}

/** The columns a result needs, read with the candidate (the text only up to CANDIDATE_TEXT_CHARS). */
export interface SearchArticle {
  id: number;
  source_id: number;
  title: string;
  url: string;
  byline: string | null;
  published_at: string | null;
  sort_at: string;
  text: string;
  source_title: string | null;
  source_url: string;
  source_site_url: string | null;
}

export interface SearchHit {
  article: SearchArticle;
  /** The title and a passage of the text as HTML: every character escaped, then matches wrapped in <mark>. */
  titleHtml: string;
  snippetHtml: string;
}

export interface SearchPage {
  hits: SearchHit[];
  page: number;
  perPage: number;
  hasNext: boolean;
  /** The words and phrases searched for, as read from the query (empty: nothing searchable was typed). */
  terms: string[];
}

/** A matching article, as a dialect's query returns it: newest first. */
export type Candidate = SearchArticle;

/** The filters and bound every dialect's candidate query takes. */
export interface CandidateFilter {
  sourceId?: number;
  personId?: number;
  from?: string;
  to?: string;
  limit: number;
}
