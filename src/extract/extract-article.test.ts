/** @module The first extractor on small pages that each exercise one step. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "./extract-article.ts";
import { splitCaptionCredit } from "./lead-image.ts";
import { cleanTitle } from "./metadata.ts";
import { articleOrNull } from "./types.ts";

const PARAS = [
  "The harbour authority said on Monday that the new ferry terminal would open in March, two months later than planned.",
  "Engineers found that the foundations needed more work after a survey of the seabed, the authority's director said.",
  "Passengers will keep using the temporary pier until then, with extra sailings at peak times, according to the operator.",
]
  .map((p) => `<p>${p}</p>`)
  .join("");

test("metadata from JSON-LD wins over meta tags and visible markup", () => {
  const html = `<html lang="de"><head><title>Wrong | Site</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},
{"@type":"NewsArticle","headline":"Ferry terminal delayed","author":[{"@type":"Person","name":"Lena Fischer"}],
"datePublished":"2026-11-02T09:00:00+01:00","publisher":{"@type":"Organization","name":"Hafenblatt"}}]}</script>
<link rel="canonical" href="/ferry"></head><body><article>${PARAS}</article></body></html>`;
  const a = articleOrNull(extractArticle(html, "https://hafen.test/x?utm=1"));
  assert.ok(a);
  assert.equal(a.title, "Ferry terminal delayed");
  assert.equal(a.byline, "Lena Fischer");
  assert.equal(a.published, "2026-11-02T08:00:00.000Z");
  assert.equal(a.siteName, "Hafenblatt");
  assert.equal(a.lang, "de");
  assert.equal(a.canonicalUrl, "https://hafen.test/ferry");
});

test("the body keeps paragraphs and loses navigation, share bars, related links and comment forms", () => {
  const html = `<html><head><title>Ferry terminal delayed – Harbour News</title></head><body>
<nav><a href="/">Home</a><a href="/n">News</a></nav>
<div class="post"><h1>Ferry terminal delayed</h1><div class="share-buttons"><a href="#">Tweet</a></div>
<div class="entry-content">${PARAS}<h2>What happens next</h2><ul><li>Extra sailings at peak times</li><li>Buses to the temporary pier</li></ul></div>
<div class="related-posts"><h3>Related</h3><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li></ul></div></div>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.</p><form><textarea></textarea></form></div>
</body></html>`;
  const a = articleOrNull(extractArticle(html, "https://h.test/ferry"));
  assert.ok(a);
  assert.equal(a.title, "Ferry terminal delayed");
  assert.match(a.bodyHtml, /<h2>What happens next<\/h2>/);
  assert.match(a.bodyHtml, /<li>Extra sailings at peak times<\/li>/);
  assert.doesNotMatch(a.bodyHtml + a.text, /Tweet|Related|Leave a Reply|email address|Home/);
  assert.equal(a.text.split("\n\n").length, 6);
  assert.ok(a.excerpt?.startsWith("The harbour authority said on Monday"));
});

test("lead image: declared og:image found in a figure, caption and credit kept apart, figure not repeated", () => {
  const html = `<html><head><meta property="og:image" content="https://cdn.test/img/ferry.jpg?w=1200"></head><body><article>
<figure><img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.test/img/ferry.jpg" alt="The pier">
<noscript><img src="https://cdn.test/img/ferry.jpg" alt="The pier"></noscript>
<figcaption>The temporary pier on Monday. <span class="credit">Photo: Jo Hart / Harbour Agency</span></figcaption></figure>
${PARAS}</article></body></html>`;
  const a = articleOrNull(extractArticle(html, "https://h.test/ferry"));
  assert.ok(a);
  assert.deepEqual(a.leadImage, {
    url: "https://cdn.test/img/ferry.jpg",
    alt: "The pier",
    caption: "The temporary pier on Monday.",
    credit: "Jo Hart / Harbour Agency",
    width: null,
    height: null,
  });
  assert.doesNotMatch(a.bodyHtml, /<img|figcaption|noscript/);
});

test("caption credit patterns", () => {
  assert.deepEqual(splitCaptionCredit("Crowds at the opening. Photo: Ana Lima/Reuters"), {
    caption: "Crowds at the opening.",
    credit: "Photo: Ana Lima/Reuters",
  });
  assert.deepEqual(splitCaptionCredit("Crowds at the opening (AFP)"), {
    caption: "Crowds at the opening",
    credit: "AFP",
  });
  assert.deepEqual(splitCaptionCredit("Just a caption"), { caption: "Just a caption", credit: null });
});

test("site names come off document titles", () => {
  assert.equal(cleanTitle("Ferry terminal delayed | Harbour News", "Harbour News"), "Ferry terminal delayed");
  assert.equal(
    cleanTitle("Harbour News - Ferry terminal delayed again", null),
    "Ferry terminal delayed again",
  );
  assert.equal(cleanTitle("No separator here", null), "No separator here");
});

test("pages without article text give null instead of a guess", () => {
  assert.equal(articleOrNull(extractArticle("", "https://x.test/")), null);
  assert.equal(
    articleOrNull(
      extractArticle("<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://x.test/"),
    ),
    null,
  );
  assert.equal(articleOrNull(extractArticle("\u0000\u0001\u0002binary", "https://x.test/")), null);
});

test("hostile input: empty, binary, 20 MB and 100,000 levels deep return a result without crashing or hanging", () => {
  const para =
    "<p>The harbour authority said on Monday that the terminal would open in March, later than planned.</p>";
  const cases: Array<[string, string]> = [
    ["empty", ""],
    ["binary", String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
    [
      "20 MB",
      `<html><body><article>${para.repeat(Math.ceil(20_000_000 / para.length))}</article></body></html>`,
    ],
    [
      "deep",
      `<html><body>${"<div>".repeat(100_000)}${para.repeat(3)}${"</div>".repeat(100_000)}</body></html>`,
    ],
    ["deep unclosed", `<html><body>${para}${"<span><div>".repeat(100_000)}`],
    [
      "5,000 deep",
      `<html><body>${"<div>".repeat(5000)}${para.repeat(3)}${"</div>".repeat(5000)}</body></html>`,
    ],
  ];
  for (const [name, html] of cases) {
    const t0 = Date.now();
    const result = articleOrNull(extractArticle(html, "https://x.test/"));
    const ms = Date.now() - t0;
    assert.ok(ms < 15_000, `${name} took ${ms} ms`);
    // Below MAX_TREE_DEPTH the structure is flattened, not the text.
    if (name === "5,000 deep") assert.match(result?.text ?? "", /harbour authority/);
    if (name === "20 MB") assert.ok((result?.text.length ?? 0) > 1000);
  }
});

test("a page without an article gives a typed result that says why", () => {
  const empty = extractArticle("", "https://x.test/");
  assert.deepEqual(empty, { kind: "not-article", reason: "the page is empty" });
  const binary = extractArticle("\u0000\u0001\u0002 binary", "https://x.test/");
  assert.equal(binary.kind, "not-article");
  assert.match(binary.kind === "not-article" ? binary.reason : "", /not HTML/);
  const nav = extractArticle("<html><body><nav><a href='/'>Home</a></nav></body></html>", "https://x.test/");
  assert.equal(nav.kind, "not-article");
  const article = extractArticle(
    `<article>${"<p>A sentence long enough to be read as prose, with a comma.</p>".repeat(5)}</article>`,
    "https://x.test/",
  );
  assert.equal(article.kind, "article");
});

test("a recipe's ingredient list joins the story even when the layout puts it apart", () => {
  const html = `<html><head><title>Harbour stew</title></head><body itemscope itemtype="https://schema.org/Recipe">
<div class="wrap"><div class="story">${PARAS}</div></div>
<div class="box"><div class="inner"><h3>You need</h3><ul><li itemprop="recipeIngredient">2 onions, chopped</li>
<li itemprop="recipeIngredient">500 g white fish</li></ul></div>
<p><a href="/a">Fish soup with saffron and fennel</a> <a href="/b">Harbour bread</a> <a href="/c">More recipes</a></p></div>
</body></html>`;
  const a = articleOrNull(extractArticle(html, "https://hafen.test/stew"));
  assert.ok(a);
  assert.ok(a.text.includes("ferry terminal"));
  assert.ok(a.text.includes("500 g white fish"));
});

test("the page's description leads when the page shows it outside the body, and only then", () => {
  const desc =
    "The new terminal opens in March, two months late, after a survey found the foundations needed work.";
  const page = (
    header: string,
  ) => `<html><head><title>Ferry terminal delayed</title><meta name="description" content="${desc}"></head>
<body><header><h1>Ferry terminal delayed</h1>${header}</header><nav><a href="/">Home</a> <a href="/port">Port</a></nav><article>${PARAS}</article></body></html>`;
  const shown = articleOrNull(
    extractArticle(page(`<div class="teaser-deck">${desc}</div>`), "https://hafen.test/x"),
  );
  assert.ok(shown);
  assert.ok(shown.text.startsWith(desc));
  // A description only search engines see is not the article's text.
  const hidden = articleOrNull(extractArticle(page(""), "https://hafen.test/x"));
  assert.ok(hidden);
  assert.ok(!hidden.text.includes(desc.slice(0, 40)));
});

test("a short opening line of linked names keeps its links: only a link standing alone is a kicker", () => {
  const html = `<html><head><title>Spokeswoman leaves studio</title></head><body><article>
<h1>Spokeswoman leaves studio</h1>
<p><a href="/section/media">Media</a></p>
<p><a href="/p/1">Mara Quill</a> — a former spokeswoman for <a href="/p/2">Tomas Brandt</a> — is leaving her post as head of communications at <a href="/c/3">Harbour Studios</a> after five years.</p>
${PARAS}</article></body></html>`;
  const a = articleOrNull(extractArticle(html, "https://news.test/media/myers"));
  assert.ok(a);
  assert.ok(
    a.text.startsWith("Mara Quill — a former spokeswoman for Tomas Brandt — is leaving her post"),
    a.text.slice(0, 120),
  );
  assert.doesNotMatch(a.text, /^Media\b/);
});

test("a JSON-LD articleBody that closes a tag it never opened does not throw (issue 15)", () => {
  // Found by the property tests: the body was parsed inside "<div>...</div>", its "</div>" closed
  // that wrapper, and the text after it reached blockText as a text node, not an element: TypeError.
  const minimal = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"<\\/div>!"}</script></head><body><article></body>`;
  assert.equal(extractArticle(minimal, "https://h.test/a").kind, "not-article");
  const body = `</div>${"The council said on Tuesday that prices rose by four percent in Lisbon this year. ".repeat(12)}`;
  const page = `<html><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", articleBody: body }).replace(/<\//g, "<\\/")}</script></head><body><article></article></body></html>`;
  const article = articleOrNull(extractArticle(page, "https://h.test/a"));
  assert.ok(article, "the text after the stray tag is the article");
  assert.match(article.text, /^The council said on Tuesday/);
});
