/** @module Article page with OpenGraph meta, JSON-LD NewsArticle, a cookie banner and ad slots, used by The Circuit Ledger. */
import type { DemoArticle, DemoImage } from "../content/index.ts";
import { type BlockMarkup, renderBlock } from "./blocks.ts";
import { type ArticlePageContext, outletPaths, sectionName } from "./context.ts";
import { shortDate, timeOfDay } from "./dates.ts";
import { escapeHtml as h } from "./escape.ts";
import { articleMetaTags } from "./jsonld-meta.ts";

const css = `body{margin:0;font:16px/1.65 "Helvetica Neue",Arial,sans-serif;background:#fbfbfd;color:#111}
.topbar{display:flex;justify-content:space-between;padding:1rem 2rem;background:#111;color:#fff}.topbar a{color:#fff}
.menu a{margin-right:1rem}.container{max-width:740px;margin:auto;padding:1rem}.hero-image img{width:100%;height:auto}
.credit{color:#777}.ad-slot{background:#eee;text-align:center;min-height:90px}.cc-banner{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:1rem}`;

function readingMinutes(article: DemoArticle): number {
  const text = article.body.map((b) =>
    b.type === "ul" || b.type === "ol" ? b.items.join(" ") : "text" in b ? b.text : "",
  );
  return Math.max(1, Math.round(text.join(" ").split(/\s+/).length / 230));
}

export function renderJsonLdArticle(ctx: ArticlePageContext): string {
  const { outlet, article } = ctx;
  const paths = outletPaths(outlet);
  const lead = article.leadImage;
  const section = sectionName(outlet, article.section);
  const figure = (img: DemoImage, cls: string, title: string): string => `<figure class="${cls}">
  <picture><img src="${h(paths.image(img.name))}" alt="${h(img.alt)}" width="${img.width}" height="${img.height}"${title}></picture>
  <figcaption><span class="caption-text">${h(img.caption)}</span> <small class="credit">Image: ${h(img.credit)}</small></figcaption>
</figure>`;
  const markup: BlockMarkup = { figure: (img) => figure(img, "inline-image", "") };
  const blocks = article.body.map((b) => renderBlock(b, markup));
  blocks.splice(Math.min(3, blocks.length), 0, adSlot("inline", "cl_article_mid"));
  const menu = outlet.sections
    .map((s) => `<a href="${h(paths.section(s.slug))}">${h(s.name)}</a>`)
    .join("\n");
  const readMore = ctx.related.map((r) => `<li><a href="${h(r.path)}">${h(r.title)}</a></li>`).join("\n");
  const updated = article.updated
    ? ` <span class="sep">·</span> <span class="post-updated">Updated ${shortDate(article.updated)}, ${timeOfDay(article.updated, "plain")}</span>`
    : "";
  return `<!DOCTYPE html>
<html lang="${h(article.language)}" prefix="og: https://ogp.me/ns# article: https://ogp.me/ns/article#">
<head>
<meta charset="utf-8">
<title>${h(article.headline)} · ${h(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${articleMetaTags(ctx)}
<style>${css}</style>
</head>
<body>
<div id="cookie-consent" class="cc-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to remember your reading preferences and to measure how our site is used. <a href="${h(paths.home)}#privacy">Learn more</a></p>
  <button type="button" class="cc-btn cc-accept">Accept all</button> <button type="button" class="cc-btn cc-reject">Reject non-essential</button>
</div>
<div class="wrapper">
<div class="topbar">
  <div class="logo"><a href="${h(paths.home)}">${h(outlet.name)}</a></div>
  <div class="menu" role="navigation" aria-label="Topics">
${menu}
  </div>
  <div class="topbar-actions"><a href="#newsletter">Newsletter</a> <a href="${h(paths.home)}#subscribe">Subscribe</a></div>
</div>
${adSlot("leaderboard", "cl_article_top")}
<div class="container">
<div class="post" data-post-type="article" data-section="${h(article.section)}">
  <div class="post-header">
    <div class="post-category"><a href="${h(paths.section(article.section))}">${h(section)}</a></div>
    <h1 class="post-title headline">${h(article.headline)}</h1>
    <div class="post-dek">${h(article.summary)}</div>
    <div class="post-meta"><span class="author-line">Written by <a class="author-link" href="${h(paths.author(article.author))}">${h(article.author)}</a></span> <span class="sep">·</span> <span class="post-date">${shortDate(article.published)}</span> <span class="sep">·</span> <span class="read-time">${readingMinutes(article)} min read</span>${updated}</div>
  </div>
  <div class="share-rail"><span class="share-label">Share</span>
    <a class="share-btn share-btn-fb" href="#" role="button">Facebook</a> <a class="share-btn share-btn-x" href="#" role="button">X</a> <a class="share-btn share-btn-li" href="#" role="button">LinkedIn</a> <a class="share-btn share-btn-mail" href="mailto:?subject=${encodeURIComponent(article.headline)}">Email</a> <button class="share-btn share-btn-copy" type="button">Copy link</button>
  </div>
${figure(lead, "hero-image", ` title="${h(article.headline)}"`)}
  <div class="post-body article-text">
${blocks.join("\n")}
  </div>
  <div class="post-tags">Topics: ${article.tags.map((t) => `<span class="topic">${h(t)}</span>`).join(" ")}</div>
  <div class="author-box"><div class="author-box-name">${h(article.author)}</div><p class="author-box-bio">${h(article.author)} writes about ${h(section.toLowerCase())} for ${h(outlet.name)}.</p></div>
</div>
<div class="read-more"><h3>Read more from ${h(outlet.name)}</h3><ul>
${readMore}
</ul></div>
<div class="newsletter-box" id="newsletter"><h3>The Ledger Weekly</h3><p>One email on Fridays with the week’s best science and technology stories. No spam, unsubscribe anytime.</p>
  <form action="${h(paths.home)}newsletter" method="post"><input type="email" name="email" placeholder="Your email" aria-label="Your email" required> <input type="submit" value="Subscribe"></form></div>
<div class="comments" id="comments"><h3 class="comments-heading">Leave a reply</h3>
  <p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
  <form action="${h(paths.home)}comments" method="post" class="comment-form">
    <p><label for="c-comment">Comment *</label><br><textarea id="c-comment" name="comment" rows="7" required></textarea></p>
    <p><label for="c-author">Name *</label><br><input id="c-author" name="author" type="text" required></p>
    <p><label for="c-email">Email *</label><br><input id="c-email" name="email" type="email" required></p>
    <p><label for="c-url">Website</label><br><input id="c-url" name="url" type="url"></p>
    <p><input type="submit" value="Post comment"></p>
  </form></div>
</div>
<div class="footer"><a href="${h(paths.home)}#about">About</a> | <a href="${h(paths.home)}#ethics">Ethics policy</a> | <a href="${h(paths.home)}#contact">Contact</a> | <a href="${h(paths.home)}#privacy">Privacy</a> | <a href="${h(paths.feed)}">Atom feed</a>
  <p>© 2026 ${h(outlet.name)}. A fictional publication in the Newsdesk demo newsroom; all people, products and events are invented.</p></div>
</div>
<script>document.querySelectorAll(".cc-btn").forEach(function(b){b.addEventListener("click",function(){var c=document.getElementById("cookie-consent");if(c)c.remove();});});</script>
</body>
</html>
`;
}

function adSlot(kind: string, unit: string): string {
  return `<div class="ad-slot ad-slot--${kind}" data-ad-unit="${unit}" aria-hidden="true"><span class="ad-label">Advertisement</span></div>`;
}
