/** @module renderCommentBody: a commenter's Markdown subset to sanitized HTML, ready to store as body_html. */
import MarkdownIt from "markdown-it";
import { sanitizeCommentHtml } from "../sanitize/sanitize-comment.ts";

/**
 * markdown-it from its "zero" preset (nothing on) with only the subset enabled: paragraphs, line
 * breaks, emphasis, code spans and blocks, blockquotes, lists, links and bare http(s) URLs. Raw HTML
 * is escaped as text (html: false); headings, tables and images are not rules here, so `![x](y)`
 * stays a plain link and `# x` stays text.
 */
const md = new MarkdownIt("zero", { html: false, linkify: true, breaks: true, typographer: false });
md.enable([
  "blockquote",
  "code",
  "fence",
  "list",
  "emphasis",
  "backticks",
  "link",
  "newline",
  "escape",
  "linkify",
  "autolink",
  "entity",
]);
md.core.ruler.enable(["linkify"]);
// Links off the web (ftp:, file:, data:) are refused before rendering too, not only by the sanitizer.
md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

/** The comment's HTML: rendered by the subset, then passed through the comment allowlist. */
export function renderCommentBody(source: string): string {
  return sanitizeCommentHtml(md.render(source)).trim();
}

/** How many links a body holds once rendered (the same count readers and the link limit see). */
export function countLinks(html: string): number {
  return (html.match(/<a\s/g) ?? []).length;
}
