/**
 * @module The jobs of the queue on PostgreSQL (graphile-worker) and what each runs: the same functions
 * `serve`'s fetcher process runs on its timers on SQLite (jobs/scheduler.ts, jobs/background.ts), so
 * both databases exercise the same code.
 *
 * - `refresh_source` {sourceId}: one source refreshed; then its next refresh is queued for the time the
 *   refresh chose. One job per source at most, through its job key.
 * - `fetch_page` {articleId}: an article stored from its feed's text gets its page (ingest/retry-
 *   page.ts); if it failed again for a passing reason, the next try is queued for the back-off's time.
 *   One job per article at most, through its job key.
 * - `enqueue_due` (every minute, and when a worker starts): a refresh queued now for every due source
 *   not being refreshed already (new sources, sources made due by hand, a job lost with its
 *   database); a queued one set for later moves to now. Likewise a `fetch_page` job for every page
 *   retry due within the minute: the first try of a page stored from feed text (a minute after it
 *   failed, at the soonest) and any whose job was lost, or whose worker died holding it.
 * - `drain_mail`: the outbox sent (at most one runs at a time, cluster-wide, through its job key), each
 *   message claimed before it is sent, so one whose worker was killed mid-send is never sent again.
 * - `store_pushes`: the WebSub pushes the web processes kept, stored (queued by the web process that
 *   kept one, and every minute in case that failed).
 * - `housekeeping` (hourly): expired sessions, tokens, rate-limit events and kept pages pruned, and
 *   jobs set aside by graphile-worker for a newer one of their key whose worker died (see below).
 * - `sweep_clustering` (every minute): articles a killed worker left in no story filed, stories it
 *   left unsummarized summarized, and clustering's rows of long-closed stories pruned
 *   (jobs/clustering-sweep.ts).
 */
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import { z } from "zod";
import type { RefreshDeps } from "../ingest/refresh-source.ts";
import { refreshSource } from "../ingest/refresh-source.ts";
import { retryPage } from "../ingest/retry-page.ts";
import { storeWaitingPushes } from "../ingest/websub-push.ts";
import { describeSweep, sweepClustering } from "../jobs/clustering-sweep.ts";
import { runHousekeeping } from "../jobs/housekeeping.ts";
import type { Mailer } from "../mail/mailer.ts";
import { sendDueMail } from "../mail/send-due-mail.ts";
import { listDuePageRetries } from "../storage/page-retries.ts";
import { deleteSetAsideJobs, runningJobKeys } from "../storage/queue-jobs.ts";
import { findSourceById, listDueSources } from "../storage/sources.ts";
import { queueSchemaOf } from "./queue-schema.ts";
import { pageJob, refreshJob, refreshJobKey, TASK } from "./task-names.ts";

/** Sources looked at per `enqueue_due` batch. */
const DUE_BATCH = 500;

export interface TaskDeps extends RefreshDeps {
  /** null when NEWSDESK_SMTP_URL is empty: mail stays queued. */
  mailer: Mailer | null;
}

const refreshPayload = z.object({ sourceId: z.number().int().positive() });
const pagePayload = z.object({ articleId: z.number().int().positive() });

/** The graphile-worker task list. */
export function taskList(deps: TaskDeps): TaskList {
  const refresh: Task = async (payload, helpers) => {
    const { sourceId } = refreshPayload.parse(payload);
    const source = await findSourceById(deps.db, sourceId);
    // Removed or disabled since the job was queued: nothing to do, and nothing queued again.
    if (!source || source.disabled_at !== null) return;
    await refreshSource(source, deps);
    const after = await findSourceById(deps.db, sourceId);
    if (after && after.disabled_at === null)
      await queueRefresh(helpers, sourceId, new Date(after.next_fetch_at));
  };

  const fetchPage: Task = async (payload, helpers) => {
    const { articleId } = pagePayload.parse(payload);
    const { nextAttemptAt } = await retryPage(articleId, deps);
    if (nextAttemptAt) await queuePageRetry(helpers, articleId, nextAttemptAt);
  };

  const enqueueDue: Task = async (_payload, helpers) => {
    // A little ahead, so a source due within the minute is not left for the next sweep.
    const horizon = new Date(Date.now() + 60_000).toISOString();
    const due = await listDueSources(deps.db, horizon, DUE_BATCH);
    // A source being refreshed now is still due until its refresh ends, which queues the next one
    // itself: queued again here it would be refreshed twice in a row (and the running job, its key
    // taken over, would be marked failed by graphile-worker).
    const running = await runningJobKeys(
      deps.db,
      queueSchemaOf(deps.config),
      due.map((s) => refreshJobKey(s.id)),
    );
    let queued = 0;
    for (const source of due) {
      if (running.has(refreshJobKey(source.id))) continue;
      // Replaces a queued job set for later (a source made due by hand, a push's leftover items).
      await queueRefresh(helpers, source.id, new Date(source.next_fetch_at));
      queued++;
    }
    // A retry being tried is held past the horizon (its lease), so only waiting ones are queued.
    const pages = await listDuePageRetries(deps.db, horizon, DUE_BATCH);
    for (const retry of pages) await queuePageRetry(helpers, retry.articleId, new Date(retry.nextAttemptAt));
    if (queued > 0) helpers.logger.debug(`due sources queued: ${queued}`);
    if (pages.length > 0) helpers.logger.debug(`due page retries queued: ${pages.length}`);
  };

  const drainMail: Task = async () => {
    if (!deps.mailer) return;
    const report = await sendDueMail(deps.db, deps.mailer, new Date(), deps.log);
    // The server is down: fail the job, so graphile-worker retries it with back-off.
    if (report.serverDown) throw new Error("mail server unavailable; the outbox stays queued");
  };

  const storePushes: Task = async () => {
    await storeWaitingPushes(deps);
  };

  const housekeeping: Task = async () => {
    await runHousekeeping(deps.db, deps.config, new Date());
    await deleteSetAsideJobs(deps.db, queueSchemaOf(deps.config));
  };

  const clusteringSweep: Task = async (_payload, helpers) => {
    const repaired = describeSweep(await sweepClustering(deps));
    if (repaired) helpers.logger.info(repaired);
  };

  return {
    [TASK.refreshSource]: refresh,
    [TASK.fetchPage]: fetchPage,
    [TASK.enqueueDue]: enqueueDue,
    [TASK.drainMail]: drainMail,
    [TASK.storePushes]: storePushes,
    [TASK.housekeeping]: housekeeping,
    [TASK.sweepClustering]: clusteringSweep,
  };
}

/** Queues `sourceId`'s next refresh at `runAt`, replacing a queued one (a running one is left alone). */
export function queueRefresh(helpers: Pick<JobHelpers, "addJob">, sourceId: number, runAt: Date) {
  return helpers.addJob(TASK.refreshSource, { sourceId }, refreshJob(sourceId, runAt));
}

/** Queues article `articleId`'s page retry at `runAt`, replacing a queued one. */
export function queuePageRetry(helpers: Pick<JobHelpers, "addJob">, articleId: number, runAt: Date) {
  return helpers.addJob(TASK.fetchPage, { articleId }, pageJob(articleId, runAt));
}
