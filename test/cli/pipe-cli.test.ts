/** @module The CLI's output piped to a reader that stops early (`newsdesk sources --json | head -2`). */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { insertSource } from "../../src/storage/sources.ts";

const BIN = join(import.meta.dirname, "../../bin/newsdesk");

test("a reader that closes the pipe early ends the command quietly, with status 0", async () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-pipe-"));
  const url = `sqlite:${join(dir, "pipe.db")}`;
  const db = openDb(url);
  try {
    await migrateToLatest(db);
    // Far more than a pipe holds (64 KB), so the command is still writing when the reader leaves.
    for (let i = 0; i < 600; i++)
      await insertSource(db.kysely, `https://example.org/feed-${i}.xml`, new Date().toISOString());
  } finally {
    await db.close();
  }
  const child = spawn(BIN, ["sources", "--json"], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  // The first line read, the reader goes away, as `head -1` does.
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  rmSync(dir, { recursive: true, force: true });
  assert.equal(stderr, "", "nothing on stderr");
  assert.equal(code, 0);
});
