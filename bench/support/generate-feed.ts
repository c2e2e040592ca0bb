/** @module Realistic synthetic feeds for benchmarks: RSS 2.0 or Atom with N items of news-like HTML. */

const PARAGRAPH =
  "The council voted on Tuesday to approve the riverside plan, which had divided residents for months, after a long evening session in which supporters and opponents &amp; their lawyers spoke.";

/** An RSS 2.0 feed of `n` items, each with a description and `paragraphs` paragraphs of content:encoded. */
export function generateRss(n: number, paragraphs = 4): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2026, 10, 1) - i * 600_000).toUTCString();
    items.push(`<item><title>Story number ${i}: council approves plan &amp; budget</title>
<link>https://news.example/2026/11/story-${i}</link><guid isPermaLink="false">story-${i}</guid>
<pubDate>${date}</pubDate><dc:creator>Reporter ${i % 17}</dc:creator><category>Local</category><category>Politics</category>
<description>${PARAGRAPH}</description>
<content:encoded><![CDATA[${Array.from({ length: paragraphs }, () => `<p>${PARAGRAPH}</p>`).join("")}<figure><img src="https://news.example/img/${i}.jpg" alt="A photo"><figcaption>Caption ${i}</figcaption></figure>]]></content:encoded>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Generated News</title><link>https://news.example/</link><description>Bench feed</description>
${items.join("\n")}
</channel></rss>`;
}

/** An Atom 1.0 feed of `n` entries with HTML content. */
export function generateAtom(n: number, paragraphs = 4): string {
  const entries: string[] = [];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2026, 10, 1) - i * 600_000).toISOString();
    const html = Array.from({ length: paragraphs }, () => `<p>${PARAGRAPH}</p>`).join("");
    entries.push(`<entry><title>Story number ${i}</title><id>tag:news.example,2026:${i}</id>
<link rel="alternate" href="https://news.example/2026/11/story-${i}"/><updated>${date}</updated><published>${date}</published>
<author><name>Reporter ${i % 17}</name></author><category term="Local"/>
<summary type="html">${PARAGRAPH.replace(/&amp;/g, "&amp;amp;")}</summary>
<content type="html">${html.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</content></entry>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Generated News</title><link href="https://news.example/"/>
<id>tag:news.example,2026:feed</id><updated>2026-11-01T00:00:00Z</updated>
${entries.join("\n")}
</feed>`;
}
