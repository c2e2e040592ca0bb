/**
 * @module Tests of the demo origin: feeds (main and section), article pages, images, the headline edit,
 * errors, conditional requests and shutdown.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { SaxesParser } from "saxes";
import { type DemoArticle, demoArticles, demoOutlets, findOutlet, revisedVersion } from "./content/index.ts";
import { type DemoFeed, type DemoOrigin, startDemoOrigin } from "./origin.ts";
import { articlePath } from "./paths.ts";
import { escapeHtml } from "./render/escape.ts";

interface XmlNode {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses XML with namespaces into a small tree; throws on any well-formedness error. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [key, attr] of Object.entries(tag.attributes)) attrs[key] = attr.value;
    const node: XmlNode = { name: tag.local, uri: tag.uri, attrs, children: [], text: "" };
    stack.at(-1)?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on("closetag", () => void stack.pop());
  const addText = (text: string): void => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(xml).close();
  assert.ok(root, "document has a root element");
  return root;
}

const child = (node: XmlNode, name: string): XmlNode | undefined =>
  node.children.find((c) => c.name === name);
const children = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);

interface FeedItem {
  title: string;
  link: string;
  id: string;
  date: string;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  date_published: string;
}

/** The items of a feed document of any of the three formats. */
function readFeed(text: string, format: DemoFeed["format"]): FeedItem[] {
  if (format !== "json") return feedItems(parseXml(text));
  const feed = JSON.parse(text) as { version: string; items: JsonFeedItem[] };
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  return feed.items.map((i) => ({ title: i.title, link: i.url, id: i.id, date: i.date_published }));
}

const mediaTypes: Record<DemoFeed["format"], string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

/** The headlines an article can show: its own, and its revised one if it is ever edited. */
const headlines = (a: DemoArticle): string[] => [a.headline, revisedVersion(a).headline];

const TRACKING = "?utm_source=rss&utm_medium=feed";

function feedItems(root: XmlNode): FeedItem[] {
  if (root.name === "rss") {
    const channel = child(root, "channel");
    assert.ok(channel);
    return children(channel, "item").map((item) => ({
      title: child(item, "title")?.text ?? "",
      link: child(item, "link")?.text ?? "",
      id: child(item, "guid")?.text ?? "",
      date: child(item, "pubDate")?.text ?? "",
    }));
  }
  assert.equal(root.uri, "http://www.w3.org/2005/Atom");
  return children(root, "entry").map((entry) => ({
    title: child(entry, "title")?.text ?? "",
    link: children(entry, "link").find((l) => l.attrs.rel === "alternate")?.attrs.href ?? "",
    id: child(entry, "id")?.text ?? "",
    date: child(entry, "published")?.text ?? "",
  }));
}

const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d [+-]\d{4}$/;
const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;

/** The text between the opening and closing tag of the first `tag` element. */
function elementText(html: string, tag: string): string | undefined {
  return new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(html)?.[1];
}

describe("demo origin", () => {
  let origin: DemoOrigin;
  const pages = new Map<string, string>();

  before(async () => {
    origin = await startDemoOrigin();
  });
  after(async () => {
    await origin.close();
  });

  test("base URL and feed list", () => {
    assert.match(origin.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const main = origin.feeds.filter((f) => f.kind === "main");
    assert.deepEqual(
      main.map((f) => f.outletSlug),
      demoOutlets.map((o) => o.slug),
    );
    assert.equal(origin.feeds.length, main.length + demoOutlets.flatMap((o) => o.sectionFeeds).length);
    assert.ok(origin.feeds.some((f) => f.kind === "section"));
    for (const format of ["rss", "atom", "json"] as const)
      assert.ok(origin.feeds.some((f) => f.format === format));
  });

  test("every feed is well-formed, typed and lists the outlet's (or section's) articles", async () => {
    for (const feed of origin.feeds) {
      const res = await fetch(feed.feedUrl);
      assert.equal(res.status, 200, feed.feedUrl);
      assert.equal(res.headers.get("content-type"), `${mediaTypes[feed.format]}; charset=utf-8`);
      assert.ok(res.headers.get("etag") && res.headers.get("last-modified"));
      const text = await res.text();
      if (feed.format !== "json") assert.equal(parseXml(text).name, feed.format === "rss" ? "rss" : "feed");
      const items = readFeed(text, feed.format);
      const section = findOutlet(feed.outletSlug)?.sectionFeeds.find((f) => feed.feedUrl.endsWith(f.path));
      const expected = demoArticles.filter(
        (a) => a.outletSlug === feed.outletSlug && (!section || a.section === section.section),
      );
      assert.ok(expected.length > 0);
      assert.equal(items.length, expected.length, feed.feedUrl);
      assert.equal(new Set(items.map((i) => i.id)).size, items.length, "ids are unique");
      for (const item of items) {
        assert.ok(item.link.startsWith(`${origin.baseUrl}/${feed.outletSlug}/`), item.link);
        assert.equal(item.link.endsWith(TRACKING), feed.kind === "section", item.link);
        assert.match(item.date, feed.format === "rss" ? rfc822 : rfc3339);
        assert.ok(
          expected.some((a) => headlines(a).includes(item.title)),
          item.title,
        );
      }
    }
  });

  test("every feed item link is a full article page", async () => {
    for (const feed of origin.feeds.filter((f) => f.kind === "main")) {
      const items = readFeed(await (await fetch(feed.feedUrl)).text(), feed.format);
      for (const item of items) {
        const res = await fetch(item.link);
        assert.equal(res.status, 200, item.link);
        assert.equal(res.headers.get("content-type"), "text/html; charset=utf-8");
        const html = await res.text();
        pages.set(item.link, html);
        const path = new URL(item.link).pathname;
        const outlet = findOutlet(feed.outletSlug);
        assert.ok(outlet);
        const article = demoArticles.find(
          (a) => a.outletSlug === outlet.slug && articlePath(outlet, a) === path,
        );
        assert.ok(article, `article for ${path}`);
        // The page shows the version the feed just listed (the edited article is revised by now).
        assert.ok(headlines(article).includes(item.title), path);
        const headline = escapeHtml(item.title);
        assert.equal(elementText(html, "h1"), headline);
        assert.ok(elementText(html, "title")?.startsWith(headline));
        assert.ok(html.includes(`title="${headline}"`), "lead image title attribute");
        const caption = elementText(html, "figcaption") ?? "";
        assert.ok(caption.includes(escapeHtml(article.leadImage.caption)), `caption in ${path}`);
        assert.ok(caption.includes(escapeHtml(article.leadImage.credit)), `credit in ${path}`);
        assert.match(html, /<form[^>]*>[\s\S]*name="comment"[\s\S]*<\/form>/);
        assert.match(html, /Your email address will not be published\./);
        assert.match(html, /Leave a [Rr]eply/);
        assert.match(html, /newsletter/i);
      }
    }
    assert.equal(pages.size, demoArticles.length);
  });

  test("pages load nothing from other origins, and their images are SVG", async () => {
    const images = new Set<string>();
    for (const [url, html] of pages) {
      for (const m of html.matchAll(
        /<(?:img|script|link|iframe|source)\b[^>]*?\s(?:src|data-src|href|srcset)="([^"]*)"/g,
      )) {
        const ref = m[1] ?? "";
        if (ref.startsWith("data:")) continue;
        const resolved = new URL(ref.replaceAll("&amp;", "&"), url);
        assert.equal(resolved.origin, origin.baseUrl, `${ref} in ${url}`);
        if (resolved.pathname.endsWith(".svg")) images.add(resolved.href);
      }
    }
    assert.ok(images.size > demoArticles.length, "lead and inline images");
    for (const image of images) {
      const res = await fetch(image);
      assert.equal(res.status, 200, image);
      assert.equal(res.headers.get("content-type"), "image/svg+xml");
      assert.equal(parseXml(await res.text()).name, "svg");
    }
  });

  test("home pages advertise their feed for autodiscovery", async () => {
    for (const feed of origin.feeds) {
      const html = await (await fetch(feed.siteUrl)).text();
      const link = `<link rel="alternate" type="${mediaTypes[feed.format]}" title="${escapeHtml(feed.title)}" href="${feed.feedUrl}">`;
      assert.ok(html.includes(link), `${feed.siteUrl} advertises ${feed.feedUrl}`);
    }
    const root = await fetch(`${origin.baseUrl}/`);
    assert.equal(root.status, 200);
    const text = await root.text();
    for (const outlet of demoOutlets) assert.ok(text.includes(`href="/${outlet.slug}/"`));
    for (const feed of origin.feeds) assert.ok(text.includes(`href="${feed.feedUrl}"`), feed.feedUrl);
  });

  test("a section feed lists an article of the main feed again, its link carrying tracking parameters", async () => {
    const section = origin.feeds.find((f) => f.kind === "section");
    const main = origin.feeds.find((f) => f.kind === "main" && f.outletSlug === section?.outletSlug);
    assert.ok(section && main);
    const sectionItems = readFeed(await (await fetch(section.feedUrl)).text(), section.format);
    const mainItems = readFeed(await (await fetch(main.feedUrl)).text(), main.format);
    assert.ok(sectionItems.length >= 1);
    for (const item of sectionItems) {
      assert.ok(item.link.endsWith(TRACKING), item.link);
      const clean = item.link.slice(0, -TRACKING.length);
      const same = mainItems.find((m) => m.link === clean);
      assert.ok(same, `${clean} is in the main feed`);
      assert.equal(same.id, item.id, "same guid in both feeds");
      assert.equal(same.title, item.title);
      const [tracked, plain] = await Promise.all([fetch(item.link), fetch(clean)]);
      assert.equal(tracked.status, 200);
      assert.equal(await tracked.text(), await plain.text(), "the tracked link serves the same page");
    }
    const sectionPage = await (
      await fetch(
        `${new URL(section.feedUrl).origin}${new URL(section.feedUrl).pathname.replace(/feed\/$/, "")}`,
      )
    ).text();
    assert.ok(sectionPage.includes(`href="${section.feedUrl}"`), "the section page advertises its feed");
  });

  test("unknown paths are 404 HTML, other methods 405, HEAD has no body", async () => {
    const missing = await fetch(`${origin.baseUrl}/no/such/page`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(await missing.text(), /404/);
    const post = await fetch(`${origin.baseUrl}/`, { method: "POST", body: "x" });
    assert.equal(post.status, 405);
    await post.arrayBuffer();
    const head = await fetch(origin.feeds[0]?.feedUrl ?? "", { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.ok(Number(head.headers.get("content-length")) > 0);
    assert.equal((await head.arrayBuffer()).byteLength, 0);
  });

  test("conditional requests get 304", async () => {
    const url = origin.feeds[1]?.feedUrl ?? "";
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get("etag") ?? "";
    const lastModified = first.headers.get("last-modified") ?? "";
    const byEtag = await fetch(url, { headers: { "If-None-Match": etag } });
    assert.equal(byEtag.status, 304);
    const byDate = await fetch(url, { headers: { "If-Modified-Since": lastModified } });
    assert.equal(byDate.status, 304);
    const stale = await fetch(url, { headers: { "If-None-Match": '"something-else"' } });
    assert.equal(stale.status, 200);
    await stale.arrayBuffer();
  });

  test("a busy port is a clear error", async () => {
    const port = Number(new URL(origin.baseUrl).port);
    await assert.rejects(startDemoOrigin({ port }), /already in use \(EADDRINUSE\)/);
  });
});

test("close() stops the server even with keep-alive connections open", async () => {
  const origin = await startDemoOrigin();
  const res = await fetch(`${origin.baseUrl}/`);
  await res.text();
  await origin.close();
  await origin.close();
  await assert.rejects(fetch(`${origin.baseUrl}/`));
});

test("the edited article: original until its feed has been requested once, revised from the second request on", async () => {
  const origin = await startDemoOrigin();
  try {
    const article = demoArticles.find((a) => a.revision);
    assert.ok(article);
    const revised = revisedVersion(article);
    const outlet = findOutlet(article.outletSlug);
    const feed = origin.feeds.find((f) => f.kind === "main" && f.outletSlug === article.outletSlug);
    assert.ok(outlet && feed);
    const pageUrl = origin.baseUrl + articlePath(outlet, article);
    const page = async (): Promise<string> => (await (await fetch(pageUrl)).text()).replace(/\s+/g, " ");
    const feedItem = async (): Promise<{ item: FeedItem; lastModified: string }> => {
      const res = await fetch(feed.feedUrl);
      const item = readFeed(await res.text(), feed.format).find((i) => i.link === pageUrl);
      assert.ok(item, "the feed lists the article");
      return { item, lastModified: res.headers.get("last-modified") ?? "" };
    };

    assert.equal(elementText(await page(), "h1"), escapeHtml(article.headline));
    const head = await fetch(feed.feedUrl, { method: "HEAD" });
    await head.arrayBuffer();
    const first = await feedItem();
    assert.equal(first.item.title, article.headline, "a HEAD does not count as a request");
    assert.equal(
      elementText(await page(), "h1"),
      escapeHtml(article.headline),
      "unchanged after one request",
    );

    const second = await feedItem();
    assert.equal(second.item.title, revised.headline, "the second request sees the edit");
    assert.notEqual(second.item.title, first.item.title);
    assert.equal(second.item.id, first.item.id, "same guid");
    assert.equal(second.item.link, first.item.link, "same link");
    assert.ok(Date.parse(second.lastModified) > Date.parse(first.lastModified), "Last-Modified moves");

    const html = await page();
    assert.equal(elementText(html, "h1"), escapeHtml(revised.headline), "the page shows the revision");
    const note = revised.body.at(-1);
    assert.ok(note?.type === "p" && html.includes(escapeHtml(note.text)), "with its correction note");
    assert.equal((await feedItem()).item.title, revised.headline, "and stays revised");
  } finally {
    await origin.close();
  }
});
