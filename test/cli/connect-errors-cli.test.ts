/** @module A command that cannot reach its database says which, where, and why, without the password. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { explainConnectError } from "../../src/storage/connect-errors.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/newsdesk");

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("no PostgreSQL server at DATABASE_URL: the command names the database, its address and the reason", async () => {
  const port = await closedPort();
  await assert.rejects(
    run(BIN, ["sources"], {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://newsdesk:s3cret@127.0.0.1:${port}/news`,
        LOG_LEVEL: "silent",
      },
    }),
    (err: { stderr: string; code: number }) => {
      assert.equal(err.code, 1);
      assert.match(
        err.stderr,
        new RegExp(
          `^newsdesk: database: cannot use PostgreSQL at 127\\.0\\.0\\.1:${port}/news \\(DATABASE_URL\\): connection refused`,
        ),
      );
      assert.doesNotMatch(err.stderr, /s3cret/, "the password is not shown");
      return true;
    },
  );
});

test("PostgreSQL's refusals are told apart; other errors pass through unchanged", () => {
  const url = "postgres://u:pw@db.example:5432/news";
  const said = (code: string) =>
    String((explainConnectError(Object.assign(new Error("x"), { code }), url) as Error).message);
  assert.match(said("3D000"), /PostgreSQL at db\.example:5432\/news .*no such database/);
  assert.match(said("28P01"), /wrong password/);
  assert.doesNotMatch(said("28P01"), /pw@/);
  const other = Object.assign(new Error("syntax error"), { code: "42601" });
  assert.equal(explainConnectError(other, url), other);
});
