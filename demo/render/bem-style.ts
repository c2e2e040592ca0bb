/** @module Article page in modern <main><article> markup with BEM classes and a lazy lead image, used by TVPR. */
import type { DemoArticle, DemoImage } from "../content/index.ts";
import { bemComments, bemNewsletter } from "./bem-forms.ts";
import { type BlockMarkup, renderBlock } from "./blocks.ts";
import { type ArticlePageContext, outletPaths, sectionName } from "./context.ts";
import { longDate, rfc3339, timeOfDay } from "./dates.ts";
import { escapeHtml as h } from "./escape.ts";

const placeholder = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

const css = `:root{--ink:#1d1d1f;--accent:#b4321e}body{margin:0;font:17px/1.6 system-ui,sans-serif;color:var(--ink)}
.site-header{display:flex;gap:2rem;align-items:center;padding:.75rem 1.5rem;background:#f4efe8}
.site-nav__list{display:flex;gap:1rem;list-style:none;margin:0;padding:0}.page__main{max-width:760px;margin:auto;padding:1rem}
.story__image{width:100%;height:auto}.story__caption{font-size:.85rem;color:#666}.pull-quote{border-inline-start:4px solid var(--accent);padding-inline-start:1rem}`;

function listenLength(article: DemoArticle): string {
  const words = article.body
    .map((b) => (b.type === "p" || b.type === "h2" || b.type === "quote" ? b.text : ""))
    .join(" ")
    .split(/\s+/).length;
  const seconds = Math.max(30, Math.round((words / 150) * 60));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function renderBemArticle(ctx: ArticlePageContext): string {
  const { outlet, article } = ctx;
  const paths = outletPaths(outlet);
  const path = paths.article(article);
  const arabic = article.language === "ar";
  const lead = article.leadImage;
  const imgAttrs = (img: DemoImage): string =>
    `width="${img.width}" height="${img.height}" alt="${h(img.alt)}"`;
  const inlineFigure = (img: DemoImage): string => `<figure class="story__figure story__figure--inline">
  <img class="story__image" src="${h(paths.image(img.name))}" ${imgAttrs(img)} loading="lazy">
  <figcaption class="story__caption">${h(img.caption)} <span class="story__credit">(${h(img.credit)})</span></figcaption>
</figure>`;
  const markup: BlockMarkup = {
    figure: inlineFigure,
    subhead: (text) => `<h2 class="story__subhead">${h(text)}</h2>`,
    quote: (text, cite) =>
      `<blockquote class="pull-quote"><p class="pull-quote__text">${h(text)}</p>${cite ? `<footer class="pull-quote__source">— ${h(cite)}</footer>` : ""}</blockquote>`,
    listAttrs: ` class="story__list"`,
  };
  const blocks = article.body.map((b) => renderBlock(b, markup));
  const firstRelated = ctx.related[0];
  if (firstRelated && article.body.length > 4) {
    // A "Read more" promo wedged into the story text, as many news sites do.
    const promo = `<aside class="story__inline-promo inline-promo"><span class="inline-promo__label">Read more:</span> <a class="inline-promo__link" href="${h(firstRelated.path)}">${h(firstRelated.title)}</a></aside>`;
    const at = article.body.findIndex((b, i) => i >= 2 && b.type === "p");
    blocks.splice(at < 0 ? blocks.length : at + 1, 0, promo);
  }
  const nav = outlet.sections
    .map((s) => {
      const active = s.slug === article.section ? " site-nav__link--active" : "";
      return `<li class="site-nav__item"><a class="site-nav__link${active}" href="${h(paths.section(s.slug))}">${h(s.name)}</a></li>`;
    })
    .join("\n");
  const related = ctx.related
    .map(
      (r) => `<li class="related__item"><a class="related__link" href="${h(r.path)}">${h(r.title)}</a></li>`,
    )
    .join("\n");
  const tags = article.tags.map((t) => `<li class="tag-list__item">${h(t)}</li>`).join("");
  const dateText = `${longDate(article.published)} at ${timeOfDay(article.published, "ap")}`;
  return `<!doctype html>
<html lang="${h(article.language)}" dir="${article.direction}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(article.headline)} | ${h(outlet.shortName)}</title>
<meta name="description" content="${h(article.summary)}">
<link rel="alternate" type="application/atom+xml" title="${h(outlet.shortName)}" href="${h(paths.feed)}">
<link rel="canonical" href="${h(ctx.baseUrl + path)}">
<style>${css}</style>
</head>
<body class="page page--story">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <a class="site-header__logo" href="${h(paths.home)}"><span class="site-header__call">TVPR</span> <span class="site-header__name">${h(outlet.name)}</span></a>
  <nav class="site-nav" aria-label="Sections"><ul class="site-nav__list">
${nav}
  </ul></nav>
  <div class="site-header__actions"><a class="button button--donate" href="${h(paths.home)}#donate">Donate</a> <button class="live-player__toggle" type="button">Listen live · 89.7 FM</button></div>
</header>
<main id="main" class="page__main">
<article class="story story--${h(article.section)}">
  <header class="story__header">
    <a class="story__kicker" href="${h(paths.section(article.section))}">${h(sectionName(outlet, article.section))}</a>
    <h1 class="story__headline">${h(article.headline)}</h1>
    <p class="story__dek">${h(article.summary)}</p>
    <div class="story__meta">
      <p class="story__byline byline">${arabic ? "بقلم" : "By"} <span class="story__author">${h(article.author)}</span></p>
      <time class="story__date" datetime="${rfc3339(article.published, "utc")}">${dateText}</time>
    </div>
    <div class="audio-player"><button class="audio-player__play" type="button" aria-label="Play">▶</button> <span class="audio-player__label">Listen to this story · ${listenLength(article)}</span></div>
  </header>
  <figure class="story__figure story__figure--lead">
    <img class="story__image js-lazy" src="${placeholder}" data-src="${h(paths.image(lead.name))}" ${imgAttrs(lead)} title="${h(article.headline)}">
    <noscript><img class="story__image" src="${h(paths.image(lead.name))}" ${imgAttrs(lead)} title="${h(article.headline)}"></noscript>
    <figcaption class="story__caption">${h(lead.caption)} <span class="story__credit">(${h(lead.credit)})</span></figcaption>
  </figure>
  <div class="story__share share-tools" aria-label="Share this story">
    <a class="share-tools__link share-tools__link--facebook" href="#" data-share="facebook">Facebook</a>
    <a class="share-tools__link share-tools__link--x" href="#" data-share="x">X</a>
    <a class="share-tools__link share-tools__link--email" href="mailto:?subject=${encodeURIComponent(article.headline)}">Email</a>
  </div>
  <div class="story__body">
${blocks.join("\n")}
  </div>
  <footer class="story__footer">
    <ul class="story__tags tag-list">${tags}</ul>
    <p class="story__copyright">Copyright 2026 ${h(outlet.name)}</p>
  </footer>
</article>
<aside class="related" aria-labelledby="related-heading">
  <h2 id="related-heading" class="related__title">Read more</h2>
  <ul class="related__list">
${related}
  </ul>
</aside>
${bemNewsletter(paths.home)}
${bemComments(paths.home, article.slug)}
</main>
<footer class="site-footer">
  <nav class="site-footer__nav" aria-label="Footer"><ul class="site-footer__list">
    <li><a href="${h(paths.home)}#about">About TVPR</a></li><li><a href="${h(paths.home)}#contact">Contact</a></li><li><a href="${h(paths.home)}#careers">Careers</a></li><li><a href="${h(paths.home)}#privacy">Privacy</a></li><li><a href="${h(paths.feed)}">Atom feed</a></li>
  </ul></nav>
  <p class="site-footer__legal">© 2026 ${h(outlet.name)}, a fictional station in the Newsdesk demo newsroom. All people, places and events are invented.</p>
</footer>
<script>document.documentElement.classList.remove("no-js");document.querySelectorAll("img.js-lazy").forEach(function(i){i.src=i.dataset.src;});</script>
</body>
</html>
`;
}
