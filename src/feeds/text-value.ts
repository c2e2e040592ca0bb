/** @module Turning a feed's TextValue into HTML or plain text for the stages that use it. */
import { DecodingMode, decodeHTML } from "entities";
import { escapeHtml } from "../util/html.ts";
import type { TextValue } from "./types.ts";

/** As HTML: plain text is escaped, markup is passed through (still untrusted: sanitize it). */
export function textValueToHtml(tv: TextValue | null): string | null {
  if (!tv) return null;
  return tv.type === "html" ? tv.value : escapeHtml(tv.value);
}

/** As plain text: markup is dropped crudely here; callers that store it use sanitize/ for the real thing. */
export function textValueToPlain(tv: TextValue | null): string {
  if (!tv) return "";
  if (tv.type === "text") return tv.value.replace(/\s+/g, " ").trim();
  return decodeHTML(tv.value.replace(/<[^>]*>/g, ""), DecodingMode.Legacy)
    .replace(/\s+/g, " ")
    .trim();
}

/** Feeds often mark titles and descriptions as text yet put HTML in them; this is the usual guess. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-zA-Z][\w:-]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i.test(s);
}
