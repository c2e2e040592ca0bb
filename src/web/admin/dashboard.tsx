/** @module GET /admin: the admin area's sections the account may use, and the account itself. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebContext } from "../context.ts";
import { adminNav } from "./admin-pages.ts";
import { sendAdminPage } from "./respond.tsx";
import { signedIn } from "./session.ts";

export function dashboard(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { user } = signedIn(req);
  const sections = adminNav(user.role).filter((s) => s.href !== "/admin");
  return sendAdminPage(
    ctx,
    req,
    reply,
    "Admin",
    <section class="admin-dashboard">
      <h1>Admin</h1>
      <p>
        Welcome, {user.name}. You are signed in as {user.email}, a{user.role === "admin" ? "n" : ""}{" "}
        {user.role}.
      </p>
      {sections.length > 0 ? (
        <>
          <h2>Sections</h2>
          <ul>
            {sections.map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.label}</a>: {s.description}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Accounts</h2>
      <p>
        Accounts are managed on the server with <code>newsdesk user</code> (add, list, remove, password).
      </p>
      <p>
        <a href="/">View the site</a>
      </p>
    </section>,
  );
}
