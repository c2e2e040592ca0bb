/** @module Which IP addresses Newsdesk may connect to: public unicast only, unless an operator allows a network. */
import ipaddr from "ipaddr.js";
import type { Network } from "../util/networks.ts";

// Settings parse networks too (config/ must not import fetch/): the parser lives in util/.
export { type Network, parseNetworks } from "../util/networks.ts";

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

/** Human names for ipaddr.js range labels, used in the errors operators read. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: "an unspecified address (0.0.0.0/8 or ::)",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address (169.254.0.0/16, fe80::/10), where cloud metadata services live",
  loopback: "a loopback address (127.0.0.0/8, ::1)",
  carrierGradeNat: "a shared address (100.64.0.0/10)",
  private: "a private network address (RFC 1918)",
  uniqueLocal: "a unique-local address (fc00::/7)",
  reserved: "a reserved or documentation address",
  teredo: "a Teredo tunnel address",
  benchmarking: "a benchmarking address",
};

/** The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = v6.toByteArray();
  const tail = () => new ipaddr.IPv4(b.slice(12, 16));
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return tail(); // ::ffff:a.b.c.d
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1)) return tail(); // ::a.b.c.d
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return tail(); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return new ipaddr.IPv4(b.slice(2, 6)); // 2002::/16, 6to4
  return null;
}

function inNetwork(addr: Addr, net: Network): boolean {
  if (addr.kind() !== net.addr.kind()) return false;
  return addr.match(net.addr, net.prefix);
}

/**
 * Why `ip` must not be connected to, or null when it may. An address inside an allowed network is
 * always allowed; otherwise only public unicast addresses pass, and an IPv6 address that embeds an
 * IPv4 one is judged by the IPv4 address it carries.
 */
export function refusalReason(ip: string, allow: Network[] = []): string | null {
  let addr: Addr;
  try {
    addr = ipaddr.parse(ip.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  } catch {
    return `"${ip}" is not an IP address`;
  }
  if (allow.some((n) => inNetwork(addr, n))) return null;
  if (addr.kind() === "ipv6") {
    const v4 = embeddedIpv4(addr as ipaddr.IPv6);
    if (v4) {
      if (allow.some((n) => inNetwork(v4, n))) return null;
      const inner = refusalReason(v4.toString());
      return inner ? `an IPv6 form of ${v4.toString()}, which is ${inner}` : null;
    }
  }
  const range = addr.range();
  if (range === "unicast") return null;
  return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
}
