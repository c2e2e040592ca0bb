/**
 * @module Property tests of extractArticle (issue 15): arbitrary text and generated pages full of
 * hostile markup, metadata and JSON-LD never make it throw, each page is extracted within a time
 * bound, and what it returns has the promised shape.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fuzzParams, hostileAttrValue, hostileHtml, hostileText, timed } from "../../test/support/fuzz.ts";
import { extractArticle } from "./extract-article.ts";
import type { ExtractionResult } from "./types.ts";

const URL = "https://news.example.test/2026/11/03/story-slug";
/** Generous for a 2-core CI machine: real pages take milliseconds (bench/README). */
const TIME_BOUND_MS = 2000;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function extract(
  html: string,
  selectors?: { include?: string | null; exclude?: string | null },
): ExtractionResult {
  const { value, ms } = timed(() => extractArticle(html, URL, { selectors }));
  assert.ok(ms < TIME_BOUND_MS, `extractArticle took ${ms.toFixed(0)} ms on ${html.length} characters`);
  if (value.kind === "article") {
    assert.equal(typeof value.bodyHtml, "string");
    assert.equal(typeof value.text, "string");
    if (value.published !== null) assert.match(value.published, ISO_UTC);
  } else {
    assert.equal(value.kind, "not-article");
  }
  return value;
}

const sentence = fc
  .array(
    fc.constantFrom(
      "The",
      "council",
      "said",
      "on",
      "Tuesday",
      "that",
      "prices",
      "rose",
      "by",
      "4%",
      "in",
      "Lisbon",
      "«quoted»",
      "—",
    ),
    {
      minLength: 8,
      maxLength: 30,
    },
  )
  .map((ws) => `${ws.join(" ")}.`);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => `<p>${ss.join(" ")}</p>`);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const meta = fc
  .tuple(
    fc.constantFrom(
      "og:title",
      "og:image",
      "article:published_time",
      "author",
      "description",
      "og:url",
      "twitter:image",
    ),
    fc.oneof(
      hostileText(30),
      hostileAttrValue,
      fc.constantFrom("2026-11-03T09:30:00Z", "0000-00-00", "Tue, 03 Nov 2026"),
    ),
  )
  .map(([name, content]) => `<meta property="${name}" name="${name}" content="${esc(content)}">`);

/** JSON-LD as publishers write it, wrong types and broken JSON included. */
const jsonLd = fc
  .oneof(
    fc
      .record(
        {
          "@context": fc.constant("https://schema.org"),
          "@type": fc.constantFrom("NewsArticle", "Article", "WebPage", ["NewsArticle", "Thing"], 7),
          headline: fc.oneof(hostileText(40), fc.jsonValue({ maxDepth: 2 })),
          datePublished: fc.oneof(
            hostileText(25),
            fc.constantFrom("2026-11-03T09:30:00+01:00", "2026-02-30"),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          author: fc.oneof(
            fc.record({
              "@type": fc.constant("Person"),
              name: fc.oneof(hostileText(20), fc.jsonValue({ maxDepth: 1 })),
            }),
            fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
            hostileText(20),
          ),
          articleBody: fc.oneof(
            hostileHtml(10),
            fc.array(sentence, { maxLength: 30 }).map((s) => s.join(" ")),
          ),
          image: fc.oneof(hostileAttrValue, fc.jsonValue({ maxDepth: 2 })),
          "@graph": fc.jsonValue({ maxDepth: 3 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o).replace(/<\//g, "<\\/")),
    hostileText(60),
  )
  .map((j) => `<script type="application/ld+json">${j}</script>`);

const bodyPiece = fc.oneof(
  { arbitrary: paragraph, weight: 4 },
  { arbitrary: hostileHtml(12), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      "<h1>Headline of the story</h1>",
      '<p class="byline">By Ana Ruiz and Kim Park, Reuters</p>',
      "<time datetime='2026-11-03T09:30:00Z'>3 November 2026</time>",
      '<figure><img data-src="/a.jpg" srcset="/a.jpg 1x, javascript:x 2x"><figcaption>Photo: AP</figcaption></figure>',
      "<nav><a href='/'>Home</a></nav>",
      "<footer>© 2026</footer>",
      "<table><tr><td><p>cell text</p></td></tr></table>",
      "<template><p>hidden</p></template>",
      "<noscript><img src='/n.jpg'></noscript>",
      "<ul><li>Topics:</li></ul>",
      "<aside>Read more</aside>",
    ),
    weight: 2,
  },
);

const page = fc
  .tuple(
    fc.array(meta, { maxLength: 5 }),
    fc.array(jsonLd, { maxLength: 2 }),
    hostileText(30),
    fc.constantFrom("article", "main", "div", "section", "td", ""),
    fc.array(bodyPiece, { maxLength: 20, size: "max" }),
    fc.boolean(),
  )
  .map(([metas, lds, title, wrapper, pieces, closed]) => {
    const body = wrapper
      ? `<${wrapper} class="story-body">${pieces.join("\n")}${closed ? `</${wrapper}>` : ""}`
      : pieces.join("\n");
    return `<!doctype html><html lang="en"><head><title>${esc(title)}</title>${metas.join("")}${lds.join("")}</head><body>${body}</body>${closed ? "</html>" : ""}`;
  });

test("extractArticle on arbitrary text never throws and stays within the time bound", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 500 }),
        fc.string({ unit: "binary", maxLength: 500 }),
        hostileText(500),
        hostileHtml(40),
      ),
      (html) => {
        extract(html);
      },
    ),
    fuzzParams(0xe7a1, 800),
  );
});

test("extractArticle on generated pages with hostile markup, metadata and JSON-LD never throws", (t) => {
  let articles = 0;
  let runs = 0;
  fc.assert(
    fc.property(page, (html) => {
      runs++;
      if (extract(html).kind === "article") articles++;
    }),
    fuzzParams(0xe7a2, 800),
  );
  t.diagnostic(`${articles} of ${runs} generated pages gave an article`);
  assert.ok(
    articles >= runs / 10,
    `too few pages gave an article to exercise the cascade: ${articles} of ${runs}`,
  );
});

test("extractArticle with hostile operator selectors never throws", () => {
  const selector = fc.oneof(
    fc.constantFrom(
      "article",
      ".story-body p",
      "div > p:nth-child(2n)",
      "p:has(a)",
      "[",
      ":not(",
      "*",
      "a[href^=javascript]",
      "",
    ),
    hostileText(12),
  );
  fc.assert(
    fc.property(page, fc.option(selector), fc.option(selector), (html, include, exclude) => {
      extract(html, { include, exclude });
    }),
    fuzzParams(0xe7a3, 150),
  );
});

test("extractArticle on large and deeply nested pages (up to ~300 KB) stays within the time bound", () => {
  const big = fc.oneof(
    fc
      .tuple(page, fc.integer({ min: 5, max: 60 }))
      .map(([p, n]) => p.replace("<body>", `<body>${p.repeat(n).slice(0, 300_000)}`)),
    fc
      .tuple(
        fc.constantFrom("div", "span", "p", "li", "td", "a", "b", "blockquote"),
        fc.integer({ min: 1000, max: 20_000 }),
        fc.boolean(),
      )
      .map(
        ([name, depth, closed]) =>
          `<html><body>${`<${name}>`.repeat(depth)}text${closed ? `</${name}>`.repeat(depth) : ""}</body></html>`,
      ),
    fc
      .integer({ min: 10_000, max: 50_000 })
      .map(
        (n) =>
          `<html><body><article>${"<p>A short line of text.</p>".repeat(n / 10)}</article></body></html>`,
      ),
    fc.integer({ min: 1000, max: 5000 }).map((n) => `<html><body>${"<div><p>x</p>".repeat(n)}</body></html>`),
    fc
      .integer({ min: 10_000, max: 100_000 })
      .map((n) => `<html><body><p>${"word ".repeat(n)}</p></body></html>`),
  );
  fc.assert(
    fc.property(big, (html) => {
      extract(html);
    }),
    fuzzParams(0xe7a4, 40),
  );
});
