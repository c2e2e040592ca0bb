/** @module fetchUrl: the one way Newsdesk reads from the network, with time and size caps. */

import type { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { request } from "undici";
import { NewsdeskError } from "../errors.ts";
import type { FetchOptions, FetchResult } from "./types.ts";

const DEFAULT_MAX_REDIRECTS = 5;

function decoderFor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** Drops a response body we will not read; undici reports the abort as an error event, which we expect. */
function discard(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Reads a body stream up to `maxBytes`, decompressing as it goes, and stops as soon as it is over. */
async function readCapped(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on("error", (err) => decoder.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        throw new NewsdeskError("fetch.too_large", `fetch: ${url} is larger than the ${maxBytes}-byte limit`);
      }
      chunks.push(chunk as Buffer);
    }
  } finally {
    discard(body);
    if (decoder) discard(decoder);
  }
  return Buffer.concat(chunks);
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NewsdeskError("fetch.bad_url", `fetch: "${raw}" is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NewsdeskError(
      "fetch.bad_url",
      `fetch: only http and https URLs are fetched, not ${url.protocol}`,
    );
  }
  return url;
}

function describeNetworkError(err: unknown, url: string, timeoutMs: number): NewsdeskError {
  if (err instanceof NewsdeskError) return err;
  const e = err as { name?: string; code?: string; message?: string };
  if (
    e.name === "TimeoutError" ||
    e.name === "AbortError" ||
    (e.code?.startsWith("UND_ERR_") && /TIMEOUT/.test(e.code))
  ) {
    return new NewsdeskError("fetch.timeout", `fetch: ${url} did not answer within ${timeoutMs} ms`, {
      cause: err,
    });
  }
  const code = e.code ? ` (${e.code})` : "";
  return new NewsdeskError(
    "fetch.network",
    `fetch: could not reach ${url}: ${e.message ?? String(err)}${code}`,
    {
      cause: err,
    },
  );
}

/**
 * GETs `rawUrl`, following up to 5 redirects, and returns the decoded-transfer body as bytes.
 * Throws NewsdeskError on a bad URL, a timeout, a network failure, a non-2xx status or an oversize body.
 */
export async function fetchUrl(rawUrl: string, options: FetchOptions): Promise<FetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = checkUrl(rawUrl);
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        "user-agent": options.userAgent,
        accept: options.accept ?? "*/*",
        "accept-encoding": "gzip, deflate, br",
      };
      if (options.etag) headers["if-none-match"] = options.etag;
      if (options.lastModified) headers["if-modified-since"] = options.lastModified;
      const res = await request(current, {
        method: "GET",
        headers,
        signal,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      const location = header(res.headers, "location");
      if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && location) {
        discard(res.body);
        if (hop >= maxRedirects) {
          throw new NewsdeskError(
            "fetch.http_status",
            `fetch: ${rawUrl} redirected more than ${maxRedirects} times`,
          );
        }
        current = checkUrl(new URL(location, current).toString());
        continue;
      }
      const base = {
        url: rawUrl,
        finalUrl: current.toString(),
        status: res.statusCode,
        contentType: header(res.headers, "content-type"),
        etag: header(res.headers, "etag"),
        lastModified: header(res.headers, "last-modified"),
      };
      if (res.statusCode === 304) {
        discard(res.body);
        return { ...base, notModified: true, bytes: Buffer.alloc(0) };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        discard(res.body);
        throw new NewsdeskError("fetch.http_status", `fetch: ${current} answered HTTP ${res.statusCode}`);
      }
      const declared = Number(header(res.headers, "content-length"));
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        discard(res.body);
        throw new NewsdeskError(
          "fetch.too_large",
          `fetch: ${current} is ${declared} bytes, over the ${options.maxBytes}-byte limit`,
        );
      }
      const bytes = await readCapped(
        res.body,
        header(res.headers, "content-encoding") ?? undefined,
        options.maxBytes,
        current.toString(),
      );
      return { ...base, notModified: false, bytes };
    }
  } catch (err) {
    throw describeNetworkError(err, current.toString(), options.timeoutMs);
  }
}
