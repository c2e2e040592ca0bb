/**
 * @module A moderation rule as a moderator types it, checked and normalized: IPs and networks parsed
 * with ipaddr.js, emails lower-cased (a whole address, or "@domain"), words trimmed. Pure.
 */
import ipaddr from "ipaddr.js";
import { parseEmail } from "./form.ts";
import type { CommentRule } from "./spam-checks.ts";

export const RULE_KINDS = ["word", "email", "ip", "network"] as const;
export const RULE_ACTIONS = ["hold", "spam"] as const;

/** The shortest network prefixes accepted: anything wider is almost surely a typo that would catch everyone. */
export const MIN_PREFIX = { ipv4: 8, ipv6: 16 } as const;

export type RuleInputResult = { ok: true; rule: CommentRule } | { ok: false; error: string };

function oneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (list as readonly string[]).includes(v);
}

/** An IPv4-mapped IPv6 address is stored as the IPv4 it carries, as the matcher reads it. */
function plainAddress(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()
    ? (addr as ipaddr.IPv6).toIPv4Address()
    : addr;
}

function parseIpValue(v: string): RuleInputResult | string {
  // Only dotted-quad IPv4 ("10.1", "0x7f.1" and bare numbers are legal to ipaddr.js, but no one means them).
  if (ipaddr.IPv4.isValidFourPartDecimal(v)) return ipaddr.IPv4.parse(v).toString();
  if (ipaddr.IPv6.isValid(v)) return plainAddress(ipaddr.IPv6.parse(v)).toString();
  return { ok: false, error: `"${v}" is not an IP address. Write one like 203.0.113.7 or 2001:db8::7.` };
}

function parseNetworkValue(v: string): RuleInputResult | string {
  const bad = {
    ok: false,
    error: `"${v}" is not a network. Write one in CIDR form, like 203.0.113.0/24 or 2001:db8::/32.`,
  } as const;
  const slash = v.indexOf("/");
  if (slash < 0) return bad;
  const host = v.slice(0, slash);
  if (!ipaddr.IPv4.isValidFourPartDecimal(host) && !ipaddr.IPv6.isValid(host)) return bad;
  let kind: "ipv4" | "ipv6";
  let bits: number;
  try {
    const parsed = ipaddr.parseCIDR(v);
    kind = parsed[0].kind();
    bits = parsed[1];
  } catch {
    return bad;
  }
  if (bits < MIN_PREFIX[kind])
    return {
      ok: false,
      error: `/${bits} covers too much of the internet; use a prefix of /${MIN_PREFIX[kind]} or longer.`,
    };
  const network =
    kind === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(v) : ipaddr.IPv6.networkAddressFromCIDR(v);
  return `${network.toString()}/${bits}`;
}

function parseEmailValue(v: string): RuleInputResult | string {
  const domain = /^@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i.exec(v);
  if (domain) return `@${domain[1]?.toLowerCase()}`;
  const parsed = parseEmail(v);
  return parsed.ok
    ? parsed.email
    : {
        ok: false,
        error: `"${v}" is not an email address. Write a whole address (name@example.org) or "@example.org" for every address there.`,
      };
}

function parseWordValue(v: string): RuleInputResult | string {
  if (v.length > 100) return { ok: false, error: "Keep a word or phrase to 100 characters or fewer." };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f]/.test(v)) return { ok: false, error: "The word contains control characters." };
  return v.toLowerCase();
}

/** Checks the add-rule form's three fields; the error says what to type instead. */
export function parseRuleInput(raw: { kind: unknown; value: unknown; action: unknown }): RuleInputResult {
  if (!oneOf(RULE_KINDS, raw.kind))
    return {
      ok: false,
      error: "Choose what the rule matches: a word, an email, an IP address or a network.",
    };
  if (!oneOf(RULE_ACTIONS, raw.action))
    return { ok: false, error: "Choose what the rule does: hold for a moderator, or mark as spam." };
  const value = typeof raw.value === "string" ? raw.value.trim() : "";
  if (value === "") return { ok: false, error: "Enter the value the rule matches." };
  const parse = {
    word: parseWordValue,
    email: parseEmailValue,
    ip: parseIpValue,
    network: parseNetworkValue,
  }[raw.kind];
  const result = parse(value);
  return typeof result === "string"
    ? { ok: true, rule: { kind: raw.kind, value: result, action: raw.action } }
    : result;
}
