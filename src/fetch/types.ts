/** @module The contract of fetch/: what a caller asks for and what comes back. */

export interface FetchOptions {
  /** Total time for the whole exchange, redirects included. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  userAgent: string;
  /** Sent as Accept. */
  accept?: string;
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  maxRedirects?: number;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects: relative links in the body resolve against this. */
  finalUrl: string;
  status: number;
  /** True on 304: the caller's copy is current and `bytes` is empty. */
  notModified: boolean;
  contentType: string | null;
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
}
