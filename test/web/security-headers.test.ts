/**
 * @module Every public response carries the security headers (issue 15): pages rendered by Fastify,
 * pages answered from the cache before Fastify, feeds, the 404 page and the admin area (stricter, its
 * own), over a real listening server; HSTS only when the public URL is https.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type Site, startSite } from "../browser/fixture-site.ts";

async function headersOf(url: string): Promise<Headers> {
  const res = await fetch(url, { redirect: "manual" });
  await res.arrayBuffer();
  return res.headers;
}

function assertPublic(h: Headers, what: string): void {
  const csp = h.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'(;|$)/, `${what}: scripts only from this origin`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: no inline script or eval`);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    assert.ok(csp.includes(directive), `${what}: ${directive}`);
  assert.equal(h.get("x-content-type-options"), "nosniff", what);
  assert.equal(h.get("x-frame-options"), "DENY", what);
  assert.equal(h.get("referrer-policy"), "strict-origin-when-cross-origin", what);
  assert.match(h.get("permissions-policy") ?? "", /camera=\(\)/, what);
}

describe("security headers on a plain-http site", () => {
  let site: Site;
  before(async () => {
    site = await startSite();
  });
  after(() => site?.close());

  test("pages, cached pages, feeds and the 404 page carry them; no HSTS over plain http", async () => {
    const first = await headersOf(`${site.url}/`);
    assertPublic(first, "front page");
    assert.equal(first.get("strict-transport-security"), null, "no HSTS without https");
    // The second request is answered from the page cache, before Fastify routes it.
    assertPublic(await headersOf(`${site.url}/`), "front page from the cache");
    assertPublic(await headersOf(`${site.url}${site.paths.article}`), "article page");
    assertPublic(await headersOf(`${site.url}/feed`), "site feed");
    assertPublic(await headersOf(`${site.url}/no-such-page`), "404 page");
    const admin = await headersOf(`${site.url}/admin/sign-in`);
    assert.match(
      admin.get("content-security-policy") ?? "",
      /img-src 'self' data:/,
      "the admin area's own, stricter policy",
    );
    assert.match(admin.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
  });
});

describe("security headers on an https site", () => {
  let site: Site;
  before(async () => {
    site = await startSite({ NEWSDESK_PUBLIC_URL: "https://news.example.org" });
  });
  after(() => site?.close());

  test("HSTS is sent when the public URL is https", async () => {
    assert.equal((await headersOf(`${site.url}/`)).get("strict-transport-security"), "max-age=31536000");
  });
});
