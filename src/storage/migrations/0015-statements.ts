/**
 * @module Who said what: each article's attributed statements, and the people and bodies they come
 * from (one identity across articles, with its own page). Statements keep the article's sort time, so
 * a person's page lists them newest first from one index. `articles.statements_at` records when an
 * article's statements were last extracted (null: never, which `newsdesk quotes --backfill` fills).
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "../db.ts";
import { createTableWithId } from "./0001-init.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTableWithId(db, dialect, "people")
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("surname", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("statement_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_statement_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("people_surname").on("people").column("surname").execute();
  // A person's earlier addresses (known by surname only, then by full name): they answer 301.
  await db.schema
    .createTable("people_redirects")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("person_id", "bigint", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .execute();

  await createTableWithId(db, dialect, "statements")
    .addColumn("article_id", "bigint", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("person_id", "bigint", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("mentions", "text", (c) => c.notNull())
    .addColumn("affiliation", "text")
    .addColumn("anonymous", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("verb", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("sort_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("statements_article")
    .on("statements")
    .columns(["article_id", "position"])
    .execute();
  await db.schema
    .createIndex("statements_person_time")
    .on("statements")
    .columns(["person_id", "sort_at", "id"])
    .execute();

  await db.schema.alterTable("articles").addColumn("statements_at", "text").execute();

  // Pages show both: every write moves the site's data version (migration 0009), as for articles.
  for (const table of ["people", "statements"]) {
    if (dialect === "postgres") {
      await sql
        .raw(
          `CREATE TRIGGER site_version_${table} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_bump_site_version()`,
        )
        .execute(db);
    } else {
      const bump = `UPDATE site_version SET version = version + 1, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 1;`;
      for (const event of ["INSERT", "UPDATE", "DELETE"]) {
        await sql
          .raw(
            `CREATE TRIGGER site_version_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${bump} END`,
          )
          .execute(db);
      }
    }
  }
}
