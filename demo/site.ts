/** @module The demo origin's route table: every path it serves, with content type, modification time and renderer. */
import {
  articlesOf,
  type DemoArticle,
  type DemoOutlet,
  type DemoSectionFeed,
  demoArticles,
  demoOutlets,
  type FeedFormat,
  imagesOf,
  type OutletStyle,
} from "./content/index.ts";
import type { EditTimeline } from "./edits.ts";
import { articlePath, authorPath, feedPath, homePath, imagePath, sectionPath, tagPath } from "./paths.ts";
import { renderBemArticle } from "./render/bem-style.ts";
import { type ArticlePageContext, feedMimeType, type RelatedLink } from "./render/context.ts";
import { renderAtomFeed } from "./render/feed-atom.ts";
import { newestTimestamp } from "./render/feed-content.ts";
import { renderJsonFeed } from "./render/feed-json.ts";
import { type FeedInput, renderRssFeed } from "./render/feed-rss.ts";
import { renderHentryArticle } from "./render/hentry-style.ts";
import { renderJsonLdArticle } from "./render/jsonld-style.ts";
import { renderLegacyArticle } from "./render/legacy-style.ts";
import { renderOutletListing, renderRootIndex } from "./render/listing.ts";
import { renderSvg } from "./render/svg.ts";
import { renderWordpressArticle } from "./render/wordpress-style.ts";

export interface Resource {
  contentType: string;
  /** Read per request: the demo's headline edit moves it for the pages and feed that show the edit. */
  lastModified: () => Date;
  /** Renders the body; absolute links are built from baseUrl (no trailing slash). */
  render: (baseUrl: string) => string;
  /** Called after a request was answered (with 200 or 304), with its method. */
  answered?: (method: string | undefined) => void;
}

const HTML = "text/html; charset=utf-8";

const articleRenderers: Record<OutletStyle, (ctx: ArticlePageContext) => string> = {
  wordpress: renderWordpressArticle,
  bem: renderBemArticle,
  jsonld: renderJsonLdArticle,
  legacy: renderLegacyArticle,
  hentry: renderHentryArticle,
};

const feedRenderers: Record<FeedFormat, (input: FeedInput) => string> = {
  rss: renderRssFeed,
  atom: renderAtomFeed,
  json: renderJsonFeed,
};

const time = (a: DemoArticle): number => Date.parse(a.published);

function lastModified(articles: readonly DemoArticle[]): Date {
  return new Date(newestTimestamp(articles));
}

function addOutlet(routes: Map<string, Resource>, outlet: DemoOutlet, edits: EditTimeline): void {
  const add = (path: string, resource: Resource): void => {
    if (routes.has(path)) throw new Error(`demo origin: duplicate route ${path}`);
    routes.set(path, resource);
  };
  const articles = articlesOf(outlet.slug);
  const onPage = (list: readonly DemoArticle[]): DemoArticle[] => list.map((a) => edits.onPage(a));
  const links = (list: readonly DemoArticle[]): RelatedLink[] =>
    onPage(list).map((a) => ({ title: a.headline, path: articlePath(outlet, a) }));
  const listing = (
    path: string,
    heading: string | null,
    keep: (a: DemoArticle) => boolean,
    section?: string,
  ): void => {
    const list = articles.filter(keep);
    add(path, {
      contentType: HTML,
      lastModified: () => lastModified(onPage(list)),
      render: (baseUrl) => renderOutletListing({ baseUrl, outlet, heading, section, articles: onPage(list) }),
    });
  };

  listing(homePath(outlet), null, () => true);
  for (const s of outlet.sections) {
    listing(sectionPath(outlet, s.slug), s.name, (a) => a.section === s.slug, s.slug);
  }
  for (const author of new Set(articles.map((a) => a.author))) {
    listing(authorPath(outlet, author), author, (a) => a.author === author);
  }
  if (outlet.style === "wordpress") {
    for (const tag of new Set(articles.flatMap((a) => a.tags))) {
      listing(tagPath(outlet, tag), `Tag: ${tag}`, (a) => a.tags.includes(tag));
    }
  }

  const inFeed = (): DemoArticle[] => articles.map((a) => edits.inFeed(a));
  add(feedPath(outlet), {
    contentType: `${feedMimeType(outlet)}; charset=utf-8`,
    lastModified: () => lastModified(inFeed()),
    render: (baseUrl) => feedRenderers[outlet.feed.format]({ baseUrl, outlet, articles: inFeed() }),
    answered: (method) => edits.feedAnswered(outlet.slug, method),
  });
  for (const feed of outlet.sectionFeeds) addSectionFeed(add, outlet, feed, articles, onPage);

  for (const article of articles) {
    const others = articles.filter((a) => a !== article);
    const related = [...others]
      .sort((a, b) => Math.abs(time(a) - time(article)) - Math.abs(time(b) - time(article)))
      .slice(0, 3);
    const recent = others.slice(0, 5);
    add(articlePath(outlet, article), {
      contentType: HTML,
      lastModified: () => {
        const shown = edits.onPage(article);
        return new Date(shown.updated ?? shown.published);
      },
      render: (baseUrl) =>
        articleRenderers[outlet.style]({
          baseUrl,
          outlet,
          article: edits.onPage(article),
          related: links(related),
          recent: links(recent),
        }),
    });
    for (const image of imagesOf(article)) {
      const svg = renderSvg(image, outlet.name);
      add(imagePath(outlet.slug, image.name), {
        contentType: "image/svg+xml",
        lastModified: () => new Date(article.published),
        render: () => svg,
      });
    }
  }
}

/** A section feed: the section's articles (also in the main feed), with tracking parameters on their links. */
function addSectionFeed(
  add: (path: string, resource: Resource) => void,
  outlet: DemoOutlet,
  feed: DemoSectionFeed,
  articles: readonly DemoArticle[],
  onPage: (list: readonly DemoArticle[]) => DemoArticle[],
): void {
  const list = articles.filter((a) => a.section === feed.section);
  add(feed.path, {
    contentType: `${feedMimeType(outlet)}; charset=utf-8`,
    lastModified: () => lastModified(onPage(list)),
    render: (baseUrl) =>
      feedRenderers[outlet.feed.format]({
        baseUrl,
        outlet,
        articles: onPage(list),
        title: feed.title,
        selfPath: feed.path,
        linkQuery: feed.linkQuery,
      }),
  });
}

/** Builds the full route table (paths are independent of the port; bodies are rendered per request). */
export function buildRoutes(edits: EditTimeline): Map<string, Resource> {
  const routes = new Map<string, Resource>();
  routes.set("/", {
    contentType: HTML,
    lastModified: () => lastModified(demoArticles.map((a) => edits.onPage(a))),
    render: (baseUrl) => renderRootIndex(baseUrl, demoOutlets),
  });
  for (const outlet of demoOutlets) addOutlet(routes, outlet, edits);
  return routes;
}
