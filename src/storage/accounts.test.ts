/** @module Users and sessions on both databases. */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { bothDatabases, stopTestPostgres, useMigratedDb } from "../../test/support/databases.ts";
import { NewsdeskError } from "../errors.ts";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findActiveSession,
  pruneSessions,
} from "./sessions.ts";
import {
  createUser,
  deleteUserByEmail,
  findUserByEmail,
  findUserById,
  listModerators,
  listUsers,
  recordFailedSignin,
  recordSuccessfulSignin,
  setUserPassword,
} from "./users.ts";

after(stopTestPostgres);

const T0 = new Date("2026-11-20T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const hash = (n: number) => n.toString(16).padStart(64, "0");

for (const { name, make } of bothDatabases) {
  describe(`users and sessions on ${name}`, () => {
    const t = useMigratedDb(make);

    test("accounts: created, found, listed; a taken email is a clear error", async () => {
      const ann = await createUser(
        t.db.kysely,
        { email: "ann@example.test", name: "Ann", passwordHash: "$argon2id$x", role: "admin" },
        T0,
      );
      assert.equal(typeof ann.id, "number");
      assert.equal(ann.failed_signins, 0);
      await createUser(
        t.db.kysely,
        { email: "bob@example.test", name: "Bob", passwordHash: "$argon2id$y", role: "moderator" },
        T0,
      );
      await assert.rejects(
        createUser(
          t.db.kysely,
          { email: "ann@example.test", name: "Other", passwordHash: "h", role: "moderator" },
          T0,
        ),
        (err: unknown) =>
          err instanceof NewsdeskError &&
          err.id === "account.exists" &&
          err.message === "An account with the email ann@example.test already exists.",
      );
      assert.equal((await findUserByEmail(t.db.kysely, "ann@example.test"))?.name, "Ann");
      assert.equal(await findUserByEmail(t.db.kysely, "nobody@example.test"), undefined);
      assert.equal((await findUserById(t.db.kysely, ann.id))?.email, "ann@example.test");
      assert.deepEqual(
        (await listUsers(t.db.kysely)).map((u) => u.email),
        ["ann@example.test", "bob@example.test"],
      );
      assert.deepEqual(
        (await listModerators(t.db.kysely)).map((m) => ({ ...m, id: 0 })),
        [
          { id: 0, name: "Ann", email: "ann@example.test", role: "admin" },
          { id: 0, name: "Bob", email: "bob@example.test", role: "moderator" },
        ],
      );
    });

    test("sign-in record: failures counted only from the count the caller read; success clears", async () => {
      const user = (await findUserByEmail(t.db.kysely, "bob@example.test"))!;
      assert.equal(
        await recordFailedSignin(t.db.kysely, user.id, 0, { failedSignins: 1, lockedUntil: null }),
        true,
      );
      // A second attempt that read the old count loses the race and must re-read.
      assert.equal(
        await recordFailedSignin(t.db.kysely, user.id, 0, { failedSignins: 1, lockedUntil: null }),
        false,
      );
      const lock = at(900).toISOString();
      assert.equal(
        await recordFailedSignin(t.db.kysely, user.id, 1, { failedSignins: 0, lockedUntil: lock }),
        true,
      );
      let row = (await findUserById(t.db.kysely, user.id))!;
      assert.equal(row.failed_signins, 0);
      assert.equal(row.locked_until, lock);
      await recordSuccessfulSignin(t.db.kysely, user.id, at(1000));
      row = (await findUserById(t.db.kysely, user.id))!;
      assert.deepEqual(
        [row.failed_signins, row.locked_until, row.last_signin_at],
        [0, null, at(1000).toISOString()],
      );
      await recordFailedSignin(t.db.kysely, user.id, 0, { failedSignins: 0, lockedUntil: lock });
      await setUserPassword(t.db.kysely, user.id, "$argon2id$new");
      row = (await findUserById(t.db.kysely, user.id))!;
      assert.deepEqual([row.password_hash, row.locked_until], ["$argon2id$new", null]);
    });

    test("sessions: found with their account until they expire; use slides the expiry at most once a minute", async () => {
      const user = (await findUserByEmail(t.db.kysely, "ann@example.test"))!;
      const expires = await createSession(
        t.db.kysely,
        { tokenHash: hash(1), userId: user.id, ip: "192.0.2.1", userAgent: "UA ".repeat(500) },
        T0,
        14,
      );
      assert.equal(expires, "2026-12-04T10:00:00.000Z");
      const stored = await t.db.kysely.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
      assert.equal(stored.user_agent?.length, 400);
      assert.equal(await findActiveSession(t.db.kysely, hash(2), T0, 14), null, "unknown token");

      const soon = await findActiveSession(t.db.kysely, hash(1), at(30), 14);
      assert.equal(soon?.user.email, "ann@example.test");
      assert.equal(soon?.renewed, false);
      assert.equal(soon?.expiresAt, expires, "not written within the minute");

      const later = await findActiveSession(t.db.kysely, hash(1), at(3600), 14);
      assert.equal(later?.renewed, true);
      assert.equal(later?.expiresAt, "2026-12-04T11:00:00.000Z");
      const row = await t.db.kysely.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
      assert.equal(row.last_seen_at, at(3600).toISOString());

      // Unused for 14 days after its last use: gone.
      assert.equal(
        await findActiveSession(t.db.kysely, hash(1), new Date("2026-12-04T11:00:00.000Z"), 14),
        null,
      );
      assert.equal(await pruneSessions(t.db.kysely, new Date("2026-12-04T10:59:59.000Z")), 0);
      assert.equal(await pruneSessions(t.db.kysely, new Date("2026-12-04T11:00:00.000Z")), 1);
    });

    test("sign-out ends one session; an account's sessions end together and with the account", async () => {
      const ann = (await findUserByEmail(t.db.kysely, "ann@example.test"))!;
      const bob = (await findUserByEmail(t.db.kysely, "bob@example.test"))!;
      for (const [n, id] of [
        [3, ann.id],
        [4, ann.id],
        [5, bob.id],
      ] as const)
        await createSession(
          t.db.kysely,
          { tokenHash: hash(n), userId: id, ip: null, userAgent: null },
          T0,
          14,
        );
      await deleteSession(t.db.kysely, hash(3));
      assert.equal(await findActiveSession(t.db.kysely, hash(3), at(1), 14), null);
      assert.ok(await findActiveSession(t.db.kysely, hash(4), at(1), 14));
      assert.equal(await deleteUserSessions(t.db.kysely, ann.id), 1);
      assert.equal(await findActiveSession(t.db.kysely, hash(4), at(1), 14), null);
      assert.equal(await deleteUserByEmail(t.db.kysely, "bob@example.test"), true);
      assert.equal(await deleteUserByEmail(t.db.kysely, "bob@example.test"), false);
      const left = await t.db.kysely.selectFrom("sessions").select("token_hash").execute();
      assert.deepEqual(left, [], "the account's sessions went with it");
    });
  });
}
