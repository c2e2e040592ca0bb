/**
 * @module The key a per-address limit counts a client under: an IPv4 address as it is, an IPv6 address
 * by its /64 network (one subscriber usually holds a whole /64, so counting single IPv6 addresses
 * would give a flooder billions of keys), an IPv4-mapped IPv6 address as its IPv4 address.
 */
import ipaddr from "ipaddr.js";

export function clientKey(ip: string): string {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return ip;
  }
  if (addr.kind() === "ipv6") {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
    const parts = v6.parts.slice(0, 4).map((p) => p.toString(16));
    return `${parts.join(":")}::/64`;
  }
  return addr.toString();
}
