/** @module IP networks as operators write them ("127.0.0.1/32, fd00::/8"): for settings and the address guard. */
import ipaddr from "ipaddr.js";

export interface Network {
  /** Parsed by ipaddr.js. */
  addr: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
  text: string;
}

/** Parses "127.0.0.1/32, 10.0.0.0/8"; a bare address means just that address. Throws on a bad entry. */
export function parseNetworks(list: string): Network[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((text) => {
      try {
        const [addr, prefix] = text.includes("/")
          ? ipaddr.parseCIDR(text)
          : (() => {
              const a = ipaddr.parse(text);
              return [a, a.kind() === "ipv4" ? 32 : 128] as const;
            })();
        return { addr, prefix, text };
      } catch {
        throw new Error(`"${text}" is not an address or CIDR network (e.g. 127.0.0.1/32 or fd00::/8)`);
      }
    });
}
