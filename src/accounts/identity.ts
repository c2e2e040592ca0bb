/** @module An account's email and display name: normalized and checked before they are stored. */

/** RFC 5321 caps a forward path at 256 octets, so a usable address is at most 254 characters. */
export const EMAIL_MAX_CHARS = 254;
export const NAME_MAX_CHARS = 100;

/** Trimmed and lower-cased: the form accounts are stored, looked up and compared in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Why an email cannot be an account's sign-in name; null when it can. Expects a normalized email. */
export function emailProblem(email: string): string | null {
  if (email.length === 0) return "An email address is required.";
  if (email.length > EMAIL_MAX_CHARS)
    return `The email address must be at most ${EMAIL_MAX_CHARS} characters.`;
  // Deliberately loose: one @ with something on each side and no spaces; the real test is a mail arriving.
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    return `"${email}" is not an email address (expected name@example.org).`;
  return null;
}

/** Why a display name is refused; null when it is acceptable. Expects a trimmed name. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return "A name is required (it is shown to other moderators).";
  if ([...name].length > NAME_MAX_CHARS) return `The name must be at most ${NAME_MAX_CHARS} characters.`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f]/.test(name)) return "The name must not contain control characters.";
  return null;
}
