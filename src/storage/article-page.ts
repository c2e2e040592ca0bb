/**
 * @module Everything an article page shows, in one query: the article and its source, its story and the
 * story's reports, topics, earlier headlines, reprint links, statements and approved comments, each as a
 * JSON array built by the database. Separate queries cost a round trip each, a server process to wake
 * and a wait for the slowest; on a busy machine those waits are the page's worst latency.
 * Each part is the same query its own list function runs (storage/story-reads.ts and the others).
 */
import type { Kysely, RawBuilder } from "kysely";
import * as pgJson from "kysely/helpers/postgres";
import * as sqliteJson from "kysely/helpers/sqlite";
import { type ArticleWithSource, withSource } from "./articles.ts";
import { approvedThreadQuery, type PublicComment, toPublicComments } from "./comments.ts";
import { isPostgres, prepared } from "./db.ts";
import { type ReprintLink, reprintLinksQuery, toReprintLinks } from "./original-lists.ts";
import { articleStatementsQuery, type StatementRow, toStatements } from "./people.ts";
import type { Database } from "./schema.ts";
import { type StoryMember, storyMembersQuery, toStoryMember } from "./story-reads.ts";
import { articleTopicsQuery, topicsByArticle } from "./topics.ts";

export interface ArticlePageRows {
  story: { id: number; title: string } | undefined;
  members: StoryMember[];
  topics: Array<{ slug: string; name: string }>;
  /** Earlier headlines, newest first. */
  revisions: Array<{ title: string; replaced_at: string }>;
  links: ReprintLink[];
  statements: StatementRow[];
  comments: PublicComment[];
}

/** The rows a query-making function's query returns (the JSON arrays hold the same fields). */
type RowsOf<F extends (...args: never[]) => { execute(): Promise<unknown[]> }> = Awaited<
  ReturnType<ReturnType<F>["execute"]>
>;

/** SQLite hands JSON back as text; PostgreSQL's driver has already parsed it. */
function parsed<T>(value: T | string): T {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

/**
 * Reads article `id` with its source and the rest of its page in one round trip, or undefined when
 * there is no such article. `avatarOf` turns each commenter's address into its avatar here, so
 * addresses never leave storage.
 */
export async function loadArticlePage(
  db: Kysely<Database>,
  id: number,
  avatarOf: (email: string) => string,
): Promise<{ article: ArticleWithSource; rows: ArticlePageRows } | undefined> {
  const json = isPostgres(db) ? pgJson : sqliteJson;
  const array = (query: Parameters<typeof sqliteJson.jsonArrayFrom>[0]) => json.jsonArrayFrom(query);
  // The story's parts follow the article's story_id in the same query (none when it has no story).
  const ownStory = db.selectFrom("articles").select("story_id").where("id", "=", id);
  const parts = {
    story: json.jsonObjectFrom(db.selectFrom("stories").select(["id", "title"]).where("id", "=", ownStory)),
    members: array(storyMembersQuery(db, ownStory)),
    topics: array(articleTopicsQuery(db, [id])),
    revisions: array(
      db
        .selectFrom("article_revisions")
        .select(["title", "replaced_at"])
        .where("article_id", "=", id)
        .orderBy("replaced_at", "desc")
        .orderBy("id", "desc"),
    ),
    links: array(reprintLinksQuery(db, [id])),
    statements: array(articleStatementsQuery(db, [id])),
    comments: array(approvedThreadQuery(db, id)),
  };
  const query = withSource(db)
    .where("articles.id", "=", id)
    .select(
      (Object.keys(parts) as Array<keyof typeof parts>).map((k) => (parts[k] as RawBuilder<unknown>).as(k)),
    );
  // Planning this query costs three times running it: prepared, each connection plans it once.
  const row = (await db.executeQuery(prepared(query.compile()))).rows[0] as
    | (ArticleWithSource & Record<keyof typeof parts, unknown>)
    | undefined;
  if (!row) return undefined;
  const { story, members, topics, revisions, links, statements, comments, ...article } = row;
  const storyRow = parsed(story as { id: number | string; title: string } | null | string);
  return {
    article,
    rows: {
      story: storyRow ? { id: Number(storyRow.id), title: storyRow.title } : undefined,
      members: (parsed(members as RowsOf<typeof storyMembersQuery> | null | string) ?? []).map(toStoryMember),
      topics: topicsByArticle(parsed(topics as RowsOf<typeof articleTopicsQuery> | string)).get(id) ?? [],
      revisions: parsed(revisions as Array<{ title: string; replaced_at: string }> | string),
      links: toReprintLinks(parsed(links as RowsOf<typeof reprintLinksQuery> | string)),
      statements: toStatements(parsed(statements as RowsOf<typeof articleStatementsQuery> | string)),
      comments: toPublicComments(parsed(comments as RowsOf<typeof approvedThreadQuery> | string), avatarOf),
    },
  };
}
