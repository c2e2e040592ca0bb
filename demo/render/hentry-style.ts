/**
 * @module Article page of a small static-site theme with microformats2 (h-entry, p-name, dt-published,
 * e-content) and schema.org microdata (itemprop), page-relative image URLs and a "Filed under" line,
 * used by The Valley Dispatch.
 */
import type { DemoImage } from "../content/index.ts";
import { renderBlocks } from "./blocks.ts";
import { type ArticlePageContext, feedMimeType, outletPaths, sectionName } from "./context.ts";
import { rfc3339, shortDate } from "./dates.ts";
import { escapeHtml as h } from "./escape.ts";

const css = `body{margin:0 auto;max-width:42rem;padding:0 1rem;font:18px/1.7 Charter,Georgia,serif;color:#2b2b2b}
header.site{display:flex;justify-content:space-between;align-items:baseline;border-bottom:1px solid #ddd}
header.site nav a{margin-left:.8rem;font-family:sans-serif;font-size:.85rem}.post-meta,.post-tags{font-family:sans-serif;font-size:.85rem;color:#666}
.post-image img{max-width:100%;height:auto}.post-image figcaption{font-size:.8rem;color:#555}.wire-label{background:#eee;padding:0 .3rem}`;

/** A path relative to the article's own directory, as static-site generators write asset links. */
function relativeTo(articlePath: string, target: string): string {
  const depth = articlePath.split("/").filter(Boolean).length;
  return `${"../".repeat(Math.max(0, depth - 1))}${target.replace(/^\/[^/]+\//, "")}`;
}

export function renderHentryArticle(ctx: ArticlePageContext): string {
  const { outlet, article, baseUrl } = ctx;
  const paths = outletPaths(outlet);
  const path = paths.article(article);
  const rel = (target: string): string => relativeTo(path, target);
  const figure = (
    img: DemoImage,
    lead: boolean,
  ): string => `<figure class="post-image${lead ? " post-image--lead" : ""}">
<img${lead ? ` class="u-photo" itemprop="image" title="${h(article.headline)}"` : ""} src="${h(rel(paths.image(img.name)))}" alt="${h(img.alt)}" width="${img.width}" height="${img.height}">
<figcaption>${h(img.caption)} <span class="credit">${h(img.credit)}</span></figcaption>
</figure>`;
  const body = renderBlocks(article.body, { figure: (img) => figure(img, false) });
  const nav = outlet.sections.map((s) => `<a href="${h(paths.section(s.slug))}">${h(s.name)}</a>`).join("\n");
  const wire = article.reprintOf ? ` <span class="wire-label">Wire</span>` : "";
  const updated = article.updated
    ? ` · updated <time class="dt-updated" itemprop="dateModified" datetime="${rfc3339(article.updated, "local")}">${shortDate(article.updated)}</time>`
    : "";
  const more = ctx.recent
    .slice(0, 4)
    .map((r) => `<li><a href="${h(r.path)}">${h(r.title)}</a></li>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${h(article.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<meta name="generator" content="Hugo 0.139.0">
<title>${h(article.headline)} — ${h(outlet.name)}</title>
<meta name="description" content="${h(article.summary)}">
<link rel="alternate" type="${feedMimeType(outlet)}" title="${h(outlet.name)}" href="${h(baseUrl + paths.feed)}">
<link rel="canonical" href="${h(baseUrl + path)}">
<style>${css}</style>
</head>
<body>
<header class="site">
<a class="site-name" href="${h(paths.home)}">${h(outlet.name)}</a>
<nav>
${nav}
</nav>
</header>
<article class="h-entry post" itemscope itemtype="https://schema.org/NewsArticle">
<h1 class="p-name post-title" itemprop="headline">${h(article.headline)}</h1>
<p class="post-meta">By <a class="p-author h-card" rel="author" itemprop="author" href="${h(paths.author(article.author))}">${h(article.author)}</a> · <time class="dt-published" itemprop="datePublished" datetime="${rfc3339(article.published, "local")}">${shortDate(article.published)}</time>${updated} · <a class="p-category" href="${h(paths.section(article.section))}">${h(sectionName(outlet, article.section))}</a>${wire}</p>
${figure(article.leadImage, true)}
<div class="e-content post-content" itemprop="articleBody">
${body}
</div>
<p class="post-tags">Filed under: ${article.tags.map((t) => `<span class="p-category">${h(t)}</span>`).join(", ")}</p>
<p class="post-share">Share: <a href="mailto:?subject=${encodeURIComponent(article.headline)}">email</a> · <a href="#" data-share="facebook">Facebook</a> · <a href="#" data-share="x">X</a></p>
</article>
<aside class="more-stories"><h2>More from the Dispatch</h2><ul>
${more}
</ul></aside>
<aside class="newsletter"><h2>The Dispatch newsletter</h2><p>Five Tern Valley stories in your inbox each morning, in five minutes.</p>
<form action="${h(paths.home)}newsletter/" method="post"><input type="email" name="email" placeholder="you@example.com" aria-label="Email"> <button>Sign me up</button></form></aside>
<section id="comments"><h2>Leave a Reply</h2>
<p>Your email address will not be published. Be kind; comments are read before they appear.</p>
<form action="${h(paths.home)}comments/" method="post">
<input type="hidden" name="post" value="${h(article.slug)}">
<p><label>Name <input name="name" required></label></p>
<p><label>Email <input name="email" type="email" required></label></p>
<p><label>Comment <textarea name="comment" rows="5" required></textarea></label></p>
<p><button>Post</button></p>
</form></section>
<footer><p>${h(outlet.name)} is a fictional news site in the Newsdesk demo newsroom; all people, places and events are invented. Wire stories © Meridian Business Wire (also fictional). <a href="${h(paths.feed)}">JSON Feed</a></p></footer>
</body>
</html>
`;
}
