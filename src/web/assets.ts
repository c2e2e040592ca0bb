/** @module Static assets served under content-hashed names, so browsers may cache them forever. */
import { createHash } from "node:crypto";
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
export const assets: Asset[] = [stylesheet];
