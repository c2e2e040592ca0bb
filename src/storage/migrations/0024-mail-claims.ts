/**
 * @module Mail claimed before it is sent (issue 16): `sending_at` is set, in a committed write, right
 * before a message's SMTP conversation starts and cleared when its outcome is recorded. A row found
 * still claimed long after belongs to a sender that died mid-send, so no one knows whether the server
 * took it: it is given up instead of sent again (mail/send-due-mail.ts). Null on every existing row.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../db.ts";

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable("mail_outbox").addColumn("sending_at", "text").execute();
}
