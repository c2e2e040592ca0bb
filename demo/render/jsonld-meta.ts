/** @module Head metadata of The Circuit Ledger's article pages: description, OpenGraph, article:* and JSON-LD NewsArticle. */
import { type ArticlePageContext, outletUrls, sectionName } from "./context.ts";
import { rfc3339 } from "./dates.ts";
import { escapeHtml as h, jsonForScript } from "./escape.ts";

function jsonLd(ctx: ArticlePageContext): string {
  const { outlet, article, baseUrl } = ctx;
  const urls = outletUrls(outlet, baseUrl);
  const lead = article.leadImage;
  return jsonForScript({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.summary,
    image: [
      {
        "@type": "ImageObject",
        url: urls.image(lead.name),
        width: lead.width,
        height: lead.height,
        caption: lead.caption,
      },
    ],
    datePublished: rfc3339(article.published, "local"),
    dateModified: rfc3339(article.updated ?? article.published, "local"),
    author: [{ "@type": "Person", name: article.author, url: urls.author(article.author) }],
    publisher: { "@type": "Organization", name: outlet.name, url: urls.home },
    mainEntityOfPage: { "@type": "WebPage", "@id": urls.article(article) },
    articleSection: sectionName(outlet, article.section),
    keywords: article.tags,
    inLanguage: article.language,
    isAccessibleForFree: true,
  });
}

/** The <meta>, <link> and JSON-LD <script> elements that go in the page <head>. */
export function articleMetaTags(ctx: ArticlePageContext): string {
  const { outlet, article, baseUrl } = ctx;
  const urls = outletUrls(outlet, baseUrl);
  const lead = article.leadImage;
  const section = sectionName(outlet, article.section);
  const tagMeta = article.tags.map((t) => `<meta property="article:tag" content="${h(t)}">`).join("\n");
  return `<meta name="description" content="${h(article.summary)}">
<meta name="author" content="${h(article.author)}">
<meta name="keywords" content="${h(article.tags.join(", "))}">
<link rel="canonical" href="${h(urls.article(article))}">
<link rel="alternate" type="application/atom+xml" title="${h(outlet.name)}" href="${h(urls.feed)}">
<meta property="og:site_name" content="${h(outlet.name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${h(article.headline)}">
<meta property="og:description" content="${h(article.summary)}">
<meta property="og:url" content="${h(urls.article(article))}">
<meta property="og:image" content="${h(urls.image(lead.name))}">
<meta property="og:image:width" content="${lead.width}">
<meta property="og:image:height" content="${lead.height}">
<meta property="og:image:alt" content="${h(lead.alt)}">
<meta property="article:published_time" content="${rfc3339(article.published, "local")}">
<meta property="article:modified_time" content="${rfc3339(article.updated ?? article.published, "local")}">
<meta property="article:author" content="${h(urls.author(article.author))}">
<meta property="article:section" content="${h(section)}">
${tagMeta}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${h(article.headline)}">
<script type="application/ld+json">${jsonLd(ctx)}</script>`;
}
