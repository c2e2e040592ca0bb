/** @module The demo origin's route table: every path it serves, with content type, modification time and renderer. */
import {
  articlesOf,
  type DemoArticle,
  type DemoOutlet,
  demoArticles,
  demoOutlets,
  imagesOf,
  type OutletStyle,
} from "./content/index.ts";
import { articlePath, authorPath, feedPath, homePath, imagePath, sectionPath, tagPath } from "./paths.ts";
import { renderBemArticle } from "./render/bem-style.ts";
import type { ArticlePageContext, RelatedLink } from "./render/context.ts";
import { renderAtomFeed } from "./render/feed-atom.ts";
import { newestTimestamp } from "./render/feed-content.ts";
import { renderRssFeed } from "./render/feed-rss.ts";
import { renderJsonLdArticle } from "./render/jsonld-style.ts";
import { renderLegacyArticle } from "./render/legacy-style.ts";
import { renderOutletListing, renderRootIndex } from "./render/listing.ts";
import { renderSvg } from "./render/svg.ts";
import { renderWordpressArticle } from "./render/wordpress-style.ts";

export interface Resource {
  contentType: string;
  lastModified: Date;
  /** Renders the body; absolute links are built from baseUrl (no trailing slash). */
  render: (baseUrl: string) => string;
}

const HTML = "text/html; charset=utf-8";

const articleRenderers: Record<OutletStyle, (ctx: ArticlePageContext) => string> = {
  wordpress: renderWordpressArticle,
  bem: renderBemArticle,
  jsonld: renderJsonLdArticle,
  legacy: renderLegacyArticle,
};

const time = (a: DemoArticle): number => Date.parse(a.published);

function link(outlet: DemoOutlet, a: DemoArticle): RelatedLink {
  return { title: a.headline, path: articlePath(outlet, a) };
}

function lastModified(articles: readonly DemoArticle[]): Date {
  return new Date(newestTimestamp(articles));
}

function addOutlet(routes: Map<string, Resource>, outlet: DemoOutlet): void {
  const add = (path: string, resource: Resource): void => {
    if (routes.has(path)) throw new Error(`demo origin: duplicate route ${path}`);
    routes.set(path, resource);
  };
  const articles = articlesOf(outlet.slug);
  const listing = (path: string, heading: string | null, keep: (a: DemoArticle) => boolean): void => {
    const list = articles.filter(keep);
    add(path, {
      contentType: HTML,
      lastModified: lastModified(list),
      render: (baseUrl) => renderOutletListing({ baseUrl, outlet, heading, articles: list }),
    });
  };

  listing(homePath(outlet), null, () => true);
  for (const s of outlet.sections) {
    listing(sectionPath(outlet, s.slug), s.name, (a) => a.section === s.slug);
  }
  for (const author of new Set(articles.map((a) => a.author))) {
    listing(authorPath(outlet, author), author, (a) => a.author === author);
  }
  if (outlet.style === "wordpress") {
    for (const tag of new Set(articles.flatMap((a) => a.tags))) {
      listing(tagPath(outlet, tag), `Tag: ${tag}`, (a) => a.tags.includes(tag));
    }
  }

  add(feedPath(outlet), {
    contentType: `${outlet.feed.format === "rss" ? "application/rss+xml" : "application/atom+xml"}; charset=utf-8`,
    lastModified: lastModified(articles),
    render: (baseUrl) =>
      (outlet.feed.format === "rss" ? renderRssFeed : renderAtomFeed)({ baseUrl, outlet, articles }),
  });

  for (const article of articles) {
    const others = articles.filter((a) => a !== article);
    const related = [...others]
      .sort((a, b) => Math.abs(time(a) - time(article)) - Math.abs(time(b) - time(article)))
      .slice(0, 3)
      .map((a) => link(outlet, a));
    const recent = others.slice(0, 5).map((a) => link(outlet, a));
    add(articlePath(outlet, article), {
      contentType: HTML,
      lastModified: new Date(article.updated ?? article.published),
      render: (baseUrl) => articleRenderers[outlet.style]({ baseUrl, outlet, article, related, recent }),
    });
    for (const image of imagesOf(article)) {
      const svg = renderSvg(image, outlet.name);
      add(imagePath(outlet.slug, image.name), {
        contentType: "image/svg+xml",
        lastModified: new Date(article.published),
        render: () => svg,
      });
    }
  }
}

/** Builds the full route table (paths are independent of the port; bodies are rendered per request). */
export function buildRoutes(): Map<string, Resource> {
  const routes = new Map<string, Resource>();
  routes.set("/", {
    contentType: HTML,
    lastModified: lastModified(demoArticles),
    render: (baseUrl) => renderRootIndex(baseUrl, demoOutlets),
  });
  for (const outlet of demoOutlets) addOutlet(routes, outlet);
  return routes;
}
