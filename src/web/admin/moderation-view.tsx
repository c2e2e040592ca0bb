/**
 * @module The moderation queue's markup: status tabs with counts, one form holding the bulk actions
 * and every row (per-row buttons carry their own "verb:id", so no form is nested), and the pages.
 * Comment bodies arrive inert (links as text with their address); emails are shown: moderators only.
 */
import type { CommentStatus } from "../../storage/schema.ts";
import { CsrfField } from "./admin-layout.tsx";
import { DELETABLE, QUEUE_TABS, queuePath } from "./moderation-params.ts";

export interface QueueRow {
  id: number;
  name: string;
  email: string;
  website: string | null;
  ip: string | null;
  createdIso: string;
  createdDisplay: string;
  status: CommentStatus;
  isReply: boolean;
  heldReasons: string[];
  /** inertCommentHtml of the stored body. */
  bodyHtml: string;
  article: { id: number; title: string; href: string; closed: boolean; closedByAge: boolean };
}

export interface QueueViewProps {
  csrf: string;
  status: CommentStatus;
  counts: Record<CommentStatus, number>;
  rows: QueueRow[];
  page: number;
  lastPage: number;
  notice: string | null;
}

const ACTIONS_FOR: Record<CommentStatus, Array<["approve" | "spam" | "trash" | "delete", string]>> = {
  pending: [
    ["approve", "Approve"],
    ["spam", "Spam"],
    ["trash", "Trash"],
  ],
  approved: [
    ["spam", "Spam"],
    ["trash", "Trash"],
  ],
  spam: [
    ["approve", "Not spam: approve"],
    ["trash", "Trash"],
    ["delete", "Delete for good"],
  ],
  trash: [
    ["approve", "Restore and approve"],
    ["spam", "Spam"],
    ["delete", "Delete for good"],
  ],
};

function Row({ row, status }: { row: QueueRow; status: CommentStatus }) {
  const label = `comment by ${row.name}`;
  return (
    <li class="mod-item" id={`c-${row.id}`}>
      <article aria-labelledby={`c-${row.id}-by`}>
        <header class="mod-meta">
          <input type="checkbox" name="id" value={String(row.id)} id={`sel-${row.id}`} />{" "}
          <label for={`sel-${row.id}`} id={`c-${row.id}-by`}>
            <bdi>{row.name}</bdi>
            {row.isReply ? " (reply)" : ""}
          </label>
          <dl class="mod-facts">
            <dt>Email</dt>
            <dd>{row.email}</dd>
            <dt>Website</dt>
            <dd>{row.website ?? "none"}</dd>
            <dt>IP</dt>
            <dd>{row.ip ?? "unknown"}</dd>
            <dt>Posted</dt>
            <dd>
              <time datetime={row.createdIso} dir="ltr">
                {row.createdDisplay}
              </time>
            </dd>
            <dt>On</dt>
            <dd>
              <a href={row.article.href}>{row.article.title}</a>{" "}
              {row.article.closedByAge ? (
                <span class="hint">(closed by age)</span>
              ) : (
                <button
                  type="submit"
                  class="link-button"
                  name="row"
                  value={`${row.article.closed ? "reopen" : "close"}:${row.article.id}`}
                >
                  {row.article.closed ? "Reopen comments" : "Close comments"}
                  <span class="visually-hidden"> on {row.article.title}</span>
                </button>
              )}
            </dd>
          </dl>
        </header>
        {row.heldReasons.length > 0 ? (
          <p class="mod-reasons">
            Held: <span>{row.heldReasons.join("; ")}</span>
          </p>
        ) : null}
        {/* Sanitized at posting, made inert again here (links shown with their address, not followable). */}
        <div class="comment-body mod-body" dir="auto" dangerouslySetInnerHTML={{ __html: row.bodyHtml }} />
        <p class="mod-row-actions">
          {ACTIONS_FOR[status].map(([verb, text]) => (
            <button key={verb} type="submit" name="row" value={`${verb}:${row.id}`}>
              {text}
              <span class="visually-hidden"> {label}</span>
            </button>
          ))}{" "}
          <a href={`/admin/comments/${row.id}/edit`}>
            Edit<span class="visually-hidden"> {label}</span>
          </a>
        </p>
      </article>
    </li>
  );
}

export function ModerationQueue(props: QueueViewProps) {
  const { status, page, lastPage } = props;
  const tab = QUEUE_TABS.find((t) => t.status === status)?.label ?? status;
  return (
    <section class="moderation">
      <h1>Comments</h1>
      <nav aria-label="Comment status">
        <ul class="mod-tabs">
          {QUEUE_TABS.map((t) => (
            <li key={t.status}>
              <a href={queuePath(t.status)} aria-current={t.status === status ? "page" : undefined}>
                {t.label} ({props.counts[t.status]})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.rows.length === 0 ? (
        <p class="empty">No comments in {tab}.</p>
      ) : (
        <form method="post" action="/admin/comments" class="mod-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="status" value={status} />
          <input type="hidden" name="page" value={String(page)} />
          <fieldset class="mod-bulk">
            <legend>With the selected comments</legend>
            {ACTIONS_FOR[status].map(([verb, text]) => (
              <button key={verb} type="submit" name="action" value={verb}>
                {text}
              </button>
            ))}
          </fieldset>
          {DELETABLE.includes(status) ? (
            <p class="hint">Deleting for good cannot be undone; replies by others are kept.</p>
          ) : null}
          <ol class="mod-list">
            {props.rows.map((row) => (
              <Row key={row.id} row={row} status={status} />
            ))}
          </ol>
        </form>
      )}
      {lastPage > 1 ? (
        <nav class="pager" aria-label="Pages">
          {page > 1 ? <a href={queuePath(status, page - 1)}>← Previous</a> : null}
          <span>
            Page {page} of {lastPage}
          </span>
          {page < lastPage ? <a href={queuePath(status, page + 1)}>Next →</a> : null}
        </nav>
      ) : null}
    </section>
  );
}
