/**
 * @module Rendered pages kept in memory with their gzip and brotli forms (each compressed once, when
 * first asked for, not per request), least recently used dropped first within a byte budget.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import { type Encoding, etagFor } from "./conditional.ts";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One page, in the encodings asked for so far, with the headers each form is sent with. */
export interface CachedPage {
  /** The data version the page was rendered from. */
  version: number;
  /** The identity body's hash: the ETag, marked per encoding. */
  hash: string;
  /** Last-Modified in whole seconds (HTTP dates have no finer resolution). */
  lastModifiedMs: number;
  contentType: string;
  /** The identity form always; gzip and brotli once a reader has asked for them. */
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
  /** The 200's headers per form made so far, Content-Length included: a hit only looks them up. */
  headers: Partial<Record<Encoding, Record<string, string>>>;
  /** What a 304 repeats of them (RFC 9110 15.4.5): the validators and caching headers, not the body's. */
  notModified: Record<Encoding, Record<string, string>>;
  bytes: number;
}

/** Sent with every cacheable page: stored copies must ask again, and a 304 makes that cheap. */
export const PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate";

/**
 * Brotli at quality 6: on a 28 KB page it is 0.4% larger than quality 9 in a seventeenth of the time
 * (0.8 ms against 14 ms of CPU), and a page is compressed again at every data change, which comments
 * and ingest make many times a minute (the soak bench measured brotli 9 as the web workers' largest cost).
 */
function compress(body: Buffer, encoding: Exclude<Encoding, "identity">): Promise<Buffer> {
  return encoding === "br"
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 6,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level: 9 });
}

function headersFor(page: CachedPage, encoding: Encoding, body: Buffer): Record<string, string> {
  return {
    "content-type": page.contentType,
    ...page.notModified[encoding],
    ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
    "content-length": String(body.length),
  };
}

/**
 * The page with `encoding`'s form made (on libuv's thread pool) and its headers, as a new object: a page
 * is built in the form its first reader asked for, and the others only when someone asks (browsers all
 * take brotli: the gzip form a miss used to make too is then never sent).
 */
export async function withEncoding(page: CachedPage, encoding: Encoding): Promise<CachedPage> {
  if (page.bodies[encoding]) return page;
  const body =
    encoding === "identity" ? page.bodies.identity : await compress(page.bodies.identity, encoding);
  return {
    ...page,
    bodies: { ...page.bodies, [encoding]: body },
    headers: { ...page.headers, [encoding]: headersFor(page, encoding, body) },
    bytes: page.bytes + body.length,
  };
}

/** A page from its rendered `body`, with the form `encoding` made (see withEncoding). */
export async function buildCachedPage(
  body: Buffer,
  contentType: string,
  version: number,
  lastModifiedMs: number,
  encoding: Encoding,
): Promise<CachedPage> {
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 22);
  const lastModified = new Date(lastModifiedMs).toUTCString();
  const notModifiedFor = (e: Encoding): Record<string, string> => ({
    etag: etagFor(hash, e),
    "last-modified": lastModified,
    "cache-control": PAGE_CACHE_CONTROL,
    vary: "Accept-Encoding",
  });
  const page: CachedPage = {
    version,
    hash,
    lastModifiedMs,
    contentType,
    bodies: { identity: body },
    headers: {},
    notModified: {
      identity: notModifiedFor("identity"),
      gzip: notModifiedFor("gzip"),
      br: notModifiedFor("br"),
    },
    bytes: body.length,
  };
  page.headers.identity = headersFor(page, "identity", body);
  return withEncoding(page, encoding);
}

/** Every form of a file served for ever (hashed assets), compressed at start at the highest levels. */
export function compressOnce(body: string): Record<Encoding, Buffer> {
  const identity = Buffer.from(body);
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

/** A Map in recency order (oldest first), bounded by the bytes of the bodies it holds. */
export class RenderCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Move to the newest end: delete and set keep a Map's insertion order as recency order.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: CachedPage): void {
    if (page.bytes > this.maxBytes / 8) return; // one huge page must not flush everything else
    this.delete(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const [oldKey] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldKey);
    }
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }

  /** Drops every page: after the data version moves, none of them is current. */
  clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.pages.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
