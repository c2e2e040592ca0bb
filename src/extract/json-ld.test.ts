/** @module The page's article node in its JSON-LD. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "htmlparser2";
import { findArticleJsonLd, jsonLdNames } from "./json-ld.ts";

const page = (...nodes: object[]) =>
  parseDocument(
    nodes.map((n) => `<script type="application/ld+json">${JSON.stringify(n)}</script>`).join(""),
  );

test("a recipe page without an article node gives its Recipe node, before a WebPage", () => {
  const ld = findArticleJsonLd(
    page(
      { "@type": "WebPage", name: "Site" },
      { "@type": "Recipe", name: "Pierogi", datePublished: "2012-09-06" },
    ),
  );
  assert.equal(ld?.datePublished, "2012-09-06");
});

test("an article node wins over a recipe node", () => {
  const ld = findArticleJsonLd(
    page(
      { "@type": "Recipe", datePublished: "2020-01-01" },
      { "@type": "BlogPosting", datePublished: "2020-02-02" },
    ),
  );
  assert.equal(ld?.datePublished, "2020-02-02");
});

test("a WebPage's main entity is the article (schema.org mainEntity)", () => {
  const ld = findArticleJsonLd(
    page({
      "@type": "WebPage",
      name: "Why salaries",
      breadcrumb: { "@type": "BreadcrumbList", itemListElement: [] },
      mainEntity: {
        "@type": "Article",
        headline: "Why salaries",
        author: "Liesa Oguz",
        datePublished: "2019-01-17",
      },
    }),
  );
  assert.deepEqual([ld?.headline, ld?.author], ["Why salaries", "Liesa Oguz"]);
});

test("a Person with several names, or names written as HTML links, gives each name as text", () => {
  assert.deepEqual(
    jsonLdNames({
      "@type": "Person",
      name: [
        '<a href="/pl/eksperci/jan-kowal" hreflang="pl">Jan Kowal</a>',
        '<a href="/pl/eksperci/ewa-nowak">Ewa Nowak</a>',
      ],
    }),
    ["Jan Kowal", "Ewa Nowak"],
  );
  assert.deepEqual(jsonLdNames({ "@type": "Person", name: "Jan Kowal" }), ["Jan Kowal"]);
});
