/**
 * @module The admin area's frame inside the site layout: an "Admin" nav built from the admin pages,
 * who is signed in with a sign-out button, then the page (which brings the one h1).
 */
import type { ComponentChildren } from "preact";
import type { Config } from "../../config/config.ts";
import type { User } from "../../storage/schema.ts";
import { renderPage } from "../render.tsx";

/** A link in the admin nav (from the admin pages that declare one, filtered by role). */
export interface AdminNavLink {
  href: string;
  label: string;
}

/** The hidden `_csrf` field every admin form must carry (`req.adminSession.csrf`). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface AdminLayoutProps {
  /** The signed-in account, or null on the sign-in and refusal pages. */
  user: Pick<User, "name" | "role"> | null;
  /** The session's CSRF token, for the sign-out form; null when signed out. */
  csrf: string | null;
  nav: AdminNavLink[];
  /** The path of the page shown, to mark its nav link with aria-current. */
  current?: string;
  children: ComponentChildren;
}

export function AdminLayout({ user, csrf, nav, current, children }: AdminLayoutProps) {
  return (
    <div class="admin">
      {user && csrf ? (
        <div class="admin-bar">
          <nav aria-label="Admin">
            <ul>
              {nav.map((link) => (
                <li key={link.href}>
                  <a href={link.href} aria-current={link.href === current ? "page" : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form class="admin-signout" method="post" action="/admin/sign-out">
            <CsrfField token={csrf} />
            <span>
              Signed in as {user.name} ({user.role})
            </span>{" "}
            <button type="submit">Sign out</button>
          </form>
        </div>
      ) : null}
      {children}
    </div>
  );
}

/** An admin page as a complete document: the site's layout and stylesheet, never indexed. */
export function renderAdminPage(
  config: Config,
  head: { title: string },
  frame: Omit<AdminLayoutProps, "children">,
  body: ComponentChildren,
): string {
  return renderPage(
    config,
    { title: head.title, noindex: true },
    <AdminLayout {...frame}>{body}</AdminLayout>,
  );
}
