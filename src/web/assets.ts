/** @module Static assets served under content-hashed names, so browsers may cache them forever. */
import { createHash } from "node:crypto";
import { commentFormJs } from "./assets/comment-form-script.ts";
import { relativeTimeJs } from "./assets/relative-time-script.ts";
import { styleCss } from "./assets/style.ts";

export interface Asset {
  path: string;
  contentType: string;
  body: string;
}

function hashed(name: string, ext: string, body: string, contentType: string): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { path: `/assets/${name}.${hash}.${ext}`, contentType, body };
}

export const stylesheet = hashed("style", "css", styleCss, "text/css; charset=utf-8");
/** Refreshes the comment form's token when a reader starts writing (see assets/comment-form-script.ts). */
export const commentFormScript = hashed(
  "comment-form",
  "js",
  commentFormJs,
  "text/javascript; charset=utf-8",
);
/** Shows list cards' times as "3 hours ago" in the reader's browser (see assets/relative-time-script.ts). */
export const relativeTimeScript = hashed(
  "relative-time",
  "js",
  relativeTimeJs,
  "text/javascript; charset=utf-8",
);
export const assets: Asset[] = [stylesheet, commentFormScript, relativeTimeScript];
