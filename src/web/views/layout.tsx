/** @module The page frame: head (meta, social cards, feeds), skip link, header with nav, main, footer. */
import type { ComponentChildren } from "preact";
import { SearchForm } from "./search-form.tsx";

/** A feed advertised with <link rel="alternate">. */
export interface FeedLink {
  href: string;
  title: string;
  type: string;
}

/** The site's own feeds, advertised on every page. */
export const SITE_FEEDS: FeedLink[] = [
  { href: "/feed.xml", title: "Latest articles (RSS)", type: "application/rss+xml" },
  { href: "/feed.atom", title: "Latest articles (Atom)", type: "application/atom+xml" },
  { href: "/feed.json", title: "Latest articles (JSON Feed)", type: "application/feed+json" },
  { href: "/comments/feed.xml", title: "Latest comments (RSS)", type: "application/rss+xml" },
];

export interface LayoutProps {
  siteTitle: string;
  title: string;
  stylesheet: string;
  /** Hashed scripts every page loads (deferred): the relative-time script. */
  scripts?: string[];
  /** The front page and story pages use the full width for their grids; other pages keep a reading measure. */
  wide?: boolean;
  description?: string | null;
  pageUrl?: string | null;
  canonical?: string | null;
  ogType?: "article" | "website";
  image?: { url: string; alt: string } | null;
  /** Already script-safe JSON-LD (presenters/json-ld.ts escapes "<"), so it may be inlined raw. */
  jsonLd?: string | null;
  feeds?: FeedLink[];
  noindex?: boolean;
  children: ComponentChildren;
}

function SocialMeta(props: LayoutProps) {
  return (
    <>
      <meta property="og:site_name" content={props.siteTitle} />
      <meta property="og:type" content={props.ogType ?? "website"} />
      <meta property="og:title" content={props.title} />
      {props.description ? <meta property="og:description" content={props.description} /> : null}
      {props.pageUrl ? <meta property="og:url" content={props.pageUrl} /> : null}
      {props.image ? <meta property="og:image" content={props.image.url} /> : null}
      {props.image?.alt ? <meta property="og:image:alt" content={props.image.alt} /> : null}
      <meta name="twitter:card" content={props.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={props.title} />
      {props.description ? <meta name="twitter:description" content={props.description} /> : null}
      {props.image ? <meta name="twitter:image" content={props.image.url} /> : null}
    </>
  );
}

export function Layout(props: LayoutProps) {
  const fullTitle = props.title === props.siteTitle ? props.siteTitle : `${props.title} · ${props.siteTitle}`;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        <link rel="stylesheet" href={props.stylesheet} />
        {(props.scripts ?? []).map((src) => (
          <script key={src} src={src} defer />
        ))}
        {(props.feeds ?? []).map((f) => (
          <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        <SocialMeta {...props} />
        {props.jsonLd ? (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
        ) : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="header-inner">
            <a class="site-title" href="/">
              {props.siteTitle}
            </a>
            <nav class="site-nav" aria-label="Site">
              <ul>
                <li>
                  <a href="/">Home</a>
                </li>
                <li>
                  <a href="/sources">Sources</a>
                </li>
                <li>
                  <a href="/people">People</a>
                </li>
                <li>
                  <a href="/about">About</a>
                </li>
              </ul>
            </nav>
            <SearchForm id="site-search" />
          </div>
        </header>
        <main id="main" tabindex={-1} class={props.wide ? "wide" : undefined}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            Articles are republished from the outlets named on each page, with a link to the original.{" "}
            <a href="/about">How this site works</a> · <a href="/feed.xml">RSS feed</a> · Powered by Newsdesk.
          </p>
        </footer>
      </body>
    </html>
  );
}
