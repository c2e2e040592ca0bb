/**
 * @module Who said what on the web, through inject() over real SQLite and PostgreSQL databases: the
 * article page's section (place, order, links, quote and paraphrase, unnamed sources), the person
 * pages (newest first, pages, 404), their feeds, the JSON-LD Quotations, the speaker filter of
 * search, and the story page's comparison by outlet.
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { seedWhoSaidWhat, type WhoSaidWhatWorld, wsw } from "../../test/support/who-said-what.ts";
import { loadConfig } from "../config/config.ts";
import { parseFeed } from "../feeds/parse-feed.ts";
import { createLogger } from "../log.ts";
import { insertArticle } from "../storage/articles.ts";
import { listStatementsOfArticles } from "../storage/people.ts";
import { storeArticleStatements } from "../storage/statements.ts";
import { buildApp } from "./app.tsx";

after(() => stopTestPostgres());

const T0 = Date.parse("2026-11-20T08:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const slugOf = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The text of an HTML fragment, tags dropped and entities of the few kinds preact writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function section(html: string, cls: string): string {
  const start = html.indexOf(`<section class="${cls}"`);
  assert.ok(start >= 0, `a section .${cls}`);
  // Sections of this kind nest sections; the outer one ends at its own closing tag, counted.
  let depth = 0;
  const re = /<section\b|<\/section>/g;
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === "</section>" ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error("unclosed section");
}

for (const { name, make } of bothDatabases) {
  describe(`who said what on ${name}`, () => {
    const holder = useMigratedDb(make);
    let w: WhoSaidWhatWorld;
    let app: ReturnType<typeof buildApp>;
    let close: () => Promise<void>;
    const get = (url: string) => app.inject(url);
    const wirePath = () => `/articles/${w.ids.wire}-${slugOf(wsw.storyTitle)}`;
    const lavrov = `/people/${wsw.minister.slug}`;

    test("seed the world", async () => {
      const k = holder.db.kysely;
      w = await seedWhoSaidWhat(k, at);
      // An article without statements, and one whose statement holds markup and a script end tag.
      await insertArticle(k, {
        source_id: w.sources.herald,
        guid: "quiet",
        url: "https://wsw3.test/quiet",
        title: "Weather stays mild",
        body_html: "<p>Mild.</p>",
        text: "Mild.",
        published_at: at(200),
        fetched_at: at(200),
        created_at: at(200),
        updated_at: at(200),
      });
      const hostile = 'Nothing to hide </script><script>alert(1)</script> & "more"';
      await insertArticle(
        k,
        {
          source_id: w.sources.herald,
          guid: "hostile",
          url: "https://wsw3.test/hostile",
          title: "Envoy speaks",
          body_html: "<p>x</p>",
          text: hostile,
          published_at: at(210),
          fetched_at: at(210),
          created_at: at(210),
          updated_at: at(210),
        },
        [],
        {
          statements: [
            {
              source: "Envoy <Smith>",
              mentions: [],
              statement: hostile,
              start: 0,
              end: hostile.length,
              kind: "direct",
              verb: "said",
            },
          ],
        },
      );
      const config = loadConfig({ NEWSDESK_PAGE_CACHE_CHECK_MS: "0" });
      app = buildApp({ db: k, config, log: createLogger("silent") });
      close = async () => {
        await app.close();
      };
    });
    after(async () => close?.());

    test("the article page: Who said what after Also covered by and before the comments, each source once", async () => {
      const res = await get(wirePath());
      assert.equal(res.statusCode, 200);
      const html = res.body;
      const order = [
        '<aside class="source-block"',
        '<section class="also-covered"',
        '<section class="who-said-what"',
        'id="comments"',
      ].map((marker) => html.indexOf(marker));
      assert.ok(
        order.every((i) => i > 0),
        `every part is on the page: ${order}`,
      );
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        "Source, Also covered by, Who said what, comments",
      );
      const wsw_ = section(html, "who-said-what");
      assert.match(wsw_, /<h2 id="who-said-what-heading">Who said what<\/h2>/);
      const speakers = [...wsw_.matchAll(/<h3 class="speaker-heading">([\s\S]*?)<\/h3>/g)].map((m) =>
        textOf(m[1] ?? ""),
      );
      assert.deepEqual(
        speakers,
        [
          `${wsw.minister.name}, ${wsw.minister.affiliation}`,
          "Unnamed source: senior official",
          wsw.ministry.name,
        ],
        "each source once, in order of first statement, with the affiliation",
      );
      assert.match(
        wsw_,
        new RegExp(`<a class="speaker-name" href="${lavrov}"><bdi>${wsw.minister.name}</bdi></a>`),
        "a named person links to their page",
      );
      assert.match(wsw_, /<bdi class="speaker-name">Unnamed source: senior official<\/bdi>/, "no link");
      assert.match(wsw_, new RegExp(`href="/people/${wsw.ministry.slug}"`));
      // Lavrov's two statements, in text order: a quotation, then a paraphrase said to be one.
      const lavrovItem = wsw_.slice(0, wsw_.indexOf("Unnamed source"));
      assert.match(
        lavrovItem,
        new RegExp(
          `<span class="statement-verb">told reporters</span>: <q class="statement-text" lang="en" dir="ltr">${wsw.quotes.wireUseful}</q>`,
        ),
      );
      assert.match(
        lavrovItem,
        new RegExp(
          `<span class="statement-verb">said</span> <span class="statement-kind">\\(paraphrase\\)</span>: <span class="statement-text" lang="en" dir="ltr">${wsw.quotes.wireGuarantees}</span>`,
        ),
      );
      assert.ok(lavrovItem.indexOf(wsw.quotes.wireUseful) < lavrovItem.indexOf(wsw.quotes.wireGuarantees));
      assert.match(textOf(wsw_), /according to \(paraphrase\): shipments would resume within a week/);
      assert.match(wsw_, /<li id="statement-\d+" class="statement statement-quote">/, "anchors for feeds");
      assert.equal(wsw_.match(/<q /g)?.length, 1, "only the direct quote is a <q>");
    });

    test("an article without statements has no section; one with markup is escaped", async () => {
      const quiet = (await get(`/articles/${w.ids.wire + 1000}`)).statusCode;
      assert.equal(quiet, 404);
      const list = await holder.db.kysely.selectFrom("articles").select(["id", "guid"]).execute();
      const id = (g: string) => Number(list.find((r) => r.guid === g)?.id);
      const page = (await get(`/articles/${id("quiet")}-weather-stays-mild`)).body;
      assert.doesNotMatch(page, /who-said-what/);
      assert.doesNotMatch(page, /"hasPart"/, "no Quotation either");
      const hostile = (await get(`/articles/${id("hostile")}-envoy-speaks`)).body;
      assert.doesNotMatch(hostile, /<script>alert/);
      // "Envoy <Smith>" is not written as a name, so it has no page: shown as text, escaped.
      assert.match(hostile, /<bdi class="speaker-name">Envoy &lt;Smith><\/bdi>/);
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(hostile)?.[1] ?? "";
      assert.doesNotMatch(ld, /<\/script/i, "the JSON-LD cannot end its script");
      const parsed = JSON.parse(ld) as { hasPart: Array<{ text: string }> };
      assert.equal(parsed.hasPart[0]?.text, 'Nothing to hide </script><script>alert(1)</script> & "more"');
    });

    test("the article's JSON-LD holds its statements as Quotation items with their creators", async () => {
      const html = (await get(wirePath())).body;
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
      const doc = JSON.parse(ld) as {
        "@type": string;
        hasPart: Array<{
          "@type": string;
          text: string;
          description: string;
          creator: { "@type": string; name: string; url?: string };
        }>;
      };
      assert.equal(doc["@type"], "NewsArticle");
      assert.equal(doc.hasPart.length, 4);
      assert.ok(doc.hasPart.every((q) => q["@type"] === "Quotation"));
      const useful = doc.hasPart.find((q) => q.text === wsw.quotes.wireUseful);
      assert.deepEqual(
        { type: useful?.creator["@type"], name: useful?.creator.name, url: useful?.creator.url },
        { type: "Person", name: wsw.minister.name, url: lavrov },
      );
      assert.match(useful?.description ?? "", /^Quotation/);
      const ministry = doc.hasPart.find((q) => q.text === wsw.quotes.ministryWire);
      assert.equal(ministry?.creator["@type"], "Organization");
      assert.match(ministry?.description ?? "", /^Paraphrase/);
      const anonymous = doc.hasPart.find((q) => q.text === wsw.quotes.anonymous);
      assert.equal(anonymous?.creator.name, "Unnamed source: senior official");
      assert.equal(anonymous?.creator.url, undefined, "no page for an unnamed source");
    });

    test("a person's page: name, kind, count, statements newest first with article, outlet and time; pages", async () => {
      const res = await get(lavrov);
      assert.equal(res.statusCode, 200);
      const html = res.body;
      assert.match(html, new RegExp(`<h1><bdi>${wsw.minister.name}</bdi></h1>`));
      const total = wsw.archiveStatements + 4;
      assert.match(textOf(html), new RegExp(`Person · ${total} statements`));
      assert.match(html, /<a href="\/search\?speaker=sergei-lavrov">Search their statements<\/a>/);
      for (const [ext, type] of [
        ["xml", "application/rss\\+xml"],
        ["atom", "application/atom\\+xml"],
        ["json", "application/feed\\+json"],
      ])
        assert.match(
          html,
          new RegExp(`<link rel="alternate" type="${type}"[^>]*href="${lavrov}/feed.${ext}"`),
        );
      const items = [
        ...html.matchAll(/<li class="statement statement-(quote|paraphrase)">([\s\S]*?)<\/li>/g),
      ];
      assert.equal(items.length, 30, "a page of 30");
      const first = items[0]?.[2] ?? "";
      assert.match(first, new RegExp(wsw.quotes.heraldMinister), "the newest statement first");
      assert.match(
        first,
        new RegExp(
          `In <a href="/articles/${w.ids.herald}-${slugOf(wsw.heraldTitle)}#statement-\\d+">${wsw.heraldTitle}</a> · <a href="/sources/${w.sources.herald}-evening-herald"><bdi>Evening Herald</bdi></a> · <time datetime="${at(90)}"`,
        ),
      );
      assert.match(items[1]?.[2] ?? "", new RegExp(wsw.quotes.gazetteReady));
      assert.match(items[1]?.[2] ?? "", /named as <bdi>Lavrov<\/bdi>/);
      const times = [...html.matchAll(/<li class="statement[^"]*">[\s\S]*?<time datetime="([^"]+)"/g)].map(
        (m) => m[1] ?? "",
      );
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b.localeCompare(a)),
        "newest first",
      );
      const older = /<a href="([^"]+)" rel="next">Older statements →<\/a>/.exec(html)?.[1];
      assert.ok(older, "an older page");
      const next = await get(older.replace(/&amp;/g, "&"));
      assert.equal(next.statusCode, 200);
      const rest = [...next.body.matchAll(/<li class="statement statement-(quote|paraphrase)">/g)];
      assert.equal(rest.length, total - 30, "the rest on the second page");
      assert.doesNotMatch(next.body, /rel="next"/, "and no third");
      assert.match(next.body, new RegExp(`<a href="${lavrov}" rel="first">`));
      const seen = new Set(
        [...html.matchAll(/#statement-(\d+)/g), ...next.body.matchAll(/#statement-(\d+)/g)].map((m) => m[1]),
      );
      assert.equal(seen.size, total, "every statement once across the pages");
      assert.equal((await get(`${lavrov}?before=junk`)).statusCode, 400);
    });

    test("unknown people are a 404, pages and feeds alike; the index lists who was quoted, with counts", async () => {
      assert.equal((await get("/people/nobody-at-all")).statusCode, 404);
      assert.equal((await get("/people/nobody-at-all/feed.atom")).statusCode, 404);
      // An address from when a person was known only by surname leads to their page now.
      const k = holder.db.kysely;
      const person = await k
        .selectFrom("people")
        .select("id")
        .where("slug", "=", wsw.minister.slug)
        .executeTakeFirstOrThrow();
      await k.insertInto("people_redirects").values({ slug: "old-name", person_id: person.id }).execute();
      const moved = await get("/people/old-name?before=x");
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, `${lavrov}?before=x`);
      const movedFeed = await get("/people/old-name/feed.atom");
      assert.equal(movedFeed.statusCode, 301);
      assert.equal(movedFeed.headers.location, `${lavrov}/feed.atom`);
      const index = await get("/people");
      assert.equal(index.statusCode, 200);
      const names = [...index.body.matchAll(/<a class="source-name" href="\/people\/([^"]+)">/g)].map(
        (m) => m[1],
      );
      assert.ok(names.includes(wsw.minister.slug) && names.includes(wsw.ministry.slug), names.join());
      assert.ok(!names.some((n) => /official|gazette/.test(n ?? "")), "no page for unnamed or own sources");
      assert.match(textOf(index.body), /Sergei Lavrov · Person · 34 statements/);
      assert.match(textOf(index.body), /Foreign Ministry · Organisation · 2 statements/);
      assert.match(index.body, /<a href="\/people">People<\/a>/, "in the site's nav");
    });

    test("a person's feeds: RSS and Atom well-formed, JSON Feed 1.1; each item a statement on our article page", async () => {
      for (const [ext, version, type] of [
        ["xml", "rss20", /application\/rss\+xml/],
        ["atom", "atom10", /application\/atom\+xml/],
        ["json", "json11", /application\/feed\+json/],
      ] as const) {
        const res = await get(`${lavrov}/feed.${ext}`);
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers["content-type"]), type);
        const feed = parseFeed(res.body, "http://localhost/");
        assert.equal(feed.recovered, false, `${ext} is well-formed`);
        assert.equal(feed.version, version);
        assert.equal(feed.items.length, 34, ext);
        const [first] = feed.items;
        assert.equal(
          first?.title?.value,
          `${wsw.minister.name} told the Herald: “${wsw.quotes.heraldMinister}”`,
          ext,
        );
        assert.match(first?.url ?? "", new RegExp(`/articles/${w.ids.herald}-[^#]+#statement-\\d+$`), ext);
        assert.equal(new Set(feed.items.map((i) => i.id)).size, 34, `${ext}: ids are unique`);
        const paraphrase = feed.items.find((i) => i.content?.value.includes(wsw.quotes.wireGuarantees));
        assert.match(paraphrase?.title?.value ?? "", /said \(paraphrase\): Moscow wanted/, ext);
        assert.match(paraphrase?.content?.value ?? "", /<p>Paraphrase: Moscow wanted/, ext);
        assert.match(
          first?.content?.value ?? "",
          /<p>Source: Evening Herald, <a href="https:\/\/wsw3.test\/grain-herald">/,
          ext,
        );
      }
      const ministry = parseFeed(
        (await get(`/people/${wsw.ministry.slug}/feed.atom`)).body,
        "http://localhost/",
      );
      assert.equal(ministry.recovered, false);
      assert.equal(ministry.items.length, 2);

      // The same statements stored again (an article extracted anew) keep their feed ids.
      const k = holder.db.kysely;
      const idsNow = async () =>
        parseFeed((await get(`/people/${wsw.ministry.slug}/feed.atom`)).body, "http://localhost/").items.map(
          (i) => i.id,
        );
      const before = await idsNow();
      const rows = await k
        .selectFrom("statements")
        .innerJoin("articles", "articles.id", "statements.article_id")
        .select(["statements.article_id", "articles.sort_at"])
        .where("statements.person_id", "in", (eb) =>
          eb.selectFrom("people").select("id").where("slug", "=", wsw.ministry.slug),
        )
        .execute();
      for (const articleId of new Set(rows.map((r) => Number(r.article_id)))) {
        const kept = await listStatementsOfArticles(k, [articleId]);
        await storeArticleStatements(
          k,
          { id: articleId, sort_at: rows.find((r) => Number(r.article_id) === articleId)?.sort_at ?? "" },
          kept.map((r) => ({ ...r, mentions: [r.source], statement: r.text, start: 0, end: r.text.length })),
          new Date().toISOString(),
        );
      }
      assert.deepEqual(await idsNow(), before);
    });

    test("search filters by speaker, showing their statements in each hit; an unknown speaker is refused", async () => {
      const all = await get("/search?q=grain");
      assert.equal(all.body.match(/<li class="search-hit">/g)?.length, 3);
      const ministry = await get(`/search?q=grain&speaker=${wsw.ministry.slug}`);
      assert.equal(ministry.statusCode, 200);
      const hits = [
        ...ministry.body.matchAll(
          /<li class="search-hit">([\s\S]*?)<\/li>\s*(?=<li class="search-hit">|<\/ol>)/g,
        ),
      ];
      assert.equal(hits.length, 2, "the two reports quoting the ministry");
      assert.match(
        ministry.body,
        /<select id="search-speaker" name="speaker"><option value="foreign-ministry" selected>Foreign Ministry/,
      );
      assert.match(
        ministry.body,
        /Only articles quoting <a href="\/people\/foreign-ministry">Foreign Ministry<\/a>/,
      );
      assert.match(ministry.body, /<ul class="statements hit-statements">/);
      assert.match(textOf(ministry.body), /said: The first ships will sail on Tuesday/);
      const marked = await get(`/search?q=ships&speaker=${wsw.ministry.slug}`);
      assert.match(marked.body, /The first <mark>ships<\/mark> will sail/);
      const minister = await get(`/search?q=grain&speaker=${wsw.minister.slug}`);
      assert.equal(minister.body.match(/<li class="search-hit">/g)?.length, 3);
      const unknown = await get("/search?q=grain&speaker=nobody");
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /No one by that name is quoted on this site/);
      const injection = await get(
        `/search?q=${encodeURIComponent('grain" OR 1=1 --')}&speaker=${wsw.minister.slug}`,
      );
      assert.equal(injection.statusCode, 200, "the words are rebuilt as ever");
      const prompt = await get(`/search?speaker=${wsw.minister.slug}`);
      assert.equal(prompt.statusCode, 200);
      assert.match(prompt.body, /<h1>Search what Sergei Lavrov said<\/h1>/);
    });

    test("the story page compares what each outlet attributes to each source", async () => {
      const html = (await get(`/stories/${w.story}-${slugOf(wsw.storyTitle)}`)).body;
      const cmp = section(html, "who-said-what story-statements");
      assert.match(cmp, /<h2 id="story-statements-heading">Who said what across outlets<\/h2>/);
      const speakers = [
        ...cmp.matchAll(/<h3 id="speaker-\d+" class="speaker-heading">([\s\S]*?)<\/h3>/g),
      ].map((m) => textOf(m[1] ?? ""));
      assert.deepEqual(speakers, [
        `${wsw.minister.name}, ${wsw.minister.affiliation} (3 outlets)`,
        `${wsw.ministry.name} (2 outlets)`,
        "Unnamed source: senior official (1 outlet)",
        "Harbour Gazette (own sources) (1 outlet)",
      ]);
      const minister = cmp.slice(0, cmp.indexOf('id="speaker-1"'));
      const outlets = [...minister.matchAll(/<dt><a href="[^"]+"><bdi>([^<]+)<\/bdi><\/a><\/dt>/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(outlets, [...wsw.outlets], "each outlet, in the order they reported");
      const gazette = minister.slice(minister.indexOf("Harbour Gazette"), minister.indexOf("Evening Herald"));
      assert.match(
        gazette,
        new RegExp(`<q class="statement-text" lang="en" dir="ltr">${wsw.quotes.gazetteReady}</q>`),
      );
      assert.match(
        gazette,
        new RegExp(`In <a href="/articles/${w.ids.gazette}-${slugOf(wsw.gazetteTitle)}">`),
      );
      const wire = minister.slice(minister.indexOf("Northern Wire"), minister.indexOf("Harbour Gazette"));
      assert.ok(wire.includes(wsw.quotes.wireUseful) && wire.includes(wsw.quotes.wireGuarantees));
      assert.ok(!wire.includes(wsw.quotes.gazetteReady), "each outlet's own words only");
      const sectionOrder = ["reports-heading", "story-statements-heading", "timeline-heading"].map((id) =>
        html.indexOf(`id="${id}"`),
      );
      assert.deepEqual(
        [...sectionOrder].sort((a, b) => a - b),
        sectionOrder,
      );
    });

    test("people pages are cached until statements change", async () => {
      const first = await get(lavrov);
      const again = await get(lavrov);
      assert.equal(first.headers.etag, again.headers.etag);
      assert.ok(first.headers.etag, "an ETag from the page cache");
      await holder.db.kysely
        .updateTable("statements")
        .set({ text: "Edited words" })
        .where("text", "=", wsw.quotes.heraldMinister)
        .execute();
      const changed = await get(lavrov);
      assert.notEqual(changed.headers.etag, first.headers.etag);
      assert.match(changed.body, /Edited words/);
    });
  });
}
