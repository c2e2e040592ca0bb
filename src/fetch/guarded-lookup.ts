/** @module A `lookup` for net.connect that resolves once, refuses forbidden addresses, and hands over only checked ones. */
import type { LookupAddress, LookupOptions } from "node:dns";
import { NewsdeskError } from "../errors.ts";
import { type Network, refusalReason } from "./address-guard.ts";
import type { Resolver } from "./resolve-host.ts";

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

/** The one-line refusal an operator sees on the source. */
export function notAllowedError(host: string, address: string, reason: string): NewsdeskError {
  return new NewsdeskError(
    "fetch.not_allowed",
    `fetch: refused to connect to ${host} (${address}): it is ${reason}; an operator can allow a network with NEWSDESK_ALLOW_NETWORKS`,
  );
}

/**
 * Builds the lookup undici passes to net.connect/tls.connect. Because the socket connects to exactly
 * the addresses returned here, nothing can re-resolve the name to another address between the check
 * and the connection (DNS rebinding). If ANY address of the name is forbidden, the name is refused.
 */
export function createGuardedLookup(resolver: Resolver, allow: Network[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname)
      .then((all) => {
        const addrs =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (addrs.length === 0) {
          throw Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" });
        }
        for (const a of addrs) {
          const reason = refusalReason(a.address, allow);
          if (reason) throw notAllowedError(hostname, a.address, reason);
        }
        if (options.all) callback(null, addrs);
        else callback(null, addrs[0]!.address, addrs[0]!.family);
      })
      .catch((err: Error) => callback(err, ""));
  };
}
