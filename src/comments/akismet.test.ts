/** @module The Akismet-compatible check against a real local HTTP server: verdicts, and failures that hold. */
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { type AkismetComment, akismetCheck } from "./akismet.ts";

let server: Server;
let base = "";
const seen: URLSearchParams[] = [];

function handle(req: IncomingMessage, res: ServerResponse) {
  let body = "";
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    const form = new URLSearchParams(body);
    seen.push(form);
    const mode = form.get("api_key");
    if (req.url !== "/1.1/comment-check") res.writeHead(404).end();
    else if (mode === "slow") setTimeout(() => res.end("false"), 700);
    else if (mode === "broken") res.writeHead(500).end("oops");
    else if (mode === "invalid") res.end("invalid");
    else res.end(form.get("comment_content")?.includes("viagra") ? "true" : "false");
  });
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/1.1`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const comment: AkismetComment = {
  ip: "203.0.113.9",
  userAgent: "UA",
  permalink: "https://site.example/articles/1-x",
  name: "Ann",
  email: "ann@example.org",
  website: null,
  body: "Nice article",
};

test("off without a key; ham and spam as the service says, with the comment's fields sent", async () => {
  assert.equal(await akismetCheck({ key: "", url: base, site: "https://site.example/" }, comment), "off");
  const settings = { key: "k", url: base, site: "https://site.example/" };
  assert.equal(await akismetCheck(settings, comment), "ham");
  assert.equal(await akismetCheck(settings, { ...comment, body: "buy viagra" }), "spam");
  const last = seen.at(-1);
  assert.equal(last?.get("blog"), "https://site.example/");
  assert.equal(last?.get("user_ip"), "203.0.113.9");
  assert.equal(last?.get("comment_type"), "comment");
});

test("an error status, an unknown answer, a timeout or a closed port are 'unavailable', never a throw", async () => {
  const site = "https://site.example/";
  assert.equal(await akismetCheck({ key: "broken", url: base, site }, comment), "unavailable");
  assert.equal(await akismetCheck({ key: "invalid", url: base, site }, comment), "unavailable");
  const started = Date.now();
  assert.equal(await akismetCheck({ key: "slow", url: base, site, timeoutMs: 200 }, comment), "unavailable");
  assert.ok(Date.now() - started < 600);
  assert.equal(await akismetCheck({ key: "k", url: "http://127.0.0.1:1/1.1", site }, comment), "unavailable");
});
