/**
 * @module Reads of who said what: a person's page (their statements newest first, keyset pages), the
 * people index, and the statements of an article or of a story's reports with their outlets.
 */
import type { Kysely } from "kysely";
import { afterCursor, type PageCursor } from "./articles.ts";
import type { Database, DisplayMode } from "./schema.ts";

export interface Person {
  id: number;
  slug: string;
  name: string;
  kind: "person" | "organisation";
  statement_count: number;
  last_statement_at: string | null;
}

/** One statement as pages show it, with who said it and where. */
export interface StatementRow {
  id: number;
  article_id: number;
  position: number;
  person_id: number | null;
  person_slug: string | null;
  person_name: string | null;
  person_kind: "person" | "organisation" | null;
  source: string;
  affiliation: string | null;
  anonymous: boolean;
  kind: "direct" | "indirect" | "according_to";
  verb: string;
  text: string;
  sort_at: string;
  /** The article's source's display mode: an excerpt-only outlet's statements are shown cut. */
  source_display_mode: DisplayMode;
}

/** A statement on a person's page: the article it is in, and the outlet. */
export interface PersonStatementRow extends StatementRow {
  article_title: string;
  article_url: string;
  source_id: number;
  source_title: string | null;
}

function toPerson(r: {
  id: number | string;
  slug: string;
  name: string;
  kind: "person" | "organisation";
  statement_count: number | string;
  last_statement_at: string | null;
}): Person {
  return { ...r, id: Number(r.id), statement_count: Number(r.statement_count) };
}

export async function findPersonBySlug(db: Kysely<Database>, slug: string): Promise<Person | undefined> {
  const row = await db
    .selectFrom("people")
    .select(["id", "slug", "name", "kind", "statement_count", "last_statement_at"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

/** The person an earlier slug of theirs now names (see people_redirects), if any. */
export async function findPersonByOldSlug(db: Kysely<Database>, slug: string): Promise<Person | undefined> {
  const row = await db
    .selectFrom("people_redirects")
    .innerJoin("people", "people.id", "people_redirects.person_id")
    .select([
      "people.id",
      "people.slug",
      "people.name",
      "people.kind",
      "people.statement_count",
      "people.last_statement_at",
    ])
    .where("people_redirects.slug", "=", slug)
    .executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

/** The people and bodies quoted most recently, who have statements. */
export async function listRecentPeople(db: Kysely<Database>, limit: number): Promise<Person[]> {
  const rows = await db
    .selectFrom("people")
    .select(["id", "slug", "name", "kind", "statement_count", "last_statement_at"])
    .where("statement_count", ">", 0)
    .orderBy("last_statement_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toPerson);
}

function statementColumns(db: Kysely<Database>) {
  return db
    .selectFrom("statements")
    .leftJoin("people", "people.id", "statements.person_id")
    .innerJoin("articles", "articles.id", "statements.article_id")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select([
      "statements.id",
      "statements.article_id",
      "statements.position",
      "statements.person_id",
      "people.slug as person_slug",
      "people.name as person_name",
      "people.kind as person_kind",
      "statements.source",
      "statements.affiliation",
      "statements.anonymous",
      "statements.kind",
      "statements.verb",
      "statements.text",
      "statements.sort_at",
      "sources.display_mode as source_display_mode",
    ]);
}

function toStatement<
  T extends {
    id: number | string;
    article_id: number | string;
    person_id: number | string | null;
    anonymous: number;
  },
>(r: T) {
  return {
    ...r,
    id: Number(r.id),
    article_id: Number(r.article_id),
    person_id: r.person_id == null ? null : Number(r.person_id),
    anonymous: Number(r.anonymous) === 1,
  };
}

/** The statements of the given articles, each article's in text order. */
export async function listStatementsOfArticles(
  db: Kysely<Database>,
  articleIds: readonly number[],
): Promise<StatementRow[]> {
  if (articleIds.length === 0) return [];
  return toStatements(await articleStatementsQuery(db, articleIds).execute());
}

/** The query behind listStatementsOfArticles (non-empty `articleIds`), for reads that fold it into one round trip. */
export function articleStatementsQuery(db: Kysely<Database>, articleIds: readonly number[]) {
  return statementColumns(db)
    .where("statements.article_id", "in", [...articleIds])
    .orderBy("statements.article_id")
    .orderBy("statements.position");
}

export function toStatements(
  rows: Awaited<ReturnType<ReturnType<typeof articleStatementsQuery>["execute"]>>,
): StatementRow[] {
  return rows.map(toStatement) as StatementRow[];
}

/** A person's statements, newest first, `limit` after the cursor. */
export async function listPersonStatements(
  db: Kysely<Database>,
  personId: number,
  limit: number,
  before?: PageCursor,
): Promise<PersonStatementRow[]> {
  let q = statementColumns(db)
    .select([
      "articles.title as article_title",
      "articles.url as article_url",
      "articles.source_id",
      "sources.title as source_title",
    ])
    .where("statements.person_id", "=", personId);
  if (before) q = q.where((eb) => afterCursor(eb, "statements.sort_at", "statements.id", before));
  const rows = await q
    .orderBy("statements.sort_at", "desc")
    .orderBy("statements.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) =>
    Object.assign(toStatement(r), { source_id: Number(r.source_id) }),
  ) as PersonStatementRow[];
}
