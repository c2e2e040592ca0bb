/** @module `newsdesk serve --demo` as the README's first command runs it: the demo articles appear on the site. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { after, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { demoArticles, demoOutlets } from "../../demo/content/index.ts";
import { sqliteTestDatabase } from "../support/databases.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const tdb = sqliteTestDatabase();
after(() => tdb.drop());

test("serve --demo brings up the site with every demo article, fetched through the pipeline", async () => {
  const started = Date.now();
  const child = spawn(BIN, ["serve", "--demo"], {
    env: { ...process.env, DATABASE_URL: tdb.url, PORT: "0", NEWSDESK_DEMO_PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  try {
    let stdout = "";
    let site = "";
    for await (const chunk of child.stdout) {
      stdout += chunk;
      site = /running at (http:\/\/\S+?)\/?\s/.exec(stdout)?.[1] ?? "";
      if (site) break;
    }
    assert.ok(site, `serve printed its address (stderr: ${stderr})`);

    // The front page shows stories and the latest articles, paged: an article is on it, on one of its
    // older pages, or on the page of a story it leads to.
    const hrefs = (html: string, kind: string) =>
      [...html.matchAll(new RegExp(`href="(/${kind}/\\d+-[^"#]+)"`, "g"))].map((m) => m[1] ?? "");
    let links: string[] = [];
    let home = "";
    while (Date.now() - started < 60_000) {
      home = await (await fetch(`${site}/`)).text();
      const found = new Set<string>();
      let page: string | null = home;
      for (let n = 0; page !== null && n < 10; n++) {
        for (const link of hrefs(page, "articles")) found.add(link);
        for (const story of hrefs(page, "stories"))
          for (const link of hrefs(await (await fetch(`${site}${story}`)).text(), "articles"))
            found.add(link);
        const older: string | undefined = /<a href="(\/\?before=[^"]+)" rel="next">/.exec(page)?.[1];
        page = older ? await (await fetch(`${site}${older.replace(/&amp;/g, "&")}`)).text() : null;
      }
      links = [...found];
      if (links.length >= demoArticles.length) break;
      await sleep(250);
    }
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
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    assert.equal(code, 0, `serve exits cleanly on SIGTERM (stderr: ${stderr})`);
  }
});
