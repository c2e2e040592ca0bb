/** @module The admin area's pure request rules. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isSameOrigin, roleAllows, safeNextPath } from "./security.ts";

test("only paths on this site are accepted as `next`", () => {
  assert.equal(safeNextPath("/admin"), "/admin");
  assert.equal(safeNextPath("/admin/comments?status=pending"), "/admin/comments?status=pending");
  assert.equal(safeNextPath("/admin/../articles/1"), "/articles/1");
  for (const bad of [
    "//evil.test",
    "//evil.test/admin",
    "/\\evil.test",
    "\\\\evil.test",
    "https://evil.test/",
    "javascript:alert(1)",
    "admin",
    "/admin\n/x",
    "/\tevil",
    "",
    undefined,
    ["/admin"],
    `/${"a".repeat(2000)}`,
  ])
    assert.equal(safeNextPath(bad), null, String(bad));
});

test("a POST is same-origin only when Sec-Fetch-Site and Origin, if sent, both say so", () => {
  const own = ["http://127.0.0.1:8080", "https://news.example.org"];
  assert.equal(
    isSameOrigin({ "sec-fetch-site": "same-origin", origin: "https://news.example.org" }, own),
    true,
  );
  assert.equal(isSameOrigin({ origin: "http://127.0.0.1:8080" }, own), true);
  assert.equal(isSameOrigin({ origin: "http://localhost" }, ["http://LOCALHOST:80"]), true, "default port");
  assert.equal(isSameOrigin({ origin: "https://news.example.org.evil.test" }, own), false);
  assert.equal(isSameOrigin({}, own), true, "no browser headers: the token decides");
  assert.equal(isSameOrigin({ "sec-fetch-site": "cross-site" }, own), false);
  assert.equal(isSameOrigin({ "sec-fetch-site": "same-site" }, own), false);
  assert.equal(isSameOrigin({ "sec-fetch-site": "none" }, own), false);
  assert.equal(isSameOrigin({ origin: "https://evil.test" }, own), false);
  assert.equal(isSameOrigin({ origin: "null" }, own), false);
  assert.equal(isSameOrigin({ "sec-fetch-site": "same-origin", origin: "https://evil.test" }, own), false);
});

test("admins may use every page; moderators only moderators' pages", () => {
  assert.equal(roleAllows("admin", "moderator"), true);
  assert.equal(roleAllows("admin", "admin"), true);
  assert.equal(roleAllows("moderator", "moderator"), true);
  assert.equal(roleAllows("moderator", "admin"), false);
});
