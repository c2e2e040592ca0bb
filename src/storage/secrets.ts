/** @module The site secret: NEWSDESK_SECRET, or a random key made once and kept in the database for every process. */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Config } from "../config/config.ts";
import type { Database } from "./schema.ts";

const made = new WeakMap<Kysely<Database>, Promise<string>>();

/** The key for keyed hashes, signed links and CSRF tokens; read once per database handle. */
export function siteSecret(db: Kysely<Database>, config: Pick<Config, "secret">): Promise<string> {
  if (config.secret !== "") return Promise.resolve(config.secret);
  let secret = made.get(db);
  if (!secret) {
    secret = loadOrCreate(db);
    made.set(db, secret);
    secret.catch(() => made.delete(db));
  }
  return secret;
}

async function loadOrCreate(db: Kysely<Database>): Promise<string> {
  // Two processes starting at once both try; the key stays the first one written.
  await db
    .insertInto("app_secrets")
    .values({ name: "site", value: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("app_secrets")
    .select("value")
    .where("name", "=", "site")
    .executeTakeFirstOrThrow();
  return row.value;
}
