/** @module Article page in a classic WordPress theme's markup (.entry-content, #comments, #respond), used by The Harbor Herald. */
import type { DemoImage } from "../content/index.ts";
import { renderBlocks } from "./blocks.ts";
import { type ArticlePageContext, outletUrls, sectionName } from "./context.ts";
import { longDate, rfc3339 } from "./dates.ts";
import { escapeHtml } from "./escape.ts";
import { fnv1a } from "./hash.ts";
import { wordpressComments } from "./wordpress-comments.ts";
import { wordpressSidebar } from "./wordpress-sidebar.ts";

/** Stable WordPress-like post id for an article slug. */
export function wordpressPostId(slug: string): number {
  return 1000 + (fnv1a(slug) % 9000);
}

const css = `body{margin:0;font-family:Georgia,serif;color:#222}.site-header{border-bottom:3px solid #0b3d5c;padding:1rem}
.site-title a{font-size:2rem;color:#0b3d5c;text-decoration:none}.menu{display:flex;gap:1rem;list-style:none;padding:0}
.site-content{display:flex;gap:2rem;max-width:1100px;margin:auto}.site-main{flex:3}.widget-area{flex:1}
figure img{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#555}.screen-reader-text{position:absolute;left:-9999px}`;

export function renderWordpressArticle(ctx: ArticlePageContext): string {
  const { outlet, article, baseUrl } = ctx;
  const urls = outletUrls(outlet, baseUrl);
  const url = urls.article(article);
  const postId = wordpressPostId(article.slug);
  const section = sectionName(outlet, article.section);
  const h = escapeHtml;
  const figure = (img: DemoImage, lead: boolean): string => {
    const attrs = lead
      ? `class="attachment-post-thumbnail size-post-thumbnail wp-post-image" title="${h(article.headline)}" decoding="async" fetchpriority="high"`
      : `class="wp-image-${fnv1a(img.name) % 90000}" decoding="async" loading="lazy"`;
    return `<figure class="${lead ? "post-thumbnail " : ""}wp-block-image size-large">
<img width="${img.width}" height="${img.height}" src="${h(urls.image(img.name))}" alt="${h(img.alt)}" ${attrs}>
<figcaption class="wp-element-caption">${h(img.caption)} Photo: ${h(img.credit)}</figcaption>
</figure>`;
  };
  const body = renderBlocks(article.body, {
    figure: (img) => figure(img, false),
    subhead: (text) => `<h2 class="wp-block-heading">${h(text)}</h2>`,
    quote: (text, cite) =>
      `<blockquote class="wp-block-quote"><p>${h(text)}</p>${cite ? `<cite>${h(cite)}</cite>` : ""}</blockquote>`,
    listAttrs: ` class="wp-block-list"`,
  });
  const menu = outlet.sections
    .map((s) => {
      const current = s.slug === article.section ? " current-post-ancestor current-menu-parent" : "";
      return `<li class="menu-item menu-item-type-taxonomy${current}"><a href="${h(urls.section(s.slug))}">${h(s.name)}</a></li>`;
    })
    .join("\n");
  const networks: [string, string][] = [
    ["facebook", "Facebook"],
    ["x", "X"],
    ["linkedin", "LinkedIn"],
  ];
  const share = networks
    .map(
      ([id, label]) =>
        `<li class="share-${id}"><a rel="nofollow noopener noreferrer" class="share-${id} sd-button share-icon" href="${h(url)}?share=${id}" target="_blank" title="Click to share on ${label}"><span>${label}</span></a></li>`,
    )
    .join("\n");
  const linkList = (links: ArticlePageContext["related"]): string =>
    links.map((r) => `<li><a href="${h(baseUrl + r.path)}">${h(r.title)}</a></li>`).join("\n");
  const tags = article.tags.map((t) => `<a href="${h(urls.tag(t))}" rel="tag">${h(t)}</a>`).join(", ");
  const updated = article.updated
    ? `<time class="updated" datetime="${rfc3339(article.updated, "utc")}">${longDate(article.updated)}</time>`
    : "";
  return `<!DOCTYPE html>
<html lang="${h(outlet.language)}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(article.headline)} &#8211; ${h(outlet.name)}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="alternate" type="application/rss+xml" title="${h(outlet.name)} &raquo; Feed" href="${h(urls.feed)}">
<link rel="canonical" href="${h(url)}">
<link rel="shortlink" href="${h(urls.home)}?p=${postId}">
<style id="herald-theme-inline-css">${css}</style>
</head>
<body class="post-template-default single single-post postid-${postId} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding">
    <p class="site-title"><a href="${h(urls.home)}" rel="home">${h(outlet.name)}</a></p>
    <p class="site-description">${h(outlet.tagline)}</p>
  </div>
  <nav id="site-navigation" class="main-navigation" aria-label="Primary Menu">
    <button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
    <ul id="primary-menu" class="menu">
<li class="menu-item menu-item-home"><a href="${h(urls.home)}">Home</a></li>
${menu}
    </ul>
  </nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
<article id="post-${postId}" class="post-${postId} post type-post status-publish format-standard has-post-thumbnail hentry category-${h(article.section)}">
  <header class="entry-header">
    <span class="cat-links"><a href="${h(urls.section(article.section))}" rel="category tag">${h(section)}</a></span>
    <h1 class="entry-title">${h(article.headline)}</h1>
    <div class="entry-meta">
      <span class="byline"> by <span class="author vcard"><a class="url fn n" href="${h(urls.author(article.author))}" rel="author">${h(article.author)}</a></span></span>
      <span class="posted-on">Posted on <a href="${h(url)}" rel="bookmark"><time class="entry-date published" datetime="${rfc3339(article.published, "utc")}">${longDate(article.published)}</time>${updated}</a></span>
    </div>
  </header>
${figure(article.leadImage, true)}
  <div class="entry-content">
${body}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
<h3 class="sd-title">Share this:</h3>
<div class="sd-content"><ul>
${share}
<li class="share-email"><a rel="nofollow noopener noreferrer" class="share-email sd-button share-icon" href="mailto:?subject=${encodeURIComponent(article.headline)}&amp;body=${encodeURIComponent(url)}" title="Click to email a link to a friend"><span>Email</span></a></li>
<li class="share-print"><a rel="nofollow noopener noreferrer" class="share-print sd-button share-icon" href="${h(url)}#print" title="Click to print"><span>Print</span></a></li>
</ul></div></div></div>
<div id="jp-relatedposts" class="jp-relatedposts">
<h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<ul class="jp-relatedposts-items">
${linkList(ctx.related)}
</ul>
</div>
  </div>
  <footer class="entry-footer"><span class="tags-links">Tagged ${tags}</span></footer>
</article>
${wordpressComments({ postId, headline: article.headline, publishedDate: longDate(article.published), formAction: `${baseUrl}/${outlet.slug}/wp-comments-post.php` })}
</main>
${wordpressSidebar(urls.home, linkList(ctx.recent))}
</div>
<footer id="colophon" class="site-footer">
  <nav class="footer-navigation" aria-label="Footer Menu"><ul class="footer-menu">
<li><a href="${h(urls.home)}#about">About Us</a></li><li><a href="${h(urls.home)}#contact">Contact</a></li><li><a href="${h(urls.home)}#advertise">Advertise</a></li><li><a href="${h(urls.home)}#privacy">Privacy Policy</a></li><li><a href="${h(urls.feed)}">RSS</a></li>
  </ul></nav>
  <div class="site-info">&copy; 2026 ${h(outlet.name)}. A fictional newspaper in the Newsdesk demo newsroom; all people, places and events are invented.</div>
</footer>
</div>
</body>
</html>
`;
}
