/**
 * @module An article URL reduced to what names the article, so the same report reached through two
 * feeds (one link tagged for a campaign, the other its AMP copy) gets one key; and the outlet a
 * source belongs to. Pure: ingest/ and migration 0013's backfill share it.
 */

/**
 * Query parameters that say who shared or clicked a link, never which page it is. Matched
 * case-insensitively; `utm_*` (Google Analytics campaigns) is matched as a prefix.
 */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Ad and social click ids: Facebook, Google Ads (incl. iOS), DoubleClick, Microsoft, Yandex, X, TikTok, LinkedIn.
  "fbclid",
  "gclid",
  "gclsrc",
  "gbraid",
  "wbraid",
  "dclid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "li_fat_id",
  // Instagram shares.
  "igshid",
  "igsh",
  // Mailchimp, HubSpot, Marketo, Vero: newsletter links.
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
  "__hstc",
  "__hssc",
  "__hsfp",
  "mkt_tok",
  "vero_id",
  "vero_conv",
  // Google Analytics cross-domain linkers.
  "_ga",
  "_gl",
  // X/Twitter's referrer tags.
  "ref_src",
  "ref_url",
  // Publishers' own share and campaign tags: AT Internet (xtor, at_*), Adobe (s_cid), The Guardian (CMP),
  // The New York Times (smid, smtyp), Microsoft Start (ocid), Yahoo and others (ncid), Facebook shares.
  "xtor",
  "at_medium",
  "at_campaign",
  "at_custom1",
  "at_custom2",
  "at_custom3",
  "at_custom4",
  "s_cid",
  "cmp",
  "smid",
  "smtyp",
  "ocid",
  "ncid",
  "fb_action_ids",
  "fb_action_types",
  "fb_ref",
  "fb_source",
]);

/** Prefixes of tracking parameter names (utm_source, utm_medium, utm_campaign ...). */
const TRACKING_PREFIXES = ["utm_"];

/** Query parameters that only ask for the AMP rendering of the same page. */
function isAmpParam(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n === "amp" || n === "_amp") return true;
  return (n === "outputtype" || n === "output") && value.toLowerCase() === "amp";
}

function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * A Google AMP cache address (`www-example-com.cdn.ampproject.org/c/s/www.example.com/a`) as the
 * publisher's own URL it serves; null for any other address.
 */
function unwrapAmpCache(url: URL): string | null {
  if (!url.hostname.endsWith(".cdn.ampproject.org")) return null;
  const m = /^\/[a-z]\/(s\/)?(.+)$/.exec(url.pathname);
  if (!m?.[2]) return null;
  return `${m[1] ? "https" : "http"}://${m[2]}${url.search}`;
}

/** A host without the `www.` every outlet also answers on. */
function bareHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host.startsWith("www.") && host.length > 4 ? host.slice(4) : host;
}

/**
 * The key of an article URL, or null when `url` is not an http(s) URL. The key is host, path and
 * query without the scheme (http and https are the same page), with:
 * - the host lower-cased, without `www.` or an `amp.` prefix, and no port 80 or 443;
 * - no fragment, no trailing slash, no AMP path variant (a last `/amp` segment, `.amp.html`);
 * - no tracking parameters (TRACKING_PARAMS, `utm_*`) nor AMP ones (`amp`, `outputType=amp`),
 *   the rest sorted by name, then value.
 * Paths keep their case: servers may tell `/A` from `/a`.
 */
export function urlKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const cached = unwrapAmpCache(u);
  if (cached) return urlKey(cached);

  let host = bareHost(u.hostname);
  if (host.startsWith("amp.") && host.indexOf(".", 4) > 0) host = host.slice(4);
  const port = u.port === "" || u.port === "80" || u.port === "443" ? "" : `:${u.port}`;

  let path = u.pathname.replace(/\.amp\.html?$/i, ".html").replace(/\/+$/, "");
  // Trailing slashes again after the AMP segment: "/a//amp" is "/a", not "/a/".
  path = path.replace(/\/amp$/i, "").replace(/\/+$/, "");

  const params = [...u.searchParams].filter(([k, v]) => !isTrackingParam(k) && !isAmpParam(k, v));
  params.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : "";
  return `${host}${port}${path}${query}`;
}

/**
 * The key an article is stored under: its page's canonical URL when that names a page (a canonical
 * pointing at the site's home page is a publisher's template bug that would make every article
 * one), else the URL the page was fetched from, else the feed's link.
 */
export function articleUrlKey(
  canonicalUrl: string | null,
  ...fallbacks: Array<string | null>
): string | null {
  const canonical = canonicalUrl ? urlKey(canonicalUrl) : null;
  if (canonical && /[/?]/.test(canonical)) return canonical;
  for (const url of fallbacks) {
    const key = url ? urlKey(url) : null;
    if (key) return key;
  }
  return null;
}

/**
 * The outlet a source belongs to: the host of its site (the feed's home page link), else of its feed
 * URL, lower-cased and without `www.`; null for an address that is not a URL. Two feeds of one
 * outlet (news.example/rss/world, news.example/rss/uk) share it.
 */
export function outletHost(siteUrl: string | null, feedUrl: string): string | null {
  for (const url of [siteUrl, feedUrl]) {
    if (!url) continue;
    try {
      const host = bareHost(new URL(url).hostname);
      if (host) return host;
    } catch {
      // Not a URL: try the next one.
    }
  }
  return null;
}
