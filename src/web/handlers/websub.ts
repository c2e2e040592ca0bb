/** @module GET and POST /websub/:sourceId/:token : a WebSub hub verifying our subscription and pushing new items. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { queueSingleton } from "../../queue/enqueue.ts";
import { TASK } from "../../queue/task-names.ts";
import { isPostgres } from "../../storage/db.ts";
import { acceptPush, confirmIntent } from "../../websub/callback.ts";
import type { WebContext } from "../context.ts";

type Params = { sourceId: string; token: string };

/** A query parameter given once; a repeated one counts as absent. */
function one(query: unknown, name: string): string | undefined {
  const v = (query as Record<string, unknown>)[name];
  return typeof v === "string" ? v : undefined;
}

function refuse(reply: FastifyReply) {
  return reply.code(404).type("text/plain; charset=utf-8").send("not found");
}

/** Intent verification: echo hub.challenge for a subscription we asked for, 404 for anything else. */
export async function websubVerify(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { sourceId, token } = req.params as Params;
  const answer = await confirmIntent(ctx, sourceId, token, {
    mode: one(req.query, "hub.mode"),
    topic: one(req.query, "hub.topic"),
    challenge: one(req.query, "hub.challenge"),
    leaseSeconds: one(req.query, "hub.lease_seconds"),
    reason: one(req.query, "hub.reason"),
  });
  if (!answer) return refuse(reply);
  return reply.code(200).type("text/plain; charset=utf-8").send(answer.body);
}

/**
 * Content distribution: the raw body (see app.tsx), acknowledged alike whether its signature held or
 * not. A signed one is kept and stored by the fetcher (SQLite: it looks every few seconds) or a queue
 * worker (PostgreSQL: a job is queued now; a sweep every minute catches one that failed to queue).
 */
export async function websubPush(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { sourceId, token } = req.params as Params;
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const signature = req.headers["x-hub-signature"];
  const outcome = await acceptPush(ctx, sourceId, token, {
    body,
    contentType: req.headers["content-type"] ?? null,
    signature: typeof signature === "string" ? signature : null,
  });
  if (outcome === "unknown") return refuse(reply);
  if (outcome === "kept" && isPostgres(ctx.db)) {
    await queueSingleton(ctx.config, TASK.storePushes).catch((err: unknown) =>
      ctx.log.warn(
        { error: String(err) },
        "websub push kept; queuing its job failed (the minute's sweep stores it)",
      ),
    );
  }
  return reply.code(200).type("text/plain; charset=utf-8").send("");
}
