/** @module GET and POST /websub/:sourceId/:token : a WebSub hub verifying our subscription and pushing new items. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { confirmIntent, receivePush } from "../../ingest/websub-callback.ts";
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

/** Content distribution: the raw body (see app.tsx), acknowledged alike whether its signature held or not. */
export async function websubPush(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const { sourceId, token } = req.params as Params;
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const signature = req.headers["x-hub-signature"];
  const outcome = await receivePush(ctx, sourceId, token, {
    body,
    contentType: req.headers["content-type"] ?? null,
    signature: typeof signature === "string" ? signature : null,
  });
  if (outcome === "unknown") return refuse(reply);
  return reply.code(200).type("text/plain; charset=utf-8").send("");
}
