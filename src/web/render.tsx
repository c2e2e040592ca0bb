/** @module Renders a page body inside the layout to a complete HTML document. */
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Config } from "../config/config.ts";
import { relativeTimeScript, stylesheet } from "./assets.ts";
import { siteUrl } from "./presenters/paths.ts";
import { type FeedLink, Layout, SITE_FEEDS } from "./views/layout.tsx";

export interface PageHead {
  title: string;
  description?: string | null;
  /** The page's own path; becomes og:url (absolute when NEWSDESK_PUBLIC_URL is set). */
  path?: string;
  /** Absolute URL or path for rel=canonical; omitted when the page has none worth stating. */
  canonical?: string | null;
  /** og:type: "article" for article pages, "website" otherwise. */
  ogType?: "article" | "website";
  image?: { url: string; alt: string } | null;
  /** Already script-safe JSON (see presenters/json-ld.ts). */
  jsonLd?: string | null;
  /** Feeds of this page (a source's, a topic's), listed after the site's own. */
  feeds?: FeedLink[];
  /** Search result pages and error pages ask not to be indexed. */
  noindex?: boolean;
  /** Full-width main (the front page's and story pages' grids). */
  wide?: boolean;
}

/** `<!doctype html>` plus the server-rendered page; preact escapes every text and attribute. */
export function renderPage(config: Config, head: PageHead, body: ComponentChildren): string {
  const tree = (
    <Layout
      siteTitle={config.siteTitle}
      title={head.title}
      stylesheet={stylesheet.path}
      scripts={[relativeTimeScript.path]}
      wide={head.wide ?? false}
      description={head.description}
      // og:url must be absolute; without a configured public address there is none to give.
      pageUrl={head.path && config.publicUrl ? siteUrl(config.publicUrl, head.path) : null}
      canonical={head.canonical ?? null}
      ogType={head.ogType ?? "website"}
      image={head.image ?? null}
      jsonLd={head.jsonLd ?? null}
      feeds={[...SITE_FEEDS, ...(head.feeds ?? [])]}
      noindex={head.noindex ?? false}
    >
      {body}
    </Layout>
  );
  return `<!doctype html>${renderToString(tree)}`;
}
