/** @module The site's own absolute base URL, from the settings alone: feeds, sitemaps and email links use it. */
import type { Config } from "./config.ts";

/**
 * The site's absolute base URL without a trailing slash: NEWSDESK_PUBLIC_URL, else http://HOST:PORT.
 * Never the request's Host header, which a client chooses and a cache could then serve to others.
 */
export function siteBaseUrl(config: Pick<Config, "publicUrl" | "host" | "port">): string {
  if (config.publicUrl) return config.publicUrl;
  const host =
    config.host === "0.0.0.0" || config.host === "::" || config.host === "" ? "127.0.0.1" : config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${config.port}`;
}
