/** @module Settings parsing: NEWSDESK_PUBLIC_URL, which turns WebSub on. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "./config.ts";

test("NEWSDESK_PUBLIC_URL is empty by default (WebSub off) and kept without a trailing slash", () => {
  assert.equal(loadConfig({}).publicUrl, "");
  assert.equal(
    loadConfig({ NEWSDESK_PUBLIC_URL: "https://news.example.org/" }).publicUrl,
    "https://news.example.org",
  );
  assert.equal(loadConfig({ NEWSDESK_PUBLIC_URL: "http://10.0.0.5:8080" }).publicUrl, "http://10.0.0.5:8080");
  assert.equal(
    loadConfig({ NEWSDESK_PUBLIC_URL: "https://example.org/newsdesk//" }).publicUrl,
    "https://example.org/newsdesk",
  );
});

test("NEWSDESK_PUBLIC_URL must be an absolute http(s) URL without credentials, query or fragment", () => {
  for (const bad of [
    "news.example.org",
    "/newsdesk",
    "ftp://news.example.org",
    "https://user:pw@news.example.org",
    "https://news.example.org/?x=1",
    "https://news.example.org/#top",
  ]) {
    assert.throws(() => loadConfig({ NEWSDESK_PUBLIC_URL: bad }), /NEWSDESK_PUBLIC_URL must/, bad);
  }
});

test("NEWSDESK_SECRET is empty (made on first run) or at least 32 characters", () => {
  assert.equal(loadConfig({}).secret, "");
  assert.equal(loadConfig({ NEWSDESK_SECRET: "x".repeat(32) }).secret, "x".repeat(32));
  assert.throws(
    () => loadConfig({ NEWSDESK_SECRET: "short" }),
    /NEWSDESK_SECRET must be at least 32 characters/,
  );
});
