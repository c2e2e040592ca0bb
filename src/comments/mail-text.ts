/** @module The plain-text emails comments send: a reply notice and a deletion link. Pure: text in, text out. */
import type { OutgoingMail } from "../storage/mail-outbox.ts";

/** Header-safe one line: no line breaks a name could use to add mail headers, at most `max` characters. */
function oneLine(s: string, max: number): string {
  const flat = s
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export interface ReplyMailInput {
  to: string;
  siteTitle: string;
  parentAuthor: string;
  replyAuthor: string;
  replyBody: string;
  articleTitle: string;
  /** Absolute URL of the reply on the article page. */
  replyUrl: string;
  /** Absolute URL of a deletion link for the recipient's comments, when mail can carry one. */
  deleteUrl: string | null;
}

/** "X replied to your comment on ...": the reply's text (cut at 1,000 characters) and its link. */
export function replyMail(m: ReplyMailInput): OutgoingMail {
  const body = m.replyBody.length > 1000 ? `${m.replyBody.slice(0, 999)}…` : m.replyBody;
  const lines = [
    `Hello ${oneLine(m.parentAuthor, 80)},`,
    "",
    `${oneLine(m.replyAuthor, 80)} replied to your comment on "${oneLine(m.articleTitle, 200)}":`,
    "",
    body,
    "",
    `Read it and reply: ${m.replyUrl}`,
    "",
    `You are getting this because you asked ${m.siteTitle} to tell you about replies.`,
  ];
  if (m.deleteUrl) lines.push(`To delete all your comments on ${m.siteTitle}: ${m.deleteUrl}`);
  return {
    to: m.to,
    subject: oneLine(`${m.replyAuthor} replied to your comment on ${m.siteTitle}`, 150),
    text: `${lines.join("\n")}\n`,
  };
}

/** The email carrying a link that deletes every comment sent from the address. */
export function deleteLinkMail(
  to: string,
  siteTitle: string,
  deleteUrl: string,
  hours: number,
): OutgoingMail {
  return {
    to,
    subject: oneLine(`Delete your comments on ${siteTitle}`, 150),
    text: [
      "Someone (we hope you) asked for a link to delete the comments posted with this email address",
      `on ${siteTitle}. Open it to see how many there are and confirm:`,
      "",
      deleteUrl,
      "",
      `The link works for ${hours} hours. If you did not ask for it, ignore this email: nothing changes.`,
      "",
    ].join("\n"),
  };
}
