/**
 * @module The spam checks as pure functions: rule matches, link counting, and the decision that turns
 * their reasons into a status (approved, pending, spam). The handler does the I/O around them.
 */
import ipaddr from "ipaddr.js";

export interface CommentRule {
  kind: "word" | "email" | "ip" | "network";
  value: string;
  action: "hold" | "spam";
}

export interface RuleHit {
  action: "hold" | "spam";
  /** One line for the moderator: which rule matched. */
  reason: string;
}

export interface CheckedComment {
  name: string;
  email: string;
  website: string | null;
  body: string;
  ip: string | null;
}

/** Parses an address, IPv4-mapped IPv6 ("::ffff:1.2.3.4") taken as the IPv4 it carries. */
function parseIp(raw: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const addr = ipaddr.parse(raw.trim());
    return addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress()
      ? (addr as ipaddr.IPv6).toIPv4Address()
      : addr;
  } catch {
    return null;
  }
}

function ipMatches(rule: CommentRule, ip: string | null): boolean {
  const addr = ip === null ? null : parseIp(ip);
  if (!addr) return false;
  if (rule.kind === "ip") {
    const other = parseIp(rule.value);
    return other !== null && other.kind() === addr.kind() && other.toString() === addr.toString();
  }
  try {
    const [net, bits] = ipaddr.parseCIDR(rule.value.trim());
    const a = net.kind() === "ipv4" && addr.kind() === "ipv6" ? null : addr;
    return a !== null && a.kind() === net.kind() && a.match([net, bits]);
  } catch {
    return false;
  }
}

/** A word rule matches whole words (or phrases), case-insensitively, in the name, website or body. */
function wordMatches(value: string, c: CheckedComment): boolean {
  const word = value.trim().toLowerCase();
  if (word === "") return false;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "u");
  return [c.name, c.website ?? "", c.body].some((s) => re.test(s.toLowerCase()));
}

/** An email rule is a whole address, or "@domain" for every address there. */
function emailMatches(value: string, email: string): boolean {
  const v = value.trim().toLowerCase();
  return v.startsWith("@") ? email.endsWith(v) : email === v;
}

/** Every moderation rule the comment matches. */
export function matchRules(rules: readonly CommentRule[], c: CheckedComment): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    const hit =
      rule.kind === "word"
        ? wordMatches(rule.value, c)
        : rule.kind === "email"
          ? emailMatches(rule.value, c.email)
          : ipMatches(rule, c.ip);
    if (hit) hits.push({ action: rule.action, reason: `${rule.kind} rule "${rule.value}"` });
  }
  return hits;
}

/** The held reason when a body has more links than allowed, else null. */
export function linkLimitReason(links: number, maxLinks: number): string | null {
  return links > maxLinks ? `${links} links (more than ${maxLinks})` : null;
}

export type AkismetVerdict = "ham" | "spam" | "unavailable" | "off";

export interface DecisionInput {
  ruleHits: readonly RuleHit[];
  linkReason: string | null;
  /** The email has an approved comment already. */
  approvedBefore: boolean;
  /**
   * The post comes from a browser that posted under this email before (its signed cookie). An earlier
   * approval counts only then; absent, it is taken as true (callers that know no browsers).
   */
  sameBrowser?: boolean;
  akismet: AkismetVerdict;
}

export interface Decision {
  status: "approved" | "pending" | "spam";
  /** For the moderator, one per line in held_reasons; empty for an approved comment. */
  reasons: string[];
}

/**
 * Spam rules win, then anything that holds (a hold rule, too many links, the spam service unsure or
 * unreachable, a first comment from this email, or a known email from a browser that never posted
 * under it); a known commenter with none of these is approved.
 */
export function decideStatus(input: DecisionInput): Decision {
  const spam = input.ruleHits.filter((h) => h.action === "spam").map((h) => h.reason);
  if (input.akismet === "spam") spam.push("the spam service called it spam");
  if (spam.length > 0) return { status: "spam", reasons: spam };
  const held = input.ruleHits.map((h) => h.reason);
  if (input.linkReason) held.push(input.linkReason);
  if (input.akismet === "unavailable") held.push("the spam service could not be reached");
  if (!input.approvedBefore) held.push("first comment from this email address");
  else if (input.sameBrowser === false)
    held.push("email address approved before, but posted from another browser");
  return held.length > 0 ? { status: "pending", reasons: held } : { status: "approved", reasons: [] };
}
