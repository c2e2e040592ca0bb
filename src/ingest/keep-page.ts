/**
 * @module The page an article was built from, compressed for keeping (storage/article-pages.ts), or
 * null when pages are not kept or this one is over the size cap. gzip runs on libuv's thread pool,
 * so a large page never stalls the event loop.
 */
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import type { Config } from "../config/config.ts";
import type { FeedItem } from "../feeds/types.ts";
import type { KeptPage } from "../storage/article-pages.ts";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Fetched pages are mostly markup, which gzip shrinks five to ten times; level 6 is zlib's balance of time and size. */
const GZIP_LEVEL = 6;

export interface FetchedBytes {
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
}

export async function pageToKeep(
  item: FeedItem,
  fetched: FetchedBytes | null | undefined,
  config: Pick<Config, "pageArchiveDays" | "pageArchiveMaxBytes">,
  fetchedAt: string,
): Promise<KeptPage | null> {
  if (!fetched || config.pageArchiveDays === 0 || fetched.bytes.byteLength > config.pageArchiveMaxBytes)
    return null;
  const packed = await gzipAsync(fetched.bytes, { level: GZIP_LEVEL });
  return {
    url: fetched.finalUrl,
    contentType: fetched.contentType,
    fetchedAt,
    size: fetched.bytes.byteLength,
    gzip: new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength),
    item,
  };
}

/** The kept bytes again; refuses to inflate beyond `maxBytes` (a damaged or hostile row). */
export async function unpackPage(gz: Uint8Array, maxBytes: number): Promise<Buffer> {
  return gunzipAsync(gz, { maxOutputLength: Math.max(maxBytes, 1) });
}
