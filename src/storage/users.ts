/** @module Accounts of the admin area: admins and moderators, their password hashes and sign-in record. */
import type { Kysely } from "kysely";
import { NewsdeskError } from "../errors.ts";
import type { Database, User, UserRole } from "./schema.ts";

export interface NewUser {
  /** Lower-cased by the caller (accounts/identity.ts normalizeEmail); stored as given. */
  email: string;
  name: string;
  /** argon2id PHC string (accounts/passwords.ts). */
  passwordHash: string;
  role: UserRole;
}

/** Who to tell about the moderation queue. */
export interface Moderator {
  id: number;
  name: string;
  email: string;
  role: UserRole;
}

function exists(email: string, cause?: unknown): NewsdeskError {
  return new NewsdeskError("account.exists", `An account with the email ${email} already exists.`, {
    status: 409,
    cause,
  });
}

/** Creates an account; a taken email (the column is unique) is an `account.exists` error. */
export async function createUser(db: Kysely<Database>, user: NewUser, now: Date): Promise<User> {
  if (await findUserByEmail(db, user.email)) throw exists(user.email);
  try {
    return await db
      .insertInto("users")
      .values({
        email: user.email,
        name: user.name,
        password_hash: user.passwordHash,
        role: user.role,
        created_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (err) {
    // Another process created it between the check and the insert.
    if (await findUserByEmail(db, user.email)) throw exists(user.email, err);
    throw err;
  }
}

/** The account signing in with this (lower-cased) email, if any. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every account, admins first, then by email. */
export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return db.selectFrom("users").selectAll().orderBy("role", "asc").orderBy("email", "asc").execute();
}

/** Moderators and admins with their emails, for queue notifications; by email. */
export async function listModerators(db: Kysely<Database>): Promise<Moderator[]> {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "role"])
    .where("role", "in", ["admin", "moderator"])
    .orderBy("email", "asc")
    .execute();
}

/** Deletes the account (its sessions go with it); false when no account has the email. */
export async function deleteUserByEmail(db: Kysely<Database>, email: string): Promise<boolean> {
  const res = await db.deleteFrom("users").where("email", "=", email).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Replaces the password hash and lifts any lock (the operator set it; old failures no longer count). */
export async function setUserPassword(db: Kysely<Database>, id: number, passwordHash: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, failed_signins: 0, locked_until: null })
    .where("id", "=", id)
    .execute();
}

/**
 * Stores the outcome of a wrong password (accounts/lockout.ts afterFailedSignin), only if no other
 * attempt changed the count meanwhile; false then, and the caller reads the row again and retries.
 */
export async function recordFailedSignin(
  db: Kysely<Database>,
  id: number,
  failuresBefore: number,
  outcome: { failedSignins: number; lockedUntil: string | null },
): Promise<boolean> {
  const res = await db
    .updateTable("users")
    .set({ failed_signins: outcome.failedSignins, locked_until: outcome.lockedUntil })
    .where("id", "=", id)
    .where("failed_signins", "=", failuresBefore)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A right password: the failure count and any lock are cleared, and the time is kept. */
export async function recordSuccessfulSignin(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db
    .updateTable("users")
    .set({ failed_signins: 0, locked_until: null, last_signin_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}
