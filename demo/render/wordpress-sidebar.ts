/** @module The Harbor Herald's WordPress-style sidebar: search, newsletter sign-up and recent posts widgets. */
import { escapeHtml as h } from "./escape.ts";

/** The #secondary widget area; recentItems is ready-made <li> markup. */
export function wordpressSidebar(home: string, recentItems: string): string {
  return `<aside id="secondary" class="widget-area">
  <section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="${h(home)}"><label><span class="screen-reader-text">Search for:</span><input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s"></label><input type="submit" class="search-submit" value="Search"></form></section>
  <section id="newsletter-3" class="widget widget_newsletter"><h2 class="widget-title">The Morning Tide</h2><p>Port Alder’s news in your inbox every weekday at 6 a.m.</p><form action="${h(home)}newsletter/" method="post"><input type="email" name="newsletter_email" placeholder="you@example.com" required><button type="submit">Subscribe</button></form></section>
  <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
${recentItems}
</ul></section>
</aside>`;
}
