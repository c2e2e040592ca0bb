/** @module The contract of fetch/: what a caller asks for and what comes back. */

export interface FetchRequest {
  /** Default "GET". A POST follows only 307 and 308 redirects (which keep the method and body). */
  method?: "GET" | "POST";
  /** Request body, sent with a POST. */
  body?: string;
  /** Sent as Content-Type with the body. */
  contentType?: string;
  /** Sent as Accept. */
  accept?: string;
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Overrides the fetcher's body cap for this call. */
  maxBytes?: number;
  /** What the caller can use; other content types fail as fetch.bad_content_type. Default "any". */
  expect?: "feed" | "html" | "any";
  /** Check the origin's robots.txt first (article pages); never applied to a POST. */
  robots?: boolean;
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
  /** The Link header (RFC 8288), several joined by ", "; publishers advertise WebSub hubs in it. */
  link: string | null;
}
