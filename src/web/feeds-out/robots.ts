/** @module robots.txt (RFC 9309): every public page open, the admin and WebSub callbacks closed, the sitemaps named. */

/** The robots.txt for a site at `base` (absolute, no trailing slash). */
export function buildRobotsTxt(base: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin",
    "Disallow: /websub",
    "",
    `Sitemap: ${base}/sitemap.xml`,
    `Sitemap: ${base}/sitemap-news.xml`,
    "",
  ].join("\n");
}
