/** @module Reads a response body up to a byte cap, undoing Content-Encoding (gzip, deflate, br, chained) as it goes. */
import type { Readable, Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { NewsdeskError } from "../errors.ts";

/** More layers than this is not a real server; it is an attempt to multiply a bomb. */
const MAX_ENCODING_LAYERS = 2;

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
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

/** Drops a stream we will not read further; its abort error is expected and ignored. */
export function discard(stream: Readable): void {
  stream.on("error", () => {});
  stream.destroy();
}

/**
 * Reads `body` into one Buffer of at most `maxBytes` decoded bytes and throws fetch.too_large as soon
 * as the decoded size passes it, so a decompression bomb costs at most the cap in memory.
 * Unknown encodings (or "identity") are passed through untouched.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | null,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const layers = (contentEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s && s !== "identity");
  if (layers.length > MAX_ENCODING_LAYERS) {
    discard(body);
    throw new NewsdeskError(
      "fetch.too_large",
      `fetch: ${url} uses ${layers.length} layers of compression; refusing it`,
    );
  }
  // Content-Encoding lists codings in the order they were applied; undo them last first.
  const decoders = layers
    .reverse()
    .map(decoderFor)
    .filter((d): d is Transform => d !== null);
  let stream: Readable = body;
  for (const d of decoders) {
    stream.on("error", (err) => d.destroy(err));
    stream = stream.pipe(d);
  }
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
  } catch (err) {
    if (err instanceof NewsdeskError) throw err;
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) {
      throw new NewsdeskError("fetch.network", `fetch: ${url} sent a body that could not be decompressed`, {
        cause: err,
      });
    }
    throw err;
  } finally {
    discard(body);
    for (const d of decoders) discard(d);
  }
  return Buffer.concat(chunks);
}
