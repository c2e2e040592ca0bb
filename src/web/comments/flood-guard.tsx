/**
 * @module The flood guard: once the database rate limit has refused an address's comment, this process
 * answers that address's next comment posts with a small ready-made 429 until its window has room,
 * before the body is even read: a flood from one address then costs almost nothing, so readers'
 * pages stay fast. The database limit stays the authority (shared by every process); this only
 * remembers its answer.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { clientKey } from "../../util/client-key.ts";
import type { WebContext } from "../context.ts";
import { MessagePage } from "../pages/comment-form-page.tsx";
import { renderPage } from "../render.tsx";

/** Addresses remembered at most; the oldest go first (a flood from many addresses still meets the database limit). */
const MAX_BLOCKED = 10_000;

export interface FloodGuard {
  /** Remember that the client `key` (util/client-key.ts) may post again only after `retryAfterSeconds`. */
  block(key: string, retryAfterSeconds: number, now?: number): void;
  /** The onRequest hook for the posting route. */
  onRequest(req: FastifyRequest, reply: FastifyReply): Promise<void>;
}

const guards = new WeakMap<WebContext, FloodGuard>();

/** The app's flood guard (one per app, so per process), made on first use. */
export function floodGuardFor(ctx: WebContext): FloodGuard {
  let guard = guards.get(ctx);
  if (!guard) {
    guard = createFloodGuard(ctx);
    guards.set(ctx, guard);
  }
  return guard;
}

function createFloodGuard(ctx: WebContext): FloodGuard {
  const until = new Map<string, number>();
  let page: string | null = null;
  const refusalPage = () => {
    page ??= renderPage(
      ctx.config,
      { title: "Too many comments", noindex: true },
      <MessagePage
        title="Too many comments"
        lines={[
          "Too many comments have come from your network in a short time, so this one was not saved.",
          "Use your browser's Back button to return to your comment (your text is still there) and send it again in a few minutes.",
        ]}
        link={{ href: "/", text: "Go to the front page" }}
      />,
    );
    return page;
  };
  return {
    block(key, retryAfterSeconds, now = Date.now()) {
      until.delete(key);
      if (until.size >= MAX_BLOCKED) {
        const oldest = until.keys().next().value;
        if (oldest !== undefined) until.delete(oldest);
      }
      until.set(key, now + retryAfterSeconds * 1000);
    },
    async onRequest(req, reply) {
      const key = clientKey(req.ip);
      const end = until.get(key);
      if (end === undefined) return;
      const left = end - Date.now();
      if (left <= 0) {
        until.delete(key);
        return;
      }
      reply
        .code(429)
        .header("retry-after", String(Math.ceil(left / 1000)))
        .header("cache-control", "private, no-store")
        .type("text/html; charset=utf-8")
        .send(refusalPage());
      return reply;
    },
  };
}
