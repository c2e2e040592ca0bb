/** @module Who said what in storage: statements replaced with their article's text, one identity per person across articles, on both databases. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { newArticle as article, hoursAfter, T0 } from "../../test/support/articles.ts";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { insertArticle, reviseArticle } from "./articles.ts";
import {
  findPersonByOldSlug,
  findPersonBySlug,
  listPersonStatements,
  listRecentPeople,
  listStatementsOfArticles,
} from "./people.ts";
import { insertSource } from "./sources.ts";
import type { StatementInput } from "./statements.ts";

after(stopTestPostgres);

function said(source: string, statement: string, extra: Partial<StatementInput> = {}): StatementInput {
  return {
    source,
    mentions: [source],
    statement,
    start: 0,
    end: statement.length,
    kind: "indirect",
    verb: "said",
    ...extra,
  };
}

for (const { name, make } of bothDatabases) {
  describe(`statements on ${name}`, () => {
    const t = useMigratedDb(make);

    async function store(guid: string, hours: number, statements: StatementInput[]): Promise<number> {
      const db = t.db.kysely;
      const s = (await insertSource(db, `https://${guid}.test/feed`, T0)).source;
      assert.ok(await insertArticle(db, article(s.id, guid, hoursAfter(hours)), [], { statements }));
      const row = await db
        .selectFrom("articles")
        .select("id")
        .where("guid", "=", guid)
        .executeTakeFirstOrThrow();
      return Number(row.id);
    }

    test("a person named in full in one article and by surname in another is one identity, newest first", async () => {
      const db = t.db.kysely;
      const first = await store("a1", 1, [
        said("Vera Lindqvist", "the talks would resume", { kind: "indirect" }),
        said("Foreign Ministry", "We regret the decision.", { kind: "direct", affiliation: null }),
      ]);
      const second = await store("a2", 5, [
        said("Lindqvist", "no deal was near", { verb: "told reporters" }),
      ]);
      const person = await findPersonBySlug(db, "vera-lindqvist");
      assert.ok(person);
      assert.equal(person.name, "Vera Lindqvist");
      assert.equal(person.kind, "person");
      assert.equal(person.statement_count, 2);
      const list = await listPersonStatements(db, person.id, 10);
      assert.deepEqual(
        list.map((r) => [r.article_id, r.text, r.verb]),
        [
          [second, "no deal was near", "told reporters"],
          [first, "the talks would resume", "said"],
        ],
      );
      // Keyset pages: the second page starts after the first's last row.
      const page2 = await listPersonStatements(db, person.id, 1, {
        sortAt: list[0]!.sort_at,
        id: list[0]!.id,
      });
      assert.deepEqual(
        page2.map((r) => r.article_id),
        [first],
      );
      assert.equal((await findPersonBySlug(db, "foreign-ministry"))?.kind, "organisation");
    });

    test("a full name takes over an identity known only by its surname, and its page moves with it", async () => {
      const db = t.db.kysely;
      await store("b1", 10, [said("Okonjo", "the bridge was safe")]);
      assert.ok(await findPersonBySlug(db, "okonjo"));
      await store("b2", 11, [said("Ada Okonjo", "repairs would take a year")]);
      const person = await findPersonBySlug(db, "ada-okonjo");
      assert.equal(person?.statement_count, 2);
      assert.equal(await findPersonBySlug(db, "okonjo"), undefined);
      assert.equal((await findPersonByOldSlug(db, "okonjo"))?.slug, "ada-okonjo", "the old address leads on");
    });

    test("an identity first taken for a person becomes a body when an article makes plain it is one", async () => {
      const db = t.db.kysely;
      await store("e1", 40, [said("Vostra", "the ship carried spare parts")]);
      assert.equal((await findPersonBySlug(db, "vostra"))?.kind, "person");
      await store("e2", 41, [said("Vostra", "the crew was safe", { organisation: true })]);
      const vostra = await findPersonBySlug(db, "vostra");
      assert.equal(vostra?.kind, "organisation");
      assert.equal(vostra?.statement_count, 2);
    });

    test("anonymous sources, the outlet's own sourcing and descriptions are stored without an identity", async () => {
      const id = await store("c1", 20, [
        said("senior official", "the plan was dropped", { anonymous: true }),
        said("The Gazette (own sources)", "the plan was dropped", { verb: "understands" }),
        said("officials", "roads would reopen"),
      ]);
      const rows = await listStatementsOfArticles(t.db.kysely, [id]);
      assert.deepEqual(
        rows.map((r) => [r.position, r.person_id, r.anonymous]),
        [
          [0, null, true],
          [1, null, false],
          [2, null, false],
        ],
      );
    });

    test("an edited body replaces the article's statements and the counts follow", async () => {
      const db = t.db.kysely;
      const id = await store("d1", 30, [said("Mara Quill", "the vote was fair")]);
      assert.equal((await findPersonBySlug(db, "mara-quill"))?.statement_count, 1);
      const body = { body_html: "<p>New.</p>", text: "New text." };
      const changed = await reviseArticle(
        db,
        id,
        { body, revisedAt: hoursAfter(31), statements: [said("Tomas Brandt", "a recount was needed")] },
        hoursAfter(31),
      );
      assert.equal(changed, true);
      assert.equal((await findPersonBySlug(db, "mara-quill"))?.statement_count, 0);
      assert.equal((await findPersonBySlug(db, "tomas-brandt"))?.statement_count, 1);
      const recent = (await listRecentPeople(db, 50)).map((p) => p.slug);
      assert.ok(recent.includes("tomas-brandt"));
      assert.ok(!recent.includes("mara-quill"), "nobody is listed without statements");
      const row = await db
        .selectFrom("articles")
        .select("statements_at")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      assert.equal(row.statements_at, hoursAfter(31));
    });
  });
}
