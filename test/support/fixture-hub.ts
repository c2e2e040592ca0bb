/** @module A WebSub hub for tests: records subscription requests, verifies intent at the callback, and publishes signed pushes. */
import { createHmac, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FixtureResponse } from "./fixture-server.ts";

export interface HubRequest {
  mode: string;
  topic: string;
  callback: string;
  secret: string;
  leaseSeconds: string;
}

export interface Verification {
  challenge: string;
  status: number;
  body: string;
}

export interface FixtureHub {
  /** Mount on a fixture server, e.g. `{ "/hub": hub.route }`. */
  route: FixtureResponse;
  /** Subscription requests received, in order. */
  requests: HubRequest[];
  /** How the hub answers the next requests (202 accepts and verifies; anything else refuses). */
  status: number;
  /** The callback's answer to the intent verification the hub sent for the n-th request. */
  verification(n: number): Promise<Verification>;
  /** POSTs `body` to the n-th request's callback, signed with its secret unless told otherwise. */
  publish(
    n: number,
    body: string,
    options?: { method?: string; secret?: string; signature?: string | null; contentType?: string },
  ): Promise<number>;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString())));
    req.on("error", reject);
  });
}

/** A hub granting the lease asked for, verifying each accepted request right after answering it. */
export function createFixtureHub(): FixtureHub {
  const requests: HubRequest[] = [];
  const verifications: Array<Promise<Verification>> = [];
  const hub: FixtureHub = {
    requests,
    status: 202,
    route: {
      handle: (req: IncomingMessage, res: ServerResponse) => {
        void readForm(req).then((form) => {
          const request: HubRequest = {
            mode: form.get("hub.mode") ?? "",
            topic: form.get("hub.topic") ?? "",
            callback: form.get("hub.callback") ?? "",
            secret: form.get("hub.secret") ?? "",
            leaseSeconds: form.get("hub.lease_seconds") ?? "",
          };
          requests.push(request);
          const status = hub.status;
          res.writeHead(status, { "content-type": "text/plain" });
          res.end(status === 202 ? "Accepted" : "Hub failure");
          if (status === 202) verifications.push(verify(request));
        });
      },
    },
    verification: async (n) => {
      for (let i = 0; i < 100 && verifications[n] === undefined; i++)
        await new Promise((r) => setTimeout(r, 20));
      const v = verifications[n];
      if (!v) throw new Error(`the hub sent no verification #${n}`);
      return v;
    },
    publish: async (n, body, options = {}) => {
      const request = requests[n];
      if (!request) throw new Error(`no subscription request #${n}`);
      const method = options.method ?? "sha256";
      const signature =
        options.signature !== undefined
          ? options.signature
          : `${method}=${createHmac(method, options.secret ?? request.secret)
              .update(body)
              .digest("hex")}`;
      const headers: Record<string, string> = {
        "content-type": options.contentType ?? "application/atom+xml; charset=utf-8",
      };
      if (signature !== null) headers["x-hub-signature"] = signature;
      const res = await fetch(request.callback, { method: "POST", headers, body });
      await res.arrayBuffer();
      return res.status;
    },
  };
  return hub;
}

async function verify(request: HubRequest): Promise<Verification> {
  // A moment later, as a real hub would, after the subscriber has had its answer.
  await new Promise((r) => setTimeout(r, 10));
  const challenge = randomBytes(12).toString("hex");
  const url = new URL(request.callback);
  url.searchParams.set("hub.mode", request.mode);
  url.searchParams.set("hub.topic", request.topic);
  url.searchParams.set("hub.challenge", challenge);
  url.searchParams.set("hub.lease_seconds", request.leaseSeconds);
  const res = await fetch(url);
  return { challenge, status: res.status, body: await res.text() };
}
