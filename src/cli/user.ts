/** @module `newsdesk user add|list|remove|password`: the admin area's accounts, managed on the server. */
import type { Command } from "commander";
import { emailProblem, nameProblem, normalizeEmail } from "../accounts/identity.ts";
import { isLocked } from "../accounts/lockout.ts";
import { hashPassword, passwordProblem } from "../accounts/passwords.ts";
import type { UserRole } from "../storage/schema.ts";
import { deleteUserSessions } from "../storage/sessions.ts";
import {
  createUser,
  deleteUserByEmail,
  findUserByEmail,
  listUsers,
  setUserPassword,
} from "../storage/users.ts";
import { readNewPassword } from "./read-password.ts";
import { openRuntime } from "./runtime.ts";

function checked(problem: string | null): void {
  if (problem) throw new Error(problem);
}

/** A password read from the terminal or stdin that passes the policy. */
async function newPassword(email: string): Promise<string> {
  const password = await readNewPassword();
  checked(passwordProblem(password, email));
  return password;
}

function roleOf(opts: { admin?: boolean; moderator?: boolean }): UserRole {
  if (opts.admin === opts.moderator)
    throw new Error("say which role the account has: --admin (everything) or --moderator (comments only)");
  return opts.admin ? "admin" : "moderator";
}

export function registerUser(program: Command): void {
  const user = program
    .command("user")
    .description("manage the accounts of the admin area (administrators and moderators)");

  user
    .command("add")
    .description(
      "add an account; the password is read from the terminal (not echoed) or the first line of stdin",
    )
    .option("--admin", "an administrator: every part of the admin area")
    .option("--moderator", "a moderator: the comment queue")
    .requiredOption("--email <email>", "the sign-in name, also where queue notifications go")
    .requiredOption("--name <name>", "the name other moderators see")
    .action(async (opts: { admin?: boolean; moderator?: boolean; email: string; name: string }) => {
      const role = roleOf(opts);
      const email = normalizeEmail(opts.email);
      const name = opts.name.trim();
      checked(emailProblem(email));
      checked(nameProblem(name));
      const password = await newPassword(email);
      const rt = await openRuntime({ quiet: true });
      try {
        const made = await createUser(
          rt.db.kysely,
          { email, name, passwordHash: await hashPassword(password), role },
          new Date(),
        );
        console.log(`added ${role} ${made.email} (${made.name}); sign in at /admin/sign-in`);
      } finally {
        await rt.close();
      }
    });

  user
    .command("list")
    .description("list accounts with their role, last sign-in and any lock")
    .action(async () => {
      const rt = await openRuntime({ quiet: true });
      try {
        const now = new Date();
        const users = await listUsers(rt.db.kysely);
        if (users.length === 0)
          console.log("no accounts yet; add one with: newsdesk user add --admin --email ... --name ...");
        for (const u of users) {
          const lock = isLocked(u.locked_until, now) ? `; LOCKED until ${u.locked_until}` : "";
          console.log(`${u.email}\t${u.role}\t${u.name}\tlast sign-in ${u.last_signin_at ?? "never"}${lock}`);
        }
      } finally {
        await rt.close();
      }
    });

  user
    .command("remove <email>")
    .description("delete an account and sign it out everywhere")
    .action(async (raw: string) => {
      const email = normalizeEmail(raw);
      const rt = await openRuntime({ quiet: true });
      try {
        if (!(await deleteUserByEmail(rt.db.kysely, email)))
          throw new Error(`no account has the email ${email}`);
        console.log(`removed ${email}`);
      } finally {
        await rt.close();
      }
    });

  user
    .command("password <email>")
    .description(
      "set a new password (read like `user add`), lift any lock, and sign the account out everywhere",
    )
    .action(async (raw: string) => {
      const email = normalizeEmail(raw);
      const rt = await openRuntime({ quiet: true });
      try {
        const found = await findUserByEmail(rt.db.kysely, email);
        if (!found) throw new Error(`no account has the email ${email}`);
        const hash = await hashPassword(await newPassword(email));
        await setUserPassword(rt.db.kysely, found.id, hash);
        const ended = await deleteUserSessions(rt.db.kysely, found.id);
        console.log(`password changed for ${email}; ${ended} session${ended === 1 ? "" : "s"} signed out`);
      } finally {
        await rt.close();
      }
    });
}
