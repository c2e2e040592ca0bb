/** @module NEWSDESK_TRUST_PROXY as Fastify's `trustProxy` option. */

/**
 * The proxies whose X-Forwarded-For/-Proto/-Host are believed: a list of IPs or CIDRs from the
 * comma-separated setting, or false (the default) when it is empty, so a direct client cannot claim
 * another address or HTTPS.
 */
export function trustProxyOption(setting: string): string[] | false {
  const list = setting
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return list.length > 0 ? list : false;
}
