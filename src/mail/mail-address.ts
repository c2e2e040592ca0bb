/**
 * @module What may go into an email's headers: one plain mailbox as the recipient, a subject without
 * line breaks, and log text with every address blanked out.
 */

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Letters of any script are allowed in the domain (nodemailer sends it as punycode).
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * True for exactly one bare mailbox (`name@example.org`): no display name, no list, no comment, no
 * whitespace or control characters, so nothing in it can add a recipient or a header line.
 * A domain needs a dot: `ann@gmail` is a typo, not an address to send to.
 */
export function isValidMailbox(address: string): boolean {
  if (typeof address !== "string" || address.length > 254) return false;
  const at = address.lastIndexOf("@");
  if (at <= 0 || at > 64) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split(".");
  return LOCAL_PART.test(local) && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l));
}

/** Longest subject sent; longer ones are cut (a subject is a line, not a message). */
export const MAX_SUBJECT_CHARS = 200;

/** A header value on one line: every control character (CR, LF, tab, NUL ...) becomes a space. */
export function cleanHeaderText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  return oneLine.length > MAX_SUBJECT_CHARS ? `${oneLine.slice(0, MAX_SUBJECT_CHARS - 1)}…` : oneLine;
}

const ANY_ADDRESS = /[^\s<>()[\]",;:@]+@[^\s<>()[\]"',;:@]+/g;

/** `text` with anything that looks like an email address replaced, for logs and stored errors. */
export function redactAddresses(text: string): string {
  return text.replace(ANY_ADDRESS, "<address>");
}
