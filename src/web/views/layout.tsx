/** @module The page frame: head, skip link, header, main landmark, footer. No data access. */
import type { ComponentChildren } from "preact";

export interface LayoutProps {
  siteTitle: string;
  title: string;
  stylesheet: string;
  description?: string | null;
  children: ComponentChildren;
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
        <link rel="stylesheet" href={props.stylesheet} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <a class="site-title" href="/">
            {props.siteTitle}
          </a>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>
            Articles are republished from the outlets named on each page, with a link to the original. Powered
            by Newsdesk.
          </p>
        </footer>
      </body>
    </html>
  );
}
