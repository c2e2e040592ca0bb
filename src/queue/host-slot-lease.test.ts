/**
 * @module Host slots' leases (PostgreSQL): a slot is renewed while its request runs however long that
 * takes, and a slot whose holder died is free again once its lease runs out, not after the fetch
 * timeout and a minute more (a killed worker or a PostgreSQL restart held a host for about 90 s).
 */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { postgresTestDatabase, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { ensureHostSlots, releaseHostSlot, renewHostSlot, takeHostSlot } from "../storage/host-slots.ts";
import { retryFor } from "../util/retry-for.ts";
import { createSharedHostLimiter } from "./shared-host-limiter.ts";

after(stopTestPostgres);

const LEASE_MS = 600;

describe("host slot leases on postgres", () => {
  const t = useMigratedDb(postgresTestDatabase);

  test("a slot is taken once, renewed only by its holder, and free after its lease or its release", async () => {
    const db = t.db.kysely;
    await ensureHostSlots(db, "a.test", 1);
    assert.equal(await takeHostSlot(db, "a.test", 1, "one", LEASE_MS), 0);
    assert.equal(await takeHostSlot(db, "a.test", 1, "two", LEASE_MS), null, "held");
    assert.equal(await renewHostSlot(db, "a.test", 0, "two", LEASE_MS), false, "not two's to renew");
    await sleep(LEASE_MS / 2);
    assert.equal(await renewHostSlot(db, "a.test", 0, "one", LEASE_MS), true);
    await sleep(LEASE_MS / 2 + 100);
    assert.equal(await takeHostSlot(db, "a.test", 1, "two", LEASE_MS), null, "the renewal kept it");
    await sleep(LEASE_MS);
    assert.equal(await takeHostSlot(db, "a.test", 1, "two", LEASE_MS), 0, "lapsed: two takes it");
    assert.equal(await renewHostSlot(db, "a.test", 0, "one", LEASE_MS), false, "one lost it");
    await releaseHostSlot(db, "a.test", 0, "one");
    assert.equal(
      await takeHostSlot(db, "a.test", 1, "three", LEASE_MS),
      null,
      "one's release frees nothing of two's",
    );
    await releaseHostSlot(db, "a.test", 0, "two");
    assert.equal(await takeHostSlot(db, "a.test", 1, "three", LEASE_MS), 0);
  });

  test("the limiter keeps a slot through a request longer than the lease, and frees it on release", async () => {
    const db = t.db.kysely;
    const limits = { concurrency: 1, intervalMs: 0, leaseMs: LEASE_MS };
    const first = createSharedHostLimiter(db, limits);
    const second = createSharedHostLimiter(db, limits);
    const release = await first.acquire("b.test");
    let secondIn = false;
    const waiting = second.acquire("b.test").then((r) => {
      secondIn = true;
      return r;
    });
    await sleep(3 * LEASE_MS);
    assert.equal(secondIn, false, "the first request's slot is renewed while it runs");
    release();
    const releaseSecond = await waiting;
    assert.equal(secondIn, true);
    releaseSecond();
  });

  test("a slot whose holder died is free once its lease runs out", async () => {
    const db = t.db.kysely;
    await ensureHostSlots(db, "c.test", 1);
    // A process killed mid-request: its slot taken, never renewed nor released.
    assert.equal(await takeHostSlot(db, "c.test", 1, "killed", LEASE_MS), 0);
    const limiter = createSharedHostLimiter(db, { concurrency: 1, intervalMs: 0, leaseMs: LEASE_MS });
    const t0 = performance.now();
    const release = await limiter.acquire("c.test");
    const waited = performance.now() - t0;
    release();
    assert.ok(waited >= LEASE_MS - 100 && waited < LEASE_MS + 2_000, `waited ${waited.toFixed(0)} ms`);
  });
});

test("retryFor calls again until the call succeeds, and gives up after its time", async (t) => {
  // Its timers do not keep a process alive (a release is not worth waiting for at exit): this does.
  const alive = setInterval(() => {}, 1_000);
  t.after(() => clearInterval(alive));
  let calls = 0;
  const ok = await retryFor(
    async () => {
      calls++;
      if (calls < 3) throw new Error("database away");
    },
    20,
    1_000,
  );
  assert.deepEqual({ ok, calls }, { ok: true, calls: 3 });
  let failures = 0;
  const t0 = performance.now();
  const gaveUp = await retryFor(
    async () => {
      failures++;
      throw new Error("database away");
    },
    20,
    150,
  );
  assert.equal(gaveUp, false);
  assert.ok(failures >= 3 && failures <= 9, `${failures} calls`);
  assert.ok(performance.now() - t0 < 1_000);
});
