/** @module Which fetch failures are worth asking again later (a page retry) and which are for good. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ErrorId, NewsdeskError } from "../errors.ts";
import { isTransientFetchError } from "./fetch-errors.ts";

const err = (id: ErrorId, status?: number) =>
  new NewsdeskError(id, id, status === undefined ? {} : { status });

test("timeouts, network failures, 408, 425, 429, 5xx and an unreachable robots.txt pass", () => {
  for (const e of [
    err("fetch.timeout"),
    err("fetch.network"),
    err("fetch.refused"),
    err("fetch.dns"),
    err("fetch.robots_unreachable"),
    err("fetch.http_status", 408),
    err("fetch.http_status", 425),
    err("fetch.http_status", 429),
    err("fetch.http_status", 500),
    err("fetch.http_status", 503),
    err("fetch.http_status", 599),
  ])
    assert.equal(isTransientFetchError(e), true, `${e.id} ${e.status}`);
});

test("a 404, a 410, a 403, a refused address, robots.txt, size, type, TLS and bot challenges are for good", () => {
  for (const e of [
    err("fetch.http_status", 404),
    err("fetch.http_status", 410),
    err("fetch.http_status", 403),
    // Too many redirects carries no status of its own.
    err("fetch.http_status"),
    err("fetch.not_allowed"),
    err("fetch.robots"),
    err("fetch.too_large"),
    err("fetch.bad_content_type"),
    err("fetch.bad_url"),
    err("fetch.tls"),
    err("fetch.bot_challenge", 503),
  ])
    assert.equal(isTransientFetchError(e), false, `${e.id} ${e.status}`);
  assert.equal(
    isTransientFetchError(new Error("extractor crashed")),
    false,
    "our own bug: asking again fixes nothing",
  );
});
