/**
 * @module WebSub pushes received and not yet stored (issue 16): the web process that receives a
 * signed push keeps its body here and answers at once; the fetcher process (SQLite) or a queue worker
 * (PostgreSQL) parses it and fetches the pages, so the web tier never opens an outbound connection.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";
import { createTableWithId } from "./0001-init.ts";

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTableWithId(db, dialect, "websub_pushes")
    .addColumn("source_id", "bigint", (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .addColumn("body", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("content_type", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
}
