/** @module Queries marked `prepared` run as named prepared statements on PostgreSQL, and as usual on SQLite. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { prepared } from "./db.ts";

after(stopTestPostgres);

for (const { name, make } of bothDatabases) {
  describe(`prepared queries on ${name}`, () => {
    const t = useMigratedDb(make);

    test("give the same rows, and PostgreSQL keeps one statement per text on the connection", async () => {
      const db = t.db.kysely;
      const query = db.selectFrom("sources").select((eb) => eb.fn.countAll<number>().as("n"));
      const plain = await query.execute();
      await db.transaction().execute(async (trx) => {
        // One connection for the whole transaction: its prepared statements are what the server lists.
        for (let i = 0; i < 3; i++)
          assert.deepEqual((await trx.executeQuery(prepared(query.compile()))).rows, plain);
        if (t.db.dialect !== "postgres") return;
        const kept = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(
          trx,
        );
        const ours = kept.rows.filter((r) => r.statement.startsWith("/* newsdesk:prepared */"));
        assert.equal(ours.length, 1, "one statement however often it ran");
        assert.ok(ours[0]?.statement.includes('from "sources"'));
      });
    });
  });
}
