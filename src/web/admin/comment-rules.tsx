/**
 * @module GET /admin/comment-rules and its POSTs (add, remove): the moderation rules, for moderators
 * and admins alike (rules are part of moderating), plus the comment settings shown read-only.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { parseRuleInput } from "../../comments/rule-input.ts";
import { addRule, listRules, removeRule } from "../../storage/comment-rules.ts";
import type { WebContext } from "../context.ts";
import { CommentRulesPage, type RulesPageProps } from "./comment-rules-page.tsx";
import { sendAdminPage } from "./respond.tsx";
import { signedIn } from "./session.ts";

const NOTICES: Record<string, string> = {
  added: "Rule saved. It applies to the next comment posted.",
  removed: "Rule removed.",
  gone: "That rule was already removed.",
};

function settings(ctx: WebContext): RulesPageProps["settings"] {
  const c = ctx.config;
  const days = c.commentsCloseAfterDays;
  return [
    {
      label: "Links allowed per comment before it is held",
      value: String(c.commentMaxLinks),
      env: "NEWSDESK_COMMENT_MAX_LINKS",
    },
    {
      label: "Comments close automatically",
      value: days > 0 ? `${days} days after the article was published` : "never (0)",
      env: "NEWSDESK_COMMENTS_CLOSE_AFTER_DAYS",
    },
    { label: "Reply depth", value: String(c.commentMaxDepth), env: "NEWSDESK_COMMENT_MAX_DEPTH" },
    {
      label: "Minimum seconds to fill the form",
      value: String(c.commentMinSeconds),
      env: "NEWSDESK_COMMENT_MIN_SECONDS",
    },
  ];
}

async function render(
  ctx: WebContext,
  req: FastifyRequest,
  reply: FastifyReply,
  form: Pick<RulesPageProps, "notice" | "error" | "values">,
  status = 200,
) {
  const page = (
    <CommentRulesPage
      csrf={signedIn(req).csrf}
      rules={await listRules(ctx.db)}
      settings={settings(ctx)}
      {...form}
    />
  );
  return sendAdminPage(ctx, req, reply, "Comment rules", page, status);
}

const EMPTY = { kind: "word", value: "", action: "hold" };

/** GET /admin/comment-rules[?done=added|removed|gone] */
export function showRules(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const done = (req.query as Record<string, unknown>).done;
  const notice = typeof done === "string" && Object.hasOwn(NOTICES, done) ? (NOTICES[done] ?? null) : null;
  return render(ctx, req, reply, { notice, error: null, values: EMPTY });
}

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === "string" ? v : "";
}

/** POST /admin/comment-rules: adds a rule (or changes the action of the same one). */
export async function addRuleAction(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const body = req.body && typeof req.body === "object" ? (req.body as Record<string, unknown>) : {};
  const values = {
    kind: field(body, "kind"),
    value: field(body, "value").slice(0, 1000),
    action: field(body, "action"),
  };
  const parsed = parseRuleInput(values);
  if (!parsed.ok) return render(ctx, req, reply, { notice: null, error: parsed.error, values }, 422);
  await addRule(ctx.db, parsed.rule, new Date());
  req.log.info(
    { user_id: signedIn(req).user.id, kind: parsed.rule.kind, action: parsed.rule.action },
    "rule added",
  );
  return reply.redirect("/admin/comment-rules?done=added", 303);
}

/** POST /admin/comment-rules/remove */
export async function removeRuleAction(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const raw = (req.body as Record<string, unknown> | undefined)?.id;
  const id = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const removed = id > 0 && (await removeRule(ctx.db, id));
  if (removed) req.log.info({ user_id: signedIn(req).user.id, rule_id: id }, "rule removed");
  return reply.redirect(`/admin/comment-rules?done=${removed ? "removed" : "gone"}`, 303);
}
