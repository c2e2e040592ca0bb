import assert from "node:assert/strict";
import { test } from "node:test";
import { Lru } from "./cluster-cache.ts";

test("the LRU forgets the least recently used entries once their weights pass the budget", () => {
  const lru = new Lru<string, number>(10);
  lru.set("a", 1, 4);
  lru.set("b", 2, 4);
  assert.equal(lru.get("a"), 1); // a is now the most recent
  lru.set("c", 3, 4); // 12 > 10: b, the least recent, goes
  assert.equal(lru.get("b"), undefined);
  assert.equal(lru.get("a"), 1);
  assert.equal(lru.get("c"), 3);
  lru.set("a", 9, 2); // replacing an entry replaces its weight too
  assert.equal(lru.size, 2);
  lru.set("d", 4, 4); // 2 + 4 + 4 = 10: all fit
  assert.equal(lru.size, 3);
  assert.deepEqual([lru.hits, lru.misses], [3, 1]);
});

test("an entry heavier than the whole budget is still kept, alone", () => {
  const lru = new Lru<string, number>(10);
  lru.set("a", 1, 3);
  lru.set("big", 2, 50);
  assert.equal(lru.size, 1);
  assert.equal(lru.get("big"), 2);
  lru.clear();
  assert.equal(lru.size, 0);
});
