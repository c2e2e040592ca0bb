/** @module Responses are compressed for clients that accept it: cached pages once, other routes per request. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { buildSite, type Site } from "../../test/support/site-fixture.ts";

let site: Site;
before(async () => {
  site = await buildSite();
});
after(async () => {
  await site?.close();
});

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  if (encoding === "br") return brotliDecompressSync(body).toString("utf8");
  return body.toString("utf8");
}

test("a feed, the search page and the sources page come compressed, and decode to the same bytes", async () => {
  for (const url of ["/feed.xml", "/search?q=bridge", "/sources", "/no-such-page"]) {
    const plain = await site.app.inject({ url });
    assert.equal(plain.headers["content-encoding"], undefined, `${url} identity without Accept-Encoding`);
    for (const encoding of ["gzip", "br"]) {
      const res = await site.app.inject({ url, headers: { "accept-encoding": encoding } });
      assert.equal(res.statusCode, plain.statusCode, url);
      assert.equal(res.headers["content-encoding"], encoding, `${url} in ${encoding}`);
      assert.equal(decode(encoding, res.rawPayload), plain.body, `${url} in ${encoding} decodes to the page`);
    }
  }
});

test("a cached page is encoded once, not twice", async () => {
  for (let i = 0; i < 2; i++) {
    const res = await site.app.inject({ url: "/", headers: { "accept-encoding": "br" } });
    assert.equal(res.headers["content-encoding"], "br");
    assert.match(decode("br", res.rawPayload), /^<!doctype html>/);
  }
});
