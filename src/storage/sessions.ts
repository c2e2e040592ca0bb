/**
 * @module Sign-in sessions, found by the SHA-256 of the cookie's token; each use slides the expiry
 * (written at most once a minute, so reading admin pages does not write on every request).
 */
import type { Kysely } from "kysely";
import type { Database, User } from "./schema.ts";

/** How stale last_seen_at may get before a use writes it (and the slid expiry) again. */
export const SESSION_TOUCH_MS = 60_000;
const DAY_MS = 86_400_000;

export interface NewSession {
  tokenHash: string;
  userId: number;
  ip: string | null;
  userAgent: string | null;
}

/** A live session and its account. */
export interface ActiveSession {
  tokenHash: string;
  expiresAt: string;
  /** True when this lookup slid the expiry (the cookie's lifetime should be renewed too). */
  renewed: boolean;
  user: User;
}

function expiry(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

/** Stores a session that lasts `days` without use; returns its expiry. */
export async function createSession(
  db: Kysely<Database>,
  session: NewSession,
  now: Date,
  days: number,
): Promise<string> {
  const expiresAt = expiry(now, days);
  await db
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      // Only for the account owner's own review; a long User-Agent is cut rather than refused.
      ip: session.ip?.slice(0, 64) ?? null,
      user_agent: session.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return expiresAt;
}

/**
 * The unexpired session with this token hash and its account, or null. A use more than a minute
 * after the last one moves last_seen_at to now and the expiry to now + `days`.
 */
export async function findActiveSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
  days: number,
): Promise<ActiveSession | null> {
  const nowIso = now.toISOString();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.last_seen_at", "sessions.expires_at"])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", nowIso)
    .executeTakeFirst();
  if (!row) return null;
  const { last_seen_at, expires_at, ...user } = row;
  if (now.getTime() - Date.parse(last_seen_at) < SESSION_TOUCH_MS) {
    return { tokenHash, expiresAt: expires_at, renewed: false, user };
  }
  const expiresAt = expiry(now, days);
  await db
    .updateTable("sessions")
    .set({ last_seen_at: nowIso, expires_at: expiresAt })
    .where("token_hash", "=", tokenHash)
    .execute();
  return { tokenHash, expiresAt, renewed: true, user };
}

/** Signs one session out. */
export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Signs an account out everywhere (after a password change); returns how many sessions ended. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const res = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Deletes sessions that have expired (the scheduler may call it now and then). */
export async function pruneSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const res = await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}
