/** @module JSON-LD NewsArticle for an article page, serialized so no stored text can end the script. */
import type { ArticleView } from "./article.ts";

/**
 * JSON for a <script> element: "<", ">" and "&" become \u escapes, so a headline containing
 * "</script>" or "<!--" cannot close or confuse the element; U+2028/2029 are escaped for old parsers.
 * The result parses back to the same value with JSON.parse.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * schema.org NewsArticle: the original outlet's page is `isBasedOn`; the publisher is this site; the
 * article's attributed statements (presenters/statements.ts `quotationsJsonLd`) are its `hasPart`.
 */
export function newsArticleJsonLd(
  article: ArticleView,
  site: { title: string; url: string; pageUrl: string },
  quotations: ReadonlyArray<Record<string, unknown>> = [],
): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.publishedIso ? { datePublished: article.publishedIso } : {}),
    ...(article.revisedIso ? { dateModified: article.revisedIso } : {}),
    ...(article.byline ? { author: { "@type": "Person", name: article.byline } } : {}),
    publisher: { "@type": "Organization", name: site.title, ...(site.url ? { url: site.url } : {}) },
    ...(article.leadImage && article.displayMode === "full" ? { image: [article.leadImage.url] } : {}),
    ...(article.excerpt ? { description: article.excerpt } : {}),
    ...(article.lang ? { inLanguage: article.lang } : {}),
    mainEntityOfPage: site.pageUrl,
    isBasedOn: article.originalUrl,
    sourceOrganization: { "@type": "Organization", name: article.sourceName },
    ...(quotations.length > 0 ? { hasPart: quotations } : {}),
  };
}
