/** @module `newsdesk user add|list|password|remove` as an operator runs them, password piped on stdin, on SQLite. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, test } from "node:test";
import { verifyPassword } from "../../src/accounts/passwords.ts";
import { openDb } from "../../src/storage/db.ts";
import type { User } from "../../src/storage/schema.ts";
import { sqliteTestDatabase } from "../support/databases.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");
const tdb = sqliteTestDatabase();
const env = { ...process.env, DATABASE_URL: tdb.url, LOG_LEVEL: "silent" };
after(() => tdb.drop());

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `stdin` piped in, as `printf 'pw\n' | newsdesk ...` does. */
function newsdesk(args: string[], stdin = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function users(): Promise<User[]> {
  const db = openDb(tdb.url);
  try {
    return await db.kysely.selectFrom("users").selectAll().orderBy("email").execute();
  } finally {
    await db.close();
  }
}

test("user add reads the password from a pipe, stores an argon2id hash, and refuses bad input clearly", async () => {
  const added = await newsdesk(
    ["user", "add", "--admin", "--email", "Ann@Example.TEST", "--name", "Ann Lee"],
    "first passphrase here\n",
  );
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout, /added admin ann@example\.test \(Ann Lee\)/);
  const [ann] = await users();
  assert.equal(ann?.email, "ann@example.test");
  assert.equal(ann?.role, "admin");
  assert.equal(await verifyPassword(ann!.password_hash, "first passphrase here"), true);
  assert.ok(!added.stdout.includes("first passphrase"), "the password is not echoed");

  // The policy itself is tested in src/accounts; here, that a refusal reaches the operator and stores nothing.
  const cases: Array<[string[], string, RegExp]> = [
    [["--admin", "--email", "ann@example.test", "--name", "Again"], "another passphrase\n", /already exists/],
    [["--moderator", "--email", "bob@example.test", "--name", "Bob"], "", /no password on stdin/],
    [["--email", "bob@example.test", "--name", "Bob"], "a fine passphrase\n", /--admin .* or --moderator/],
  ];
  for (const [args, stdin, message] of cases) {
    const res = await newsdesk(["user", "add", ...args], stdin);
    assert.equal(res.code, 1, args.join(" "));
    assert.match(res.stderr, message);
  }
  assert.equal((await users()).length, 1, "nothing stored by a refused command");
});

test("user list, password and remove", async () => {
  const bob = await newsdesk(
    ["user", "add", "--moderator", "--email", "bob@example.test", "--name", "Bob"],
    "bob's passphrase 1\n",
  );
  assert.equal(bob.code, 0, bob.stderr);
  const list = await newsdesk(["user", "list"]);
  assert.equal(list.code, 0, list.stderr);
  assert.match(
    list.stdout,
    /^ann@example\.test\tadmin\tAnn Lee\tlast sign-in never\nbob@example\.test\tmoderator\tBob\t/,
  );

  const changed = await newsdesk(["user", "password", "BOB@example.test"], "bob's new passphrase\n");
  assert.equal(changed.code, 0, changed.stderr);
  assert.match(changed.stdout, /password changed for bob@example\.test; 0 sessions signed out/);
  const stored = (await users()).find((u) => u.email === "bob@example.test")!;
  assert.equal(await verifyPassword(stored.password_hash, "bob's new passphrase"), true);

  const removed = await newsdesk(["user", "remove", "bob@example.test"]);
  assert.equal(removed.code, 0, removed.stderr);
  assert.deepEqual(
    (await users()).map((u) => u.email),
    ["ann@example.test"],
  );
  const missing = await newsdesk(["user", "remove", "bob@example.test"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no account has the email bob@example\.test/);
});
