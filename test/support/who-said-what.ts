/**
 * @module A story with attributed statements, seeded through storage as ingest would leave it: a wire
 * report, two other outlets' reports of the same talks, and an older report quoting the foreign
 * minister many times (for the person page's pages). Shared by the web handler tests and the browser test.
 */
import type { Kysely } from "kysely";
import { insertArticle } from "../../src/storage/articles.ts";
import type { Database, NewArticle } from "../../src/storage/schema.ts";
import { insertSource, markSourceFetched } from "../../src/storage/sources.ts";
import type { StatementInput } from "../../src/storage/statements.ts";
import { assignArticlesToStory } from "../../src/storage/stories.ts";

export const wsw = {
  outlets: ["Northern Wire", "Harbour Gazette", "Evening Herald"] as const,
  storyTitle: "Grain talks resume in Istanbul",
  gazetteTitle: "Lavrov ready to sign grain deal",
  heraldTitle: "Ministry confirms grain shipments",
  archiveTitle: "Lavrov's year in quotes",
  minister: { name: "Sergei Lavrov", slug: "sergei-lavrov", affiliation: "Russia's foreign minister" },
  ministry: { name: "Foreign Ministry", slug: "foreign-ministry" },
  /** Statements of the minister on the older report: with the four of the story, 34 in all. */
  archiveStatements: 30,
  quotes: {
    wireUseful: "The talks were useful and frank",
    wireGuarantees: "Moscow wanted written guarantees before any deal",
    anonymous: "a deal was close but not yet agreed",
    ministryWire: "shipments would resume within a week",
    gazetteReady: "We are ready to sign as soon as Monday",
    ownSources: "the deal includes a clause on insurance",
    heraldMinistry: "The first ships will sail on Tuesday",
    heraldMinister: "Nobody should expect miracles",
  },
};

/** A statement of `text`, with its offsets. */
function st(
  text: string,
  source: string,
  statement: string,
  kind: StatementInput["kind"],
  verb: string,
  extra: Partial<StatementInput> = {},
): StatementInput {
  const start = Math.max(0, text.indexOf(statement));
  return {
    source,
    mentions: [source],
    statement,
    start,
    end: start + statement.length,
    kind,
    verb,
    ...extra,
  };
}

export interface WhoSaidWhatWorld {
  sources: { wire: number; gazette: number; herald: number };
  ids: { wire: number; gazette: number; herald: number; archive: number };
  story: number;
}

/** Seeds the outlets, reports and statements; `at(minutes)` gives the time of each (0: the wire report). */
export async function seedWhoSaidWhat(
  k: Kysely<Database>,
  at: (minutes: number) => string,
): Promise<WhoSaidWhatWorld> {
  const q = wsw.quotes;
  const sourceIds: number[] = [];
  for (const [i, name] of wsw.outlets.entries()) {
    const host = `wsw${i + 1}.test`;
    const { source } = await insertSource(k, `https://${host}/feed.xml`, at(-600));
    await markSourceFetched(k, source.id, {
      now: at(-600),
      nextFetchAt: at(-600),
      title: name,
      siteUrl: `https://${host}/`,
    });
    sourceIds.push(source.id);
  }
  const [wire = 0, gazette = 0, herald = 0] = sourceIds;
  const row = (sourceId: number, guid: string, minutes: number, title: string, text: string): NewArticle => ({
    source_id: sourceId,
    guid,
    url: `https://wsw${sourceIds.indexOf(sourceId) + 1}.test/${guid}`,
    title,
    body_html: text
      .split("\n")
      .map((p) => `<p>${p}</p>`)
      .join(""),
    text,
    excerpt: text.slice(0, 140),
    language: "en",
    published_at: at(minutes),
    fetched_at: at(minutes),
    created_at: at(minutes),
    updated_at: at(minutes),
  });

  const wireText = [
    `"${q.wireUseful}," Russia's foreign minister Sergei Lavrov told reporters in Istanbul.`,
    `A senior official who spoke on condition of anonymity said ${q.anonymous}.`,
    `According to the Foreign Ministry, ${q.ministryWire}.`,
    `Lavrov said ${q.wireGuarantees}.`,
  ].join("\n");
  await insertArticle(k, row(wire, "grain-wire", 0, wsw.storyTitle, wireText), ["World"], {
    statements: [
      st(wireText, "Sergei Lavrov", q.wireUseful, "direct", "told reporters", {
        affiliation: wsw.minister.affiliation,
        mentions: ["Sergei Lavrov", "Russia's foreign minister"],
      }),
      st(wireText, "senior official", q.anonymous, "indirect", "said", { anonymous: true }),
      st(wireText, "Foreign Ministry", q.ministryWire, "according_to", "according to"),
      st(wireText, "Sergei Lavrov", q.wireGuarantees, "indirect", "said", { mentions: ["Lavrov"] }),
    ],
  });
  const gazetteText = [
    `"${q.gazetteReady}," Lavrov said on Thursday.`,
    `The Gazette understands ${q.ownSources}.`,
  ].join("\n");
  await insertArticle(k, row(gazette, "grain-gazette", 60, wsw.gazetteTitle, gazetteText), ["World"], {
    statements: [
      st(gazetteText, "Lavrov", q.gazetteReady, "direct", "said"),
      st(gazetteText, "Harbour Gazette (own sources)", q.ownSources, "indirect", "understands"),
    ],
  });
  const heraldText = [
    `"${q.heraldMinistry}," the Foreign Ministry said in a statement.`,
    `"${q.heraldMinister}," Lavrov told the Herald.`,
  ].join("\n");
  await insertArticle(k, row(herald, "grain-herald", 90, wsw.heraldTitle, heraldText), [], {
    statements: [
      st(heraldText, "Foreign Ministry", q.heraldMinistry, "direct", "said"),
      st(heraldText, "Sergei Lavrov", q.heraldMinister, "direct", "told the Herald"),
    ],
  });
  const archiveLines = Array.from(
    { length: wsw.archiveStatements },
    (_, i) => `"Remark number ${i + 1} on the year," Lavrov said.`,
  );
  const archiveText = archiveLines.join("\n");
  await insertArticle(k, row(wire, "lavrov-year", -2880, wsw.archiveTitle, archiveText), [], {
    statements: archiveLines.map((_, i) =>
      st(archiveText, "Lavrov", `Remark number ${i + 1} on the year`, "direct", "said"),
    ),
  });

  const list = await k.selectFrom("articles").select(["id", "guid", "story_id"]).execute();
  const idOf = (guid: string) => Number(list.find((r) => r.guid === guid)?.id);
  const story = Number(list.find((r) => r.guid === "grain-wire")?.story_id);
  const ids = {
    wire: idOf("grain-wire"),
    gazette: idOf("grain-gazette"),
    herald: idOf("grain-herald"),
    archive: idOf("lavrov-year"),
  };
  await assignArticlesToStory(k, story, [ids.wire, ids.gazette, ids.herald]);
  await k
    .updateTable("stories")
    .set({ title: wsw.storyTitle, lead_article_id: ids.wire, first_article_id: ids.wire })
    .where("id", "=", story)
    .execute();
  return { sources: { wire, gazette, herald }, ids, story };
}
