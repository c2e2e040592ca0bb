/** @module Renders a page body inside the layout to a complete HTML document. */
import type { ComponentChildren } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Config } from "../config/config.ts";
import { stylesheet } from "./assets.ts";
import { Layout } from "./views/layout.tsx";

export interface PageHead {
  title: string;
  description?: string | null;
}

/** `<!doctype html>` plus the server-rendered page; preact escapes every text and attribute. */
export function renderPage(config: Config, head: PageHead, body: ComponentChildren): string {
  const tree = (
    <Layout
      siteTitle={config.siteTitle}
      title={head.title}
      stylesheet={stylesheet.path}
      description={head.description}
    >
      {body}
    </Layout>
  );
  return `<!doctype html>${renderToString(tree)}`;
}
