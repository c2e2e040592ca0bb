/** @module What the page handlers share: ids from `<id>-<slug>`, checked cursors, slug redirects, HTML replies. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { NewsdeskError } from "../../errors.ts";
import type { PageCursor } from "../../storage/articles.ts";
import { parseCursor } from "../presenters/cursor.ts";

/** The id at the start of an `<id>-<slug>` path segment, or null. */
export function idFromSlug(idSlug: string): number | null {
  const id = Number(/^(\d{1,15})(?:-|$)/.exec(idSlug)?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A 404 with a message the reader can act on (the error page adds search and links). */
export function notFound(what: string): NewsdeskError {
  return new NewsdeskError("not_found", `There is no ${what} at this address.`, { status: 404 });
}

/** The `before` cursor of the query; a malformed one is a 400, never a guess or a 500. */
export function cursorFrom(req: FastifyRequest): PageCursor | undefined {
  const cursor = parseCursor((req.query as Record<string, unknown> | undefined)?.before);
  if (cursor === null) throw Object.assign(new Error("malformed page cursor"), { statusCode: 400 });
  return cursor;
}

/**
 * When the request's path is not the resource's own (an old or missing slug), a 301 there, keeping
 * the query string; returns the reply to send, or null to go on rendering.
 */
export function redirectToOwnPath(req: FastifyRequest, reply: FastifyReply, path: string) {
  const [requested, query] = splitUrl(req.url);
  if (requested === path) return null;
  return reply.redirect(query ? `${path}?${query}` : path, 301);
}

function splitUrl(url: string): [string, string] {
  const q = url.indexOf("?");
  return q === -1 ? [url, ""] : [url.slice(0, q), url.slice(q + 1)];
}

export function sendHtml(reply: FastifyReply, html: string) {
  return reply.type("text/html; charset=utf-8").send(html);
}

/** Fetch one more row than shown: its presence says whether an "older" link is needed. */
export function splitPage<T>(rows: T[], size: number): { rows: T[]; more: boolean } {
  return { rows: rows.slice(0, size), more: rows.length > size };
}
