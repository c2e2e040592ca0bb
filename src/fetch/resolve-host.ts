/** @module Host name resolution, injectable so tests can map names to chosen addresses. */
import { lookup } from "node:dns/promises";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Returns every address a name resolves to; throws (with the resolver's code) when it resolves to none. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Whether a name is `localhost` or under it. RFC 6761 (6.3) asks resolvers to answer such names
 * with the loopback address themselves, never from DNS, as curl and systemd-resolved do; glibc
 * answers only the bare name from /etc/hosts.
 */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/**
 * The operating system's resolver (getaddrinfo), all addresses, in its order; localhost names are
 * 127.0.0.1 without asking it. Loopback is still refused by the address guard unless allowed.
 */
export const systemResolver: Resolver = async (hostname) => {
  if (isLocalhostName(hostname)) return [{ address: "127.0.0.1", family: 4 }];
  const all = await lookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};
