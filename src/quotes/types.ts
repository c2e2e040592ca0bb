/** @module The attribution stage's input and output shapes (issue 13; the bench contract in ../shared/bench/stories/README.md). */

/** What the stage needs of an article: its plain text, and the outlet's name to recognise its own sourcing. */
export interface QuoteArticle {
  /** Plain text, paragraphs separated by a blank line; offsets in statements index this string. */
  body: string;
  /** The outlet's name ("ABS News"): "ABS understands" is the outlet's own sourcing. */
  outlet?: string | null;
}

export type StatementKind = "direct" | "indirect" | "according_to";

/** One attributed statement: who said it, what, and where it sits in the text. */
export interface Statement {
  /** The source as resolved within the article: a person's name without titles, an organisation, `anonymous <role>`, `<outlet> (own sources)`. */
  source: string;
  /** The surface forms naming the source at this statement ("Chief Fire Officer Alan Pryce", "he"). */
  mentions: string[];
  /** The statement's text, exactly `body.slice(start, end)`. */
  statement: string;
  /** UTF-16 offsets into the body, end exclusive. */
  start: number;
  end: number;
  kind: StatementKind;
  /** The attribution verb or phrase as written ("said", "told reporters", "according to"). */
  verb: string;
  /** The organisation a person speaks for, when the article says so. */
  affiliation?: string;
  /** The source is a named organisation or body, as the article makes plain ("the state news agency Vostra", "Foreign Ministry"). */
  organisation?: boolean;
  /** The article withholds the source's name on purpose ("who asked not to be named"); `source` is their role. */
  anonymous?: boolean;
}
