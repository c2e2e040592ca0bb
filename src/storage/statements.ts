/**
 * @module Who said what, stored: an article's attributed statements (replaced whole whenever its text
 * is extracted again) and the identities they point to (people/identity.ts decides the matching).
 * Statement writes run in a transaction of their own right after a new article is stored
 * (article-filing.ts), or in the one that rewrites a stored article's text, so a page never shows
 * statements of a text the article no longer has; a new article shows none for a moment.
 */
import type { Kysely, Transaction } from "kysely";
import { hasIdentity, identityKey, identityKind, matchIdentity, surnameOf } from "../people/identity.ts";
import { slugify } from "../util/slug.ts";
import type { Database } from "./schema.ts";
import { takeWriterLocks } from "./writer-locks.ts";

type Trx = Transaction<Database> | Kysely<Database>;

/** A statement as the attribution stage gives it (quotes/types.ts `Statement`). */
export interface StatementInput {
  source: string;
  mentions: readonly string[];
  statement: string;
  start: number;
  end: number;
  kind: "direct" | "indirect" | "according_to";
  verb: string;
  affiliation?: string | null;
  anonymous?: boolean;
  /** The attribution stage knows the source is a named body. */
  organisation?: boolean;
}

/** Statements kept per article: a 5,000-word interview transcript is not a reason for unbounded rows. */
export const MAX_STATEMENTS_PER_ARTICLE = 200;
/** Characters kept of one statement (a multi-paragraph quote is still shown whole below this). */
export const MAX_STATEMENT_CHARS = 4_000;

/** The identity `source` names: an existing one, one that now takes a fuller name, or a new one. */
async function identityOf(trx: Trx, source: string, spokenFor: boolean, now: string): Promise<number> {
  const key = identityKey(source);
  const kind = identityKind(source, spokenFor);
  const surname = surnameOf(key, kind);
  const lone = key.includes(" ") ? null : key;
  let q = trx.selectFrom("people").select(["id", "key", "surname", "kind"]).where("key", "=", key);
  if (surname)
    q = q.union(
      trx.selectFrom("people").select(["id", "key", "surname", "kind"]).where("surname", "=", surname),
    );
  if (lone)
    q = q.union(
      trx.selectFrom("people").select(["id", "key", "surname", "kind"]).where("surname", "=", lone),
    );
  const known = (await q.execute()).map((r) => ({ ...r, id: Number(r.id) }));
  const match = matchIdentity(source, known, spokenFor);
  if (match.kind === "known") {
    // Another article named it without saying what it is; this one makes plain it is a body.
    if (spokenFor && kind === "organisation")
      await trx
        .updateTable("people")
        .set({ kind: "organisation", surname: null })
        .where("id", "=", match.id)
        .where("kind", "=", "person")
        .execute();
    return match.id;
  }
  if (match.kind === "fuller") {
    const before = await trx
      .selectFrom("people")
      .select("slug")
      .where("id", "=", match.id)
      .executeTakeFirst();
    const slug = await freeSlug(trx, match.name, match.id);
    await trx
      .updateTable("people")
      .set({ name: match.name, key: match.key, slug })
      .where("id", "=", match.id)
      .execute();
    if (before && before.slug !== slug) {
      // The old address keeps working: links and bookmarks made while only the surname was known.
      await trx
        .insertInto("people_redirects")
        .values({ slug: before.slug, person_id: match.id })
        .onConflict((oc) => oc.column("slug").doUpdateSet({ person_id: match.id }))
        .execute();
    }
    return match.id;
  }
  // Another writer may create the same identity at the same moment (two articles quoting one person):
  // the key's unique index decides, and the loser takes the winner's row.
  const row = await trx
    .insertInto("people")
    .values({
      slug: await freeSlug(trx, match.name, null),
      name: match.name,
      key: match.key,
      surname: match.surname,
      kind: match.identityKind,
      created_at: now,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (row) return Number(row.id);
  const winner = await trx
    .selectFrom("people")
    .select("id")
    .where("key", "=", match.key)
    .executeTakeFirstOrThrow();
  return Number(winner.id);
}

/** `name`'s slug, with -2, -3... when another identity holds it. */
async function freeSlug(trx: Trx, name: string, self: number | null): Promise<string> {
  const base = slugify(name, "source");
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const holder = await trx.selectFrom("people").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!holder || Number(holder.id) === self) return slug;
  }
}

/** Recounts the identities' statements and their newest time (what the people pages sort and show). */
async function recount(trx: Trx, personIds: Iterable<number>): Promise<void> {
  // In id order, so two writers lock the rows they share in the same order (no deadlock).
  for (const id of [...new Set(personIds)].sort((a, b) => a - b)) {
    const row = await trx
      .selectFrom("statements")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("sort_at").as("last")])
      .where("person_id", "=", id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("people")
      .set({ statement_count: Number(row.n), last_statement_at: (row.last as string | null) ?? null })
      .where("id", "=", id)
      .execute();
  }
}

/**
 * Replaces the article's statements with `statements` (its text extracted again, or for the first
 * time), creating or updating the identities they name, and marks when. Run it in a transaction that
 * took the statement writers' lock first (writer-locks.ts): they create and recount shared people rows.
 */
export async function replaceArticleStatements(
  trx: Trx,
  articleId: number,
  sortAt: string,
  statements: readonly StatementInput[],
  now: string,
): Promise<void> {
  const before = await trx
    .selectFrom("statements")
    .select("person_id")
    .where("article_id", "=", articleId)
    .where("person_id", "is not", null)
    .execute();
  await trx.deleteFrom("statements").where("article_id", "=", articleId).execute();
  const ids = new Map<string, number>();
  // A source someone in the article speaks for ("ministry spokeswoman X") is a body.
  const spokenFor = new Set(statements.flatMap((s) => (s.affiliation ? [identityKey(s.affiliation)] : [])));
  const rows = [];
  for (const [position, s] of statements.slice(0, MAX_STATEMENTS_PER_ARTICLE).entries()) {
    let personId: number | null = null;
    if (hasIdentity(s)) {
      const key = identityKey(s.source);
      personId =
        ids.get(key) ?? (await identityOf(trx, s.source, spokenFor.has(key) || !!s.organisation, now));
      ids.set(key, personId);
    }
    rows.push({
      article_id: articleId,
      position,
      person_id: personId,
      source: s.source.slice(0, 300),
      mentions: JSON.stringify(s.mentions.slice(0, 20)),
      affiliation: s.affiliation ?? null,
      anonymous: s.anonymous ? 1 : 0,
      kind: s.kind,
      verb: s.verb.slice(0, 100),
      text: s.statement.slice(0, MAX_STATEMENT_CHARS),
      start: s.start,
      end: s.end,
      sort_at: sortAt,
    });
  }
  for (let i = 0; i < rows.length; i += 50)
    await trx
      .insertInto("statements")
      .values(rows.slice(i, i + 50))
      .execute();
  await trx.updateTable("articles").set({ statements_at: now }).where("id", "=", articleId).execute();
  await recount(trx, [...before.map((r) => Number(r.person_id)), ...ids.values()]);
}

/** An article whose statements are to be extracted: its text, time and outlet name. */
export interface ArticleForStatements {
  id: number;
  text: string;
  sort_at: string;
  outlet: string | null;
}

/**
 * Up to `limit` articles after id `afterId`, in id order: those never extracted, or every one when
 * `all` (after an upgrade of the extractor).
 */
export async function listArticlesForStatements(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
  all = false,
): Promise<ArticleForStatements[]> {
  let q = db
    .selectFrom("articles")
    .innerJoin("sources", "sources.id", "articles.source_id")
    .select(["articles.id", "articles.text", "articles.sort_at", "sources.title as outlet"])
    .where("articles.id", ">", afterId);
  if (!all) q = q.where("articles.statements_at", "is", null);
  const rows = await q.orderBy("articles.id").limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** How many articles `listArticlesForStatements` would go through. */
export async function countArticlesForStatements(db: Kysely<Database>, all = false): Promise<number> {
  let q = db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n"));
  if (!all) q = q.where("statements_at", "is", null);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Replaces one stored article's statements in a transaction of its own (the backfill's write). */
export async function storeArticleStatements(
  db: Kysely<Database>,
  article: Pick<ArticleForStatements, "id" | "sort_at">,
  statements: readonly StatementInput[],
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await takeWriterLocks(trx, { statements: true });
    await replaceArticleStatements(trx, article.id, article.sort_at, statements, now);
  });
}
