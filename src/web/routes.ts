/** @module The whole public URL map in one list. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebContext } from "./context.ts";
import { articleShow } from "./handlers/article-show.tsx";
import { home } from "./handlers/home.tsx";
import { websubPush, websubVerify } from "./handlers/websub.ts";

export interface Route {
  method: "GET" | "POST";
  url: string;
  handler: (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** The handler gets the body as the exact bytes sent (any content type), capped at NEWSDESK_MAX_BODY_BYTES. */
  rawBody?: boolean;
  /** The page is the same for every visitor: its 200 answers are cached until the data changes (page-cache.ts). */
  pageCache?: boolean;
}

export const routes: Route[] = [
  { method: "GET", url: "/", handler: home, pageCache: true },
  { method: "GET", url: "/articles/:idSlug", handler: articleShow, pageCache: true },
  { method: "GET", url: "/websub/:sourceId/:token", handler: websubVerify },
  { method: "POST", url: "/websub/:sourceId/:token", handler: websubPush, rawBody: true },
];
