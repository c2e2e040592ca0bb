/**
 * @module The admin area's page list: every signed-in page, its role, and its place in the admin nav.
 * To add a page, write its handler in its own file and add one entry here; the plugin wraps it in
 * `requireUser(role)` and the CSRF check, and the nav and dashboard pick up its `nav` entry.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { UserRole } from "../../storage/schema.ts";
import type { WebContext } from "../context.ts";
import type { AdminNavLink } from "./admin-layout.tsx";
import { setArticleComments, showArticleComments } from "./article-comments.tsx";
import { saveCommentEdit, showCommentEdit } from "./comment-edit.tsx";
import { addRuleAction, removeRuleAction, showRules } from "./comment-rules.tsx";
import { dashboard } from "./dashboard.tsx";
import { actOnQueue, showQueue } from "./moderation-queue.tsx";
import { roleAllows } from "./security.ts";

export interface AdminPage {
  method: "GET" | "POST";
  /** Under /admin/. */
  url: string;
  /** Who may use it: "moderator" admits moderators and admins, "admin" only admins. */
  role: UserRole;
  /** For GET pages listed in the admin nav and on the dashboard. */
  nav?: { label: string; description: string };
  /** Runs after `requireUser(role)`, so `signedIn(req)` is the account; POSTs have passed the CSRF check. */
  handler: (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => unknown;
}

export const adminPages: AdminPage[] = [
  {
    method: "GET",
    url: "/admin",
    role: "moderator",
    nav: { label: "Dashboard", description: "What the admin area offers, and your account." },
    handler: dashboard,
  },
  {
    method: "GET",
    url: "/admin/comments",
    role: "moderator",
    nav: { label: "Comments", description: "The moderation queue: approve, mark spam, trash, edit, delete." },
    handler: showQueue,
  },
  { method: "POST", url: "/admin/comments", role: "moderator", handler: actOnQueue },
  { method: "GET", url: "/admin/comments/:id/edit", role: "moderator", handler: showCommentEdit },
  { method: "POST", url: "/admin/comments/:id/edit", role: "moderator", handler: saveCommentEdit },
  {
    method: "GET",
    url: "/admin/comment-rules",
    role: "moderator",
    nav: {
      label: "Comment rules",
      description: "Words, emails, IPs and networks that hold comments or mark them spam.",
    },
    handler: showRules,
  },
  { method: "POST", url: "/admin/comment-rules", role: "moderator", handler: addRuleAction },
  { method: "POST", url: "/admin/comment-rules/remove", role: "moderator", handler: removeRuleAction },
  {
    method: "GET",
    url: "/admin/articles",
    role: "moderator",
    nav: { label: "Articles", description: "Close or reopen comments on any article." },
    handler: showArticleComments,
  },
  { method: "POST", url: "/admin/articles/:id/comments", role: "moderator", handler: setArticleComments },
];

/** The nav links an account with `role` may follow, in list order. */
export function adminNav(role: UserRole): Array<AdminNavLink & { description: string }> {
  return adminPages
    .filter((p) => p.method === "GET" && p.nav && roleAllows(role, p.role))
    .map((p) => ({ href: p.url, label: p.nav?.label ?? p.url, description: p.nav?.description ?? "" }));
}
