/** @module The whole public URL map in one list. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebContext } from "./context.ts";
import { articleShow } from "./handlers/article-show.tsx";
import { home } from "./handlers/home.tsx";

export interface Route {
  method: "GET" | "POST";
  url: string;
  handler: (ctx: WebContext, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export const routes: Route[] = [
  { method: "GET", url: "/", handler: home },
  { method: "GET", url: "/articles/:idSlug", handler: articleShow },
];
