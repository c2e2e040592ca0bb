/**
 * @module Everything an article page shows besides the article itself, in one query: its story and the
 * story's reports, topics, earlier headlines, reprint links, statements and approved comments, each as a
 * JSON array built by the database. Seven queries in parallel cost seven round trips, seven server
 * processes to wake and a wait for the slowest; on a busy machine that wait is the page's worst latency.
 * Each part is the same query its own list function runs (storage/story-reads.ts and the others).
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import * as pgJson from "kysely/helpers/postgres";
import * as sqliteJson from "kysely/helpers/sqlite";
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
 * Reads the rest of article `id` (in story `storyId`, or none) in one round trip. `avatarOf` turns each
 * commenter's address into its avatar here, so addresses never leave storage.
 */
export async function loadArticlePageRows(
  db: Kysely<Database>,
  id: number,
  storyId: number | null,
  avatarOf: (email: string) => string,
): Promise<ArticlePageRows> {
  const json = isPostgres(db) ? pgJson : sqliteJson;
  const array = (query: Parameters<typeof sqliteJson.jsonArrayFrom>[0]) => json.jsonArrayFrom(query);
  const none = sql<never[]>`NULL`;
  const story =
    storyId === null
      ? sql<null>`NULL`
      : json.jsonObjectFrom(db.selectFrom("stories").select(["id", "title"]).where("id", "=", storyId));
  const parts = {
    story,
    members: storyId === null ? none : array(storyMembersQuery(db, [storyId])),
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
  const query = db.selectNoFrom(
    (Object.keys(parts) as Array<keyof typeof parts>).map((k) => (parts[k] as RawBuilder<unknown>).as(k)),
  );
  // Planning this query costs three times running it: prepared, each connection plans it once.
  const row = (await db.executeQuery(prepared(query.compile()))).rows[0];
  if (!row) throw new Error("storage: the article page's read returned no row");
  const r = row as Record<keyof typeof parts, unknown>;
  const storyRow = parsed(r.story as { id: number | string; title: string } | null | string);
  return {
    story: storyRow ? { id: Number(storyRow.id), title: storyRow.title } : undefined,
    members: (parsed(r.members as RowsOf<typeof storyMembersQuery> | null | string) ?? []).map(toStoryMember),
    topics: topicsByArticle(parsed(r.topics as RowsOf<typeof articleTopicsQuery> | string)).get(id) ?? [],
    revisions: parsed(r.revisions as Array<{ title: string; replaced_at: string }> | string),
    links: toReprintLinks(parsed(r.links as RowsOf<typeof reprintLinksQuery> | string)),
    statements: toStatements(parsed(r.statements as RowsOf<typeof articleStatementsQuery> | string)),
    comments: toPublicComments(parsed(r.comments as RowsOf<typeof approvedThreadQuery> | string), avatarOf),
  };
}
