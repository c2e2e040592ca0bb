/** @module Form tokens, deletion tokens, reply placement, nesting and closing. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { commentsClosed } from "./closing.ts";
import { commentContentHash } from "./content-hash.ts";
import { openDeleteToken, sealDeleteToken } from "./delete-token.ts";
import { checkFormToken, makeFormToken } from "./form-token.ts";
import { nestComments, placeReply } from "./thread.ts";

const t0 = new Date("2026-11-20T10:00:00.000Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);

test("form tokens: genuine and old enough passes; missing, forged, other article, too fast, too old do not", () => {
  const token = makeFormToken("k", 7, t0);
  assert.equal(checkFormToken("k", token, 7, later(5), 3), null);
  assert.equal(checkFormToken("k", token, 7, later(1), 3), "too-fast");
  assert.equal(checkFormToken("k", token, 7, later(86_401), 3), "too-old");
  assert.equal(checkFormToken("k", token, 8, later(5), 3), "other-article");
  assert.equal(checkFormToken("other", token, 7, later(5), 3), "forged");
  assert.equal(checkFormToken("k", `${token}x`, 7, later(5), 3), "forged");
  assert.equal(checkFormToken("k", "", 7, later(5), 3), "missing");
});

test("deletion tokens hide the address, open only with the key, and expire after 48 hours", () => {
  const token = sealDeleteToken("k", "ann@example.org", t0);
  assert.doesNotMatch(Buffer.from(token, "base64url").toString("latin1"), /ann/);
  assert.doesNotMatch(token, /ann/);
  assert.equal(openDeleteToken("k", token, later(3600)), "ann@example.org");
  assert.equal(openDeleteToken("other", token, later(3600)), null);
  assert.equal(openDeleteToken("k", token, later(49 * 3600)), null);
  const flipped = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
  assert.equal(openDeleteToken("k", flipped, later(1)), null);
  assert.equal(openDeleteToken("k", "garbage", later(1)), null);
});

test("a reply nests one level down until the limit, then joins its parent's level", () => {
  assert.deepEqual(placeReply(null, 4), { parentId: null, depth: 0 });
  assert.deepEqual(placeReply({ id: 1, depth: 0, parent_id: null }, 4), { parentId: 1, depth: 1 });
  assert.deepEqual(placeReply({ id: 3, depth: 3, parent_id: 2 }, 4), { parentId: 2, depth: 3 });
  assert.deepEqual(placeReply({ id: 1, depth: 0, parent_id: null }, 1), { parentId: null, depth: 0 });
});

test("nesting keeps order and shows a reply whose parent is missing at the top", () => {
  const tree = nestComments([
    { id: 1, parent_id: null },
    { id: 2, parent_id: 1 },
    { id: 3, parent_id: 99 },
    { id: 4, parent_id: 2 },
    { id: 5, parent_id: 1 },
  ]);
  assert.deepEqual(
    tree.map((n) => [n.comment.id, n.replies.map((r) => [r.comment.id, r.replies.map((x) => x.comment.id)])]),
    [
      [
        1,
        [
          [2, [4]],
          [5, []],
        ],
      ],
      [3, []],
    ],
  );
});

test("comments close by hand or after N days from publication; duplicates ignore case and spacing", () => {
  const a = {
    comments_closed: 0,
    published_at: "2026-11-01T00:00:00.000Z",
    sort_at: "2026-11-01T00:00:00.000Z",
  };
  assert.equal(commentsClosed(a, 0, t0), false);
  assert.equal(commentsClosed(a, 30, t0), false);
  assert.equal(commentsClosed(a, 10, t0), true);
  assert.equal(commentsClosed({ ...a, comments_closed: 1 }, 0, t0), true);
  assert.equal(commentContentHash("k", "Hello  World", 1), commentContentHash("k", " hello world\n", 1));
  assert.notEqual(commentContentHash("k", "Hello", 1), commentContentHash("k", "Hello", 2));
});
