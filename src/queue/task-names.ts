/**
 * @module The queue's task names and job keys, apart from the tasks themselves (tasks.ts), so the web
 * tier can queue a job without loading what the job runs.
 */

export const TASK = {
  refreshSource: "refresh_source",
  fetchPage: "fetch_page",
  enqueueDue: "enqueue_due",
  drainMail: "drain_mail",
  storePushes: "store_pushes",
  housekeeping: "housekeeping",
  sweepClustering: "sweep_clustering",
} as const;

/** One refresh job per source: queued again under the same key, it moves, never doubles. */
export const refreshJobKey = (sourceId: number) => `refresh_source:${sourceId}`;

/**
 * A source's refresh job: its key (one queued at most: queued again, it moves) and a named queue of
 * its own (a job queued while another runs waits for it, so one source is never refreshed twice at
 * once).
 */
export const refreshJob = (sourceId: number, runAt: Date) =>
  ({
    jobKey: refreshJobKey(sourceId),
    jobKeyMode: "replace",
    queueName: refreshJobKey(sourceId),
    runAt,
  }) as const;

/**
 * An article's page retry (ingest/retry-page.ts), queued for the time it is due: one job per article
 * at most (queued again, it moves). The retry's row is claimed before the fetch, so a second job for
 * it, or a sweep's copy, finds nothing to do.
 */
export const pageJob = (articleId: number, runAt: Date) =>
  ({ jobKey: `fetch_page:${articleId}`, jobKeyMode: "replace", runAt }) as const;

/**
 * A job that runs alone: a job key (a slow run or a worker that was down never piles up copies) and a
 * named queue of its own (jobs of one queue run one at a time, cluster-wide: two outbox drains never
 * run at once, so no email is sent twice by two workers).
 */
export const singleton = (task: string) =>
  ({ jobKey: task, jobKeyMode: "preserve_run_at", queueName: task }) as const;

const cronLine = (schedule: string, task: string) =>
  `${schedule} ${task} ?jobKey=${task}&jobKeyMode=preserve_run_at&queue=${task}&max=1`;

/** The periodic jobs, in graphile-worker's crontab format, each a singleton. */
export const CRONTAB = [
  cronLine("* * * * *", TASK.enqueueDue),
  cronLine("* * * * *", TASK.drainMail),
  cronLine("* * * * *", TASK.storePushes),
  cronLine("* * * * *", TASK.sweepClustering),
  cronLine("7 * * * *", TASK.housekeeping),
].join("\n");
