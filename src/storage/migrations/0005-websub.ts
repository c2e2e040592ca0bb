/** @module WebSub: the hub each source is subscribed at, the secret its pushes are signed with, and the lease. */
import type { Kysely } from "kysely";

/** Every column is nullable text, so SQLite and PostgreSQL take the same statements. */
const COLUMNS = [
  // The hub URL and topic (the feed's rel=self URL) of the current subscription.
  "websub_hub",
  "websub_topic",
  // The HMAC key handed to the hub; pushes without a valid signature over it are ignored.
  "websub_secret",
  // Random path segment of the callback URL, so callbacks cannot be guessed from a source id.
  "websub_token",
  // 'subscribing' | 'active' | 'denied' | 'expired', or null when never subscribed.
  "websub_state",
  // When the hub's lease ends (ISO-8601 UTC); the source is polled normally again from then.
  "websub_lease_until",
  // When the last subscription request was sent, so a silent or failing hub is not asked again at every poll.
  "websub_requested_at",
  // One line on why the last request failed or the hub denied it; null once verified.
  "websub_error",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema.alterTable("sources").addColumn(column, "text").execute();
  }
}
