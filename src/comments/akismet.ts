/**
 * @module The optional Akismet-compatible check, the comment code's one outbound call (an I/O edge).
 * Only used when NEWSDESK_AKISMET_KEY is set. It goes straight through undici rather than the
 * Fetcher: the Fetcher refuses private addresses, and a self-hosted checker may well sit on one.
 * Any failure or timeout answers "unavailable", which holds the comment: nothing is ever lost.
 */
import { request } from "undici";
import type { AkismetVerdict } from "./spam-checks.ts";

export interface AkismetSettings {
  key: string;
  /** Base URL; the check is POSTed to `<url>/comment-check`. */
  url: string;
  /** The site's public address (Akismet's `blog`). */
  site: string;
  timeoutMs?: number;
}

export interface AkismetComment {
  ip: string | null;
  userAgent: string | null;
  permalink: string;
  name: string;
  email: string;
  website: string | null;
  body: string;
}

/** The service answers "true" or "false"; a longer answer is not one we understand (and is not read on). */
const MAX_ANSWER_CHARS = 1024;

/** Asks the service; "off" without a key, "unavailable" on any error, else its verdict. */
export async function akismetCheck(settings: AkismetSettings, c: AkismetComment): Promise<AkismetVerdict> {
  if (settings.key === "") return "off";
  const form = new URLSearchParams({
    api_key: settings.key,
    blog: settings.site,
    user_ip: c.ip ?? "",
    user_agent: c.userAgent ?? "",
    permalink: c.permalink,
    comment_type: "comment",
    comment_author: c.name,
    comment_author_email: c.email,
    comment_author_url: c.website ?? "",
    comment_content: c.body,
  });
  const timeout = settings.timeoutMs ?? 3000;
  try {
    const res = await request(`${settings.url.replace(/\/+$/, "")}/comment-check`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      return "unavailable";
    }
    // The answer is "true" or "false"; a service sending more is not one we understand.
    let text = "";
    for await (const chunk of res.body) {
      text += chunk;
      if (text.length > MAX_ANSWER_CHARS) {
        res.body.destroy();
        return "unavailable";
      }
    }
    text = text.trim();
    if (text === "true") return "spam";
    if (text === "false") return "ham";
    return "unavailable";
  } catch {
    return "unavailable";
  }
}
