import { setTimeout as sleep } from "node:timers/promises";
import { openDb } from "./src/storage/db.ts";
import { migrateToLatest } from "./src/storage/migrate.ts";
import { insertSource } from "./src/storage/sources.ts";
import { fetchEnv } from "./test/support/ingest-kills.ts";
import { startIngestNewsroom } from "./test/support/ingest-newsroom.ts";
import { startOwnPostgres } from "./test/support/own-postgres.ts";
import { startServeCommand } from "./test/support/serve-command.ts";

const pg = await startOwnPostgres();
const db = openDb(pg.url);
await migrateToLatest(db);
const newsroom = await startIngestNewsroom(3, () => 10);
for (const f of newsroom.feedUrls) await insertSource(db.kysely, f, new Date().toISOString());
await db.close();
const env = {
  ...fetchEnv(pg.url),
  LOG_LEVEL: "warn",
  NEWSDESK_WEB_WORKERS: "1",
  NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
} as Record<string, string>;
const serve = await startServeCommand(pg.url, ["serve"], env);
serve.child.on("exit", (c, s) => console.log("SERVE EXITED", c, s));
const probe = async () => {
  const t = Date.now();
  try {
    const r = await fetch(`${serve.site}/`, { signal: AbortSignal.timeout(5000) });
    await r.text();
    return `${r.status} ${Date.now() - t}ms`;
  } catch (e) {
    return `ERR ${(e as Error).message} ${Date.now() - t}ms`;
  }
};
await sleep(4000);
console.log("before", await probe());
await pg.stop();
console.log("pg stopped");
for (let i = 0; i < 4; i++) {
  console.log("down", await probe());
  await sleep(500);
}
await pg.start();
console.log("pg started");
for (let i = 0; i < 6; i++) {
  console.log("up", await probe());
  await sleep(500);
}
console.log("STDERR", serve.stderr().slice(0, 3000));
await serve.stop();
await newsroom.close();
await pg.destroy();
