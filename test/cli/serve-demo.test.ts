/** @module `newsdesk serve --demo` as the README's first command runs it: the demo articles appear on the site. */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { demoArticles, demoOutlets } from "../../demo/content/index.ts";
import { sqliteTestDatabase } from "../support/databases.ts";
import { demoArticleLinks, startDemoServe } from "../support/serve-command.ts";

const tdb = sqliteTestDatabase();
after(() => tdb.drop());

test("serve --demo brings up the site with every demo article, fetched through the pipeline", async () => {
  const started = Date.now();
  const demo = await startDemoServe(tdb.url);
  const { site } = demo;
  try {
    const { links, home } = await demoArticleLinks(site, demoArticles.length);
    const seconds = (Date.now() - started) / 1000;
    assert.equal(
      links.length,
      demoArticles.length,
      "every demo article is on the front page, its older pages or its stories' pages",
    );
    for (const outlet of demoOutlets) assert.ok(home.includes(outlet.name), `${outlet.name} is named`);
    console.log(`# demo articles on the site after ${seconds.toFixed(1)} s`);

    for (const link of links) {
      const page = await (await fetch(`${site}${link}`)).text();
      assert.equal(page.match(/<h1[ >]/g)?.length, 1, link);
      assert.match(page, /<h2 id="source-heading">Source<\/h2>/, link);
      assert.match(page, /class="lead-image"/, link);
      assert.match(page, /<figcaption>/, link);
      const meta = /<p class="meta">(.*?)<\/p>/s.exec(page)?.[1] ?? "";
      assert.match(
        meta,
        /By <bdi>[^@<]+<\/bdi><\/span>/,
        `${link} has a byline that is a name, not a mailbox`,
      );
      const body = page.slice(page.indexOf('class="article-body"'), page.indexOf('id="source-heading"'));
      assert.ok(body.length > 200, `${link} has its body`);
      assert.doesNotMatch(
        body,
        /Leave a reply|email address will not be published|Share on|newsletter/i,
        link,
      );
    }

    // The wire story with dense attribution: "Who said what" after the other outlets, people pages.
    const wire = links.find((l) => l.includes("velland-detains"));
    assert.ok(wire, "the demo's quoted wire story is on the site");
    const wirePage = await (await fetch(`${site}${wire}`)).text();
    const said = wirePage.slice(
      wirePage.indexOf('id="who-said-what-heading"'),
      wirePage.indexOf('id="comments"'),
    );
    const alsoCovered = wirePage.indexOf("Also covered by");
    assert.ok(
      alsoCovered > 0 && alsoCovered < wirePage.indexOf('id="who-said-what-heading"'),
      "after Also covered by",
    );
    for (const name of ["Helena Marsk", "Kasimir Dravan", "Jens Heddal", "Voskra", "Carla Mossgrove"])
      assert.match(said, new RegExp(`href="/people/[^"]+"><bdi>${name}</bdi></a>`), name);
    assert.match(said, /Unnamed source: Velland customs official/);
    assert.doesNotMatch(said, /declined to comment/, "a refusal to comment is no statement");
    const marsk = await fetch(`${site}/people/helena-marsk`);
    assert.equal(marsk.status, 200);
    const marskPage = await marsk.text();
    assert.match(marskPage, /We have no quarrel with the people of Kaskara/);
    assert.match(marskPage, /she expected an answer within a week/);
  } finally {
    const code = await demo.stop();
    assert.equal(code, 0, `serve exits cleanly on SIGTERM (stderr: ${demo.stderr()})`);
  }
});
