/** @module The comment form's fields, checked with zod into a clean submission or field-specific messages. */
import { z } from "zod";

/** The form's field names, shared by the parser, the view and the tests. */
export const FIELDS = {
  name: "name",
  email: "email",
  website: "website",
  body: "comment",
  parent: "parent",
  token: "token",
  /** The honeypot: hidden from people by CSS and aria-hidden, so only robots fill it. */
  honeypot: "url_confirm",
  notify: "notify",
} as const;

/** What the reader typed, as strings, to show back in the form after an error. */
export interface CommentInput {
  name: string;
  email: string;
  website: string;
  body: string;
  parent: string;
  notify: boolean;
}

export interface CommentSubmission {
  name: string;
  /** Lower-cased. */
  email: string;
  website: string | null;
  body: string;
  parentId: number | null;
  notify: boolean;
}

export type FieldErrors = Partial<Record<keyof CommentInput, string>>;

export type FormResult =
  | { ok: true; value: CommentSubmission; input: CommentInput; token: string; honeypot: boolean }
  | { ok: false; errors: FieldErrors; input: CommentInput; token: string; honeypot: boolean };

// C0 and C1 controls, plus bidi overrides that could make a name display as something else.
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
// Local part and a dotted domain with no spaces: catches typos, leaves the rest to the mailbox.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\].]{2,}$/;

const emailSchema = z
  .string()
  .trim()
  .min(1, "Please enter your email address. It will not be published.")
  .max(254, "That email address is too long (254 characters at most).")
  .refine((s) => EMAIL.test(s), "Please check your email address; it should look like name@example.org.")
  .transform((s) => s.toLowerCase());

/** An email address checked as the comment form checks it: lower-cased, or the reader's message. */
export function parseEmail(raw: string): { ok: true; email: string } | { ok: false; error: string } {
  const r = emailSchema.safeParse(raw);
  return r.success
    ? { ok: true, email: r.data }
    : { ok: false, error: r.error.issues[0]?.message ?? "Please check your email address." };
}

function schema(maxChars: number) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, "Please enter your name.")
      .max(80, "Please keep your name to 80 characters or fewer.")
      .refine((s) => !CONTROL.test(s), "Your name contains characters that cannot be shown."),
    email: emailSchema,
    website: z
      .string()
      .trim()
      .max(300, "Please keep the website address to 300 characters or fewer.")
      .refine(
        (s) => s === "" || isWebUrl(s),
        "The website must be a full web address starting with http:// or https://.",
      )
      // What is stored is the normalized address, where each letter outside ASCII becomes up to
      // twelve characters (%C3%A4): the limit holds for that too.
      .refine(
        (s) => !isWebUrl(s) || new URL(s).toString().length <= 300,
        "Please keep the website address to 300 characters or fewer (a letter with an accent counts as several).",
      )
      .transform((s) => (s === "" ? null : new URL(s).toString())),
    body: z
      .string()
      .refine((s) => s.trim().length > 0, "Please write a comment.")
      .refine(
        (s) => [...s].length <= maxChars,
        `Please keep your comment to ${maxChars} characters or fewer.`,
      ),
    parent: z
      .string()
      .trim()
      .refine((s) => s === "" || /^\d{1,15}$/.test(s), "That reply link is broken; please reply again.")
      .transform((s) => (s === "" ? null : Number(s))),
    notify: z.boolean(),
  });
}

function isWebUrl(s: string): boolean {
  try {
    const url = new URL(s);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** One field of a urlencoded body as a string: a repeated field takes its first value, a missing one "". */
function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
}

/**
 * Checks a posted form (`@fastify/formbody`'s object). The typed input is always returned, so a
 * refused form is shown again with everything the reader wrote; the body is kept exactly as typed
 * (line breaks matter in Markdown) apart from a trailing-space trim.
 */
export function parseCommentForm(raw: unknown, maxChars: number): FormResult {
  const body = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const input: CommentInput = {
    name: field(body, FIELDS.name),
    email: field(body, FIELDS.email),
    website: field(body, FIELDS.website),
    body: field(body, FIELDS.body).replace(/\r\n?/g, "\n").trimEnd(),
    parent: field(body, FIELDS.parent),
    notify: field(body, FIELDS.notify) !== "",
  };
  const token = field(body, FIELDS.token);
  const honeypot = field(body, FIELDS.honeypot).trim() !== "";
  const parsed = schema(maxChars).safeParse(input);
  if (parsed.success) {
    const v = parsed.data;
    return {
      ok: true,
      value: {
        name: v.name,
        email: v.email,
        website: v.website,
        body: v.body,
        parentId: v.parent,
        notify: v.notify,
      },
      input,
      token,
      honeypot,
    };
  }
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof CommentInput;
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, input, token, honeypot };
}
