/** @module Simple listing pages: an outlet's home, section, author and tag pages, the origin's root index and the 404 page. */
import type { DemoArticle, DemoOutlet, DemoSectionFeed } from "../content/index.ts";
import { feedLabel, feedMimeType, outletPaths } from "./context.ts";
import { longDate } from "./dates.ts";
import { escapeHtml as h } from "./escape.ts";

const css = `body{font-family:system-ui,sans-serif;max-width:820px;margin:auto;padding:1rem;color:#222}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}li.teaser{margin:1rem 0}.teaser p{margin:.2rem 0;color:#555}`;

export interface ListingOptions {
  baseUrl: string;
  outlet: DemoOutlet;
  /** Page heading; null on the home page, which shows the outlet's tagline instead. */
  heading: string | null;
  /** The section a section page lists, so it advertises that section's own feed if there is one. */
  section?: string;
  articles: readonly DemoArticle[];
}

/** `<link rel="alternate">` to the outlet's main feed and to those of its section feeds that `keep` accepts. */
function feedLinks(baseUrl: string, outlet: DemoOutlet, keep: (f: DemoSectionFeed) => boolean): string {
  const main = `<link rel="alternate" type="${feedMimeType(outlet)}" title="${h(outlet.name)}" href="${h(baseUrl + outletPaths(outlet).feed)}">`;
  const sections = outlet.sectionFeeds
    .filter(keep)
    .map(
      (f) =>
        `<link rel="alternate" type="${feedMimeType(outlet)}" title="${h(f.title)}" href="${h(baseUrl + f.path)}">`,
    );
  return [main, ...sections].join("\n");
}

export function renderOutletListing(opts: ListingOptions): string {
  const { outlet, baseUrl } = opts;
  const paths = outletPaths(outlet);
  const title = opts.heading ? `${opts.heading} | ${outlet.name}` : `${outlet.name} | ${outlet.tagline}`;
  const nav = outlet.sections
    .map((s) => `<li><a href="${h(paths.section(s.slug))}">${h(s.name)}</a></li>`)
    .join("\n");
  const items = opts.articles
    .map(
      (a) => `<li class="teaser" lang="${h(a.language)}" dir="${a.direction}">
  <a href="${h(paths.article(a))}"><img src="${h(paths.image(a.leadImage.name))}" width="160" height="${Math.round((160 * a.leadImage.height) / a.leadImage.width)}" alt="${h(a.leadImage.alt)}" loading="lazy"></a>
  <h2><a href="${h(paths.article(a))}">${h(a.headline)}</a></h2>
  <p>${h(a.summary)}</p>
  <p><small>${h(a.author)} · <time datetime="${h(a.published)}">${longDate(a.published)}</time></small></p>
</li>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${h(outlet.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<meta name="description" content="${h(outlet.tagline)}">
${feedLinks(baseUrl, outlet, (f) => opts.heading === null || f.section === opts.section)}
<style>${css}</style>
</head>
<body>
<header>
  <p class="site-title"><a href="${h(paths.home)}">${h(outlet.name)}</a></p>
  <nav aria-label="Sections"><ul>
${nav}
  </ul></nav>
</header>
<main>
<h1>${h(opts.heading ?? outlet.tagline)}</h1>
<ul class="teasers">
${items || "<li>No stories yet.</li>"}
</ul>
</main>
<footer>
  <section id="about"><h2>About</h2><p>${h(outlet.name)} is a fictional ${h(outlet.kind)} in the Newsdesk demo newsroom. All people, places and events are invented.</p></section>
  <p id="contact">Contact: newsroom@${h(outlet.idAuthority)}</p>
  <p id="privacy">Privacy: this demo site sets no cookies and loads nothing from other sites.</p>
  <p><a href="${h(paths.feed)}">Subscribe to the ${feedLabel(outlet.feed.format)} feed</a> · <a href="/">All demo outlets</a></p>
</footer>
</body>
</html>
`;
}

export function renderRootIndex(baseUrl: string, outlets: readonly DemoOutlet[]): string {
  const items = outlets
    .map((o) => {
      const paths = outletPaths(o);
      const sections = o.sectionFeeds.map((f) => ` · <a href="${h(f.path)}">${h(f.title)}</a>`).join("");
      return `<li><a href="${h(paths.home)}">${h(o.name)}</a> — ${h(o.kind)}. <a href="${h(paths.feed)}">${feedLabel(o.feed.format)} feed</a>${sections}</li>`;
    })
    .join("\n");
  const links = outlets.map((o) => feedLinks(baseUrl, o, () => true)).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Newsdesk demo newsroom</title>
${links}
<style>${css}</style>
</head>
<body>
<main>
<h1>Newsdesk demo newsroom</h1>
<p>Fictional news outlets served from this machine, so Newsdesk can be tried and tested offline. All people, places and events are invented.</p>
<ul>
${items}
</ul>
</main>
</body>
</html>
`;
}

export function renderNotFound(path: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>404 Not Found</title></head>
<body>
<h1>404 Not Found</h1>
<p>The demo newsroom has no page at <code>${h(path)}</code>.</p>
<p><a href="/">Back to the list of demo outlets</a></p>
</body>
</html>
`;
}
