/**
 * @module The moderation page's inputs as pure functions: the queue's tab and page from the query, the
 * bulk and per-row actions from the posted form, and the notice shown after an action (built from a
 * fixed list of verbs and a number, so no posted text is ever echoed).
 */
import { z } from "zod";
import type { CommentStatus } from "../../storage/schema.ts";

export const QUEUE_TABS: ReadonlyArray<{ status: CommentStatus; label: string }> = [
  { status: "pending", label: "Pending" },
  { status: "approved", label: "Approved" },
  { status: "spam", label: "Spam" },
  { status: "trash", label: "Trash" },
];

/** Comments per page of the queue. */
export const PER_PAGE = 50;
/** The deepest page an address may ask for (offset paging stays bounded: 500,000 rows skipped at most). */
export const MAX_PAGE = 10_000;
/** Deleting for good is offered, and done, only for comments already in these tabs. */
export const DELETABLE: readonly CommentStatus[] = ["spam", "trash"];

export type QueueAction = "approve" | "spam" | "trash" | "delete";
/** What each action sets the status to (delete removes the rows). */
export const ACTION_STATUS: Record<Exclude<QueueAction, "delete">, CommentStatus> = {
  approve: "approved",
  spam: "spam",
  trash: "trash",
};

/** The notices an action may leave; `n` is how many comments (or 1 for an article). */
const DONE = {
  approved: (n: number) => `${count(n)} approved`,
  spam: (n: number) => `${count(n)} marked as spam`,
  trash: (n: number) => `${count(n)} moved to the trash`,
  deleted: (n: number) => `${count(n)} deleted for good`,
  edited: () => "Comment saved",
  closed: () => "Comments closed on that article",
  reopened: () => "Comments reopened on that article",
  none: () => "No comments were selected, so nothing changed",
} as const;
export type DoneKey = keyof typeof DONE;

function count(n: number): string {
  return `${n} comment${n === 1 ? "" : "s"}`;
}

function isStatus(v: unknown): v is CommentStatus {
  return QUEUE_TABS.some((t) => t.status === v);
}

function pageNumber(v: unknown): number {
  const n = typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

export interface QueueQuery {
  status: CommentStatus;
  page: number;
  notice: string | null;
}

/** `?status=&page=&done=&n=` read leniently: anything unknown falls back to the pending queue's first page. */
export function parseQueueQuery(raw: unknown): QueueQuery {
  const q = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const done = typeof q.done === "string" && Object.hasOwn(DONE, q.done) ? (q.done as DoneKey) : null;
  const n = typeof q.n === "string" && /^\d{1,6}$/.test(q.n) ? Number(q.n) : 0;
  return {
    status: isStatus(q.status) ? q.status : "pending",
    page: pageNumber(q.page),
    notice: done ? DONE[done](n) : null,
  };
}

/** The queue's address for a tab and page, with the notice of what was just done. */
export function queuePath(status: CommentStatus, page = 1, done?: { key: DoneKey; n?: number }): string {
  const params = new URLSearchParams({ status });
  if (page > 1) params.set("page", String(page));
  if (done) {
    params.set("done", done.key);
    if (done.n !== undefined) params.set("n", String(done.n));
  }
  return `/admin/comments?${params.toString()}`;
}

export type QueueOperation =
  | { kind: "status"; action: Exclude<QueueAction, "delete">; ids: number[] }
  | { kind: "delete"; ids: number[] }
  | { kind: "article"; articleId: number; closed: boolean };

export interface QueueForm {
  /** The tab and page to go back to. */
  status: CommentStatus;
  page: number;
  op: QueueOperation;
}

const id = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const formSchema = z.object({
  status: z.string().optional(),
  page: z.string().optional(),
  id: z.union([id, z.array(id).max(500)]).optional(),
  action: z.enum(["approve", "spam", "trash", "delete"]).optional(),
  /** A per-row button: "approve:12", "delete:12", or "close:7" / "reopen:7" for an article. */
  row: z
    .string()
    .regex(/^(approve|spam|trash|delete|close|reopen):\d{1,15}$/)
    .optional(),
});

/**
 * The posted queue form: a row button acts on its one comment (or article); otherwise the bulk
 * `action` acts on the ticked `id`s. Null when the form is not one the page sends.
 */
export function parseQueueForm(body: unknown): QueueForm | null {
  const parsed = formSchema.safeParse(body ?? {});
  if (!parsed.success) return null;
  const f = parsed.data;
  const back = { status: isStatus(f.status) ? f.status : "pending", page: pageNumber(f.page) } as const;
  if (f.row) {
    const [verb = "", num = ""] = f.row.split(":");
    const target = Number(num);
    if (verb === "close" || verb === "reopen")
      return { ...back, op: { kind: "article", articleId: target, closed: verb === "close" } };
    return { ...back, op: operation(verb as QueueAction, [target]) };
  }
  if (!f.action) return null;
  const ids = f.id === undefined ? [] : Array.isArray(f.id) ? f.id : [f.id];
  return { ...back, op: operation(f.action, [...new Set(ids)]) };
}

function operation(action: QueueAction, ids: number[]): QueueOperation {
  return action === "delete" ? { kind: "delete", ids } : { kind: "status", action, ids };
}
