/** @module Article metadata (headline, bylines, dates) on small pages that each exercise one rule. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "./extract-article.ts";
import { articleOrNull } from "./types.ts";

const PARAS = [
  "The harbour authority said on Monday that the new ferry terminal would open in March, two months later than planned.",
  "Engineers found that the foundations needed more work after a survey of the seabed, the authority's director said.",
  "Passengers will keep using the temporary pier until then, with extra sailings at peak times, according to the operator.",
]
  .map((p) => `<p>${p}</p>`)
  .join("");

const extract = (html: string, url = "https://hafen.test/2026/ferry") => {
  const a = articleOrNull(extractArticle(html, url));
  assert.ok(a);
  return a;
};

test("credits are looked for in the <article> that holds the heading showing the headline, not the first h1's", () => {
  const boxes = Array.from(
    { length: 14 },
    () => `<div class="author-list"><a href="/a">Alle Autoren</a></div>`,
  ).join("");
  const html = `<html><head><title>Ferry terminal delayed | Hafenblatt</title></head><body>
<div class="stage"><h1>Thema – Verkehr</h1>${boxes}</div>
<article><h1>Ferry terminal delayed</h1><div class="author">Interview: Julia Beispiel</div>${PARAS}</article></body></html>`;
  assert.deepEqual(extract(html).bylines, ["Julia Beispiel"]);
});

test("an h1 that links to the site's home or a section above the page names the site, not the article", () => {
  const page = (
    h1: string,
  ) => `<html><head><title>Harbour Blog » Blog Archive » Ferry terminal delayed</title></head><body>
<div id="page"><h1>${h1}</h1><div class="post"><h2>Ferry terminal delayed</h2>${PARAS}</div></div></body></html>`;
  const archived = "https://archive.test/web/2014/http://harbour.test/2013/08/07/ferry/";
  assert.equal(
    extract(page(`<a href="https://archive.test/web/2014/http://harbour.test/">Harbour Blog</a>`), archived)
      .title,
    "Ferry terminal delayed",
  );
  assert.equal(
    extract(page(`<a href="/news/">Harbour Blog</a>`), "https://harbour.test/news/ferry-delayed").title,
    "Ferry terminal delayed",
  );
});

test("Drupal's 'submitted' line gives the day of publication", () => {
  const html = `<html><head><title>Ferry terminal delayed</title></head><body><div class="node">
<h1>Ferry terminal delayed</h1>${PARAS}<p>${"The operator said the timetable would be published later. ".repeat(5)}</p><div class="submitted">Gespeichert von <span class="username">rasos</span> am 24. Juli 2017 - 18:55</div>
</div></body></html>`;
  assert.equal(extract(html, "https://hafen.test/node/12").published, "2017-07-24T00:00:00.000Z");
});

test("a credit line that carries its date gives the day when nothing else dates the page", () => {
  const html = `<html><head><title>Ferry terminal delayed</title></head><body><div class="content">
<h1>Ferry terminal delayed</h1><p>${"The operator said the timetable would be published later. ".repeat(5)}</p>
<h2>Harbour <span class="small">06.11.2023 13:30 von Olga</span></h2>${PARAS}</div></body></html>`;
  const a = extract(html, "https://hafen.test/ferry");
  assert.equal(a.published, "2023-11-06T00:00:00.000Z");
  assert.deepEqual(a.bylines, ["Olga"]);
});

test("a user name shown as the link to its profile in an author box is the byline", () => {
  const page = (href: string) => `<html><head><title>Ferry terminal delayed</title></head><body><article>
<h1>Ferry terminal delayed</h1><div id="meta"><span class="author"><a href="${href}"><img src="/u.gif"> Lars</a></span></div>${PARAS}</article></body></html>`;
  assert.deepEqual(extract(page("/user,profile,30,lars.html")).bylines, ["Lars"]);
  assert.deepEqual(extract(page("https://forum.test/@lars")).bylines, ["Lars"]);
  assert.deepEqual(extract(page("/tag/lars")).bylines, []);
});

test("a writer's own account (its author page spells exactly the name) counts even when it echoes the site's name, unless it is that name", () => {
  const page = (site: string, user: string) => `<html><head><title>Ferry terminal delayed | ${site}</title>
<meta property="og:site_name" content="${site}"></head><body><article><h1>Ferry terminal delayed</h1>
<p class="meta">von <a href="https://gnaddrig.test/author/${user}/" rel="author">${user}</a></p>${PARAS}</article></body></html>`;
  assert.deepEqual(
    extract(page("gnaddrig ad libitum", "gnaddrig"), "https://gnaddrig.test/2020/01/x/").bylines,
    ["gnaddrig"],
  );
  assert.deepEqual(extract(page("Gnaddrig", "gnaddrig"), "https://gnaddrig.test/2020/01/x/").bylines, []);
});

test("an h1 that ends the breadcrumb trail gives way to the article's h2 headline", () => {
  const declared = "Lockdown to be extended by four weeks";
  const page = (trail: string) => `<html><head><title>${declared}</title></head><body>${trail}
<div class="header"><h2 class="kicker">Shut for longer?</h2><h2 class="headline-text">Report: states plan four more weeks of lockdown</h2></div>${PARAS}</body></html>`;
  assert.equal(
    extract(
      page(
        `<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">news</a> &gt; <h1>${declared}</h1></div>`,
      ),
    ).title,
    "Report: states plan four more weeks of lockdown",
  );
  assert.equal(
    extract(
      page(
        `<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><h1>${declared}</h1></li></ul>`,
      ),
    ).title,
    "Report: states plan four more weeks of lockdown",
  );
});

test("the one post title marked 'entry-title' that a declared title holds is the headline, over an h1 naming the blog", () => {
  const html = `<html><head><title>Harbour Lyrics: Ferry Song - The Deckhands (2011)</title></head><body>
<div id="header"><h1 class="title">Harbour Lyrics</h1></div><div class="post hentry">
<h3 class="post-title entry-title">Ferry Song - The Deckhands (2011)</h3>${PARAS}</div></body></html>`;
  assert.equal(
    extract(html, "https://lyrics.test/2011/07/ferry.html").title,
    "Ferry Song - The Deckhands (2011)",
  );
});

test("an event's own dates by the headline (schema.org Event microdata) do not date the page", () => {
  const html = `<html><head><title>Historic market</title></head><body><div class="post">
<h2>Historic market</h2><div itemscope itemtype="http://schema.org/Event"><p>Begins: 13. Mai 2012 11:00</p></div>
${PARAS}</div></body></html>`;
  assert.equal(extract(html, "https://castle.test/events/market").published, null);
});

test("the text's first paragraph opening with a dateline dates the page", () => {
  const long =
    "Harbour officials met on Monday to discuss the delays at the new terminal, which has been under construction for three years and has cost far more than planned, the report by the port authority and the city council says.";
  const page = (
    opening: string,
  ) => `<html><head><title>Ferry terminal delayed</title></head><body><div class="c">
<h1>Ferry terminal delayed</h1><p>Von Claudia Beispiel</p><p>${opening} ${long}</p>${PARAS}</div></body></html>`;
  assert.equal(extract(page("27.1.2022 -")).published, "2022-01-27T00:00:00.000Z");
  assert.equal(extract(page("(21. November 2022)")).published, "2022-11-21T00:00:00.000Z");
  assert.equal(extract(page("In 2022 -")).published, null);
});

test("microdata of a cited work, a review or a comment is not the article's", () => {
  const html = `<html><head><title>Ferry terminal delayed</title><meta name="dc.creator" content="Marta Hafen"></head><body>
<article><h1>Ferry terminal delayed</h1>${PARAS}<ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">
<meta itemprop="author" content="NH. Shear, SP. Spielberg"><meta itemprop="datePublished" content="1988-01-01">Shear NH. An old paper.</li></ol>
<p class="meta">Published: <time itemprop="datePublished" datetime="2017-01-30">30 January 2017</time></p></article></body></html>`;
  const a = extract(html, "https://journal.test/article/1");
  assert.equal(a.published, "2017-01-30T00:00:00.000Z");
  assert.deepEqual(a.bylines, ["Marta Hafen"]);
});

test("a comment's or a related teaser's <time> does not date the article; the post's own in its footer does", () => {
  const others = `<ul class="related"><li><div class="related-inner"><h4>Other post</h4><time class="published updated" datetime="2009-04-11 18:06:36">11. April 2009</time></div></li></ul>
<ol class="comment-list"><li><div class="comment-metadata"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time></div></li></ol>`;
  const page = (
    footer: string,
  ) => `<html><head><title>Ferry terminal delayed</title></head><body><div class="post">
<h1>Ferry terminal delayed</h1><p>${"The operator said the timetable would be published later. ".repeat(5)}</p>${PARAS}${footer}</div>${others}</body></html>`;
  assert.equal(extract(page(""), "https://hafen.test/ferry").published, null);
  assert.equal(
    extract(
      page(
        `<footer class="entry-footer"><time datetime="2019-08-02T15:57:41+00:00">August 2, 2019</time></footer>`,
      ),
      "https://hafen.test/ferry",
    ).published,
    "2019-08-02T15:57:41.000Z",
  );
});

test("a line saying when the page was published dates it, even among other lines of one element", () => {
  const page = (
    info: string,
  ) => `<html><head><title>Ferry terminal delayed</title></head><body><div class="post">
<h1>Ferry terminal delayed</h1><p>${"The operator said the timetable would be published later. ".repeat(5)}</p>${PARAS}
<p>${info}</p></div></body></html>`;
  assert.equal(
    extract(
      page(
        "Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: 01.11.2023<br>Lesungen: 61 and more lines of the footer of this review page",
      ),
    ).published,
    "2023-11-01T00:00:00.000Z",
  );
  assert.equal(
    extract(
      page(
        "Veröffentlicht am 16.08.2019<br> Dauer: 1 Stunde 4 Minuten <br>Lizenz: CC-BY 4.0, and more lines of the episode's notes here",
      ),
    ).published,
    "2019-08-16T00:00:00.000Z",
  );
});

test('Dublin Core dates in RDFa (Drupal\'s property="dc:date dc:created") date the page', () => {
  const html = `<html><head><title>Ferry terminal delayed</title></head><body><div class="node">
<h1>Ferry terminal delayed</h1><p>${"The operator said the timetable would be published later. ".repeat(5)}</p>${PARAS}
<span property="dc:date dc:created" content="2019-02-08T10:00:00+01:00" datatype="xsd:dateTime"></span></div></body></html>`;
  assert.equal(extract(html, "https://hafen.test/node/3").published, "2019-02-08T09:00:00.000Z");
});

test("a two-word h1 that opens the declared title is the headline, not a section label", () => {
  const page = (
    h1: string,
  ) => `<html><head><title>Licensed opposition -Jan Kowalski - Liberte!</title></head><body><div class="post">
<h1>${h1}</h1>${PARAS}</div></body></html>`;
  assert.equal(extract(page("Licensed opposition")).title, "Licensed opposition");
  assert.equal(extract(page("Opinion")).title, "Licensed opposition -Jan Kowalski");
});

test("a heading's words printed only for screen readers, and a topline after it, are not the headline", () => {
  const html = `<html><head><title>Energy transition - Ministry</title></head><body><main>
<h1 class="c-intro__headline"><span>Energy transition and sustainable business</span> <span class="aural">: </span>
<small class="c-topline"><span class="aural">, Topic:</span> <span>Research</span></small></h1>${PARAS}</main></body></html>`;
  assert.equal(
    extract(html, "https://ministry.test/energy").title,
    "Energy transition and sustainable business",
  );
});

test("a personal site named for its owner ('Jane Doe's blog') credits its owner when nothing else does", () => {
  const page = (
    site: string,
  ) => `<html><head><title>Parsing JSON fast – ${site}</title><meta property="og:site_name" content="${site}">
</head><body><article><h1>Parsing JSON fast</h1>${PARAS}</article></body></html>`;
  assert.deepEqual(extract(page("Daniela Lemke's blog"), "https://lemke.test/2019/08/02/json/").bylines, [
    "Daniela Lemke",
  ]);
  assert.deepEqual(extract(page("Harbour News"), "https://lemke.test/2019/08/02/json/").bylines, []);
  assert.deepEqual(extract(page("the boy's blog"), "https://lemke.test/2019/08/02/json/").bylines, []);
});

test("a first name alone in the metadata gives way to the full name on the page's credit line", () => {
  const html = `<html><head><title>Patriarchy as a cultural technique</title><meta name="author" content="Nils"></head><body>
<article><h1>Patriarchy as a cultural technique</h1><p><strong>Eine Kolumne von Nils Beispiel</strong></p>${PARAS}</article></body></html>`;
  assert.deepEqual(extract(html).bylines, ["Nils Beispiel"]);
});

test("the author meta tag naming the JSON-LD's author and more gives the whole team", () => {
  const page = (meta: string) => `<html><head><title>Quarantine list grows</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Quarantine list grows","author":{"@type":"Person","name":"April Beispiel"}}</script>
<meta name="author" content="${meta}"></head><body><article><h1>Quarantine list grows</h1>${PARAS}</article></body></html>`;
  assert.deepEqual(extract(page("April Beispiel, Daniel O'Muster")).bylines, [
    "April Beispiel",
    "Daniel O'Muster",
  ]);
  assert.deepEqual(extract(page("Daniel O'Muster")).bylines, ["April Beispiel"]);
});

test("a 'By ...' line in another article's teaser card, a related box or a comment is not the byline", () => {
  const page = (cls: string) => `<html><head><title>Plumber jailed</title></head><body><div class="story">
<h1>Plumber jailed</h1>${PARAS}</div><div class="${cls}"><h3>Another story</h3><span class="e-byline">By Poppie Beispiel 12 May 2022</span></div></body></html>`;
  assert.deepEqual(extract(page("o-teaser o-teaser-article")).bylines, []);
  assert.deepEqual(extract(page("relatedArticle")).bylines, []);
  assert.deepEqual(extract(page("story-footer")).bylines, ["Poppie Beispiel"]);
});
