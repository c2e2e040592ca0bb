/**
 * @module The primary's housekeeping besides fetching: drains the mail outbox every few seconds and
 * prunes old rate-limit events every hour. Exactly one process per site runs it (the one that runs
 * the scheduler); each message is claimed before it is sent, so none is sent twice, even by a fetcher
 * restarted after one was killed mid-send.
 */
import type { Kysely } from "kysely";
import type { Logger } from "../log.ts";
import type { Mailer } from "../mail/mailer.ts";
import { sendDueMail } from "../mail/send-due-mail.ts";
import { pruneRateEvents } from "../storage/rate-events.ts";
import type { Database } from "../storage/schema.ts";
import { RATE_EVENTS_KEPT_MS } from "./housekeeping.ts";
import { type Repeating, repeatEvery } from "./repeat.ts";

/** How often the outbox is checked: a reply notice waits at most about this long. */
export const MAIL_TICK_MS = 10_000;
/** While the SMTP server is down, passes are skipped for up to this long (doubling from one tick). */
const MAIL_MAX_PAUSE_MS = 300_000;
const PRUNE_TICK_MS = 3_600_000;

export interface BackgroundDeps {
  db: Kysely<Database>;
  log: Logger;
  /** null when NEWSDESK_SMTP_URL is empty: mail stays queued, nothing is sent. */
  mailer: Mailer | null;
  /** More hourly housekeeping beside pruning rate-limit events (e.g. deleting expired sessions). */
  hourly?: ReadonlyArray<(now: Date) => Promise<unknown>>;
  now?: () => Date;
  mailTickMs?: number;
}

export interface BackgroundJobs {
  /** Runs an outbox pass now (tests, shutdown). */
  drainMail(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the outbox drain (when a mailer is configured) and the hourly pruning. */
export function startBackgroundJobs(deps: BackgroundDeps): BackgroundJobs {
  const { db, log, mailer } = deps;
  const now = deps.now ?? (() => new Date());
  const jobs: Repeating[] = [];
  let mail: Repeating | null = null;
  if (mailer) {
    const tick = deps.mailTickMs ?? MAIL_TICK_MS;
    let pause = 0;
    let pausedUntil = 0;
    mail = repeatEvery(
      "mail",
      tick,
      async () => {
        if (Date.now() < pausedUntil) return;
        const report = await sendDueMail(db, mailer, now(), log);
        // A server that is down is asked again later and later, not every tick.
        pause = report.serverDown ? Math.min(Math.max(pause * 2, tick), MAIL_MAX_PAUSE_MS) : 0;
        pausedUntil = Date.now() + pause;
      },
      log,
    );
    jobs.push(mail);
  }
  jobs.push(
    repeatEvery(
      "prune",
      PRUNE_TICK_MS,
      async () => {
        const at = now();
        const removed = await pruneRateEvents(db, new Date(at.getTime() - RATE_EVENTS_KEPT_MS));
        if (removed > 0) log.debug({ removed }, "old rate-limit events pruned");
        for (const task of deps.hourly ?? []) await task(at);
      },
      log,
    ),
  );
  return {
    drainMail: () => mail?.runNow() ?? Promise.resolve(),
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
      mailer?.close();
    },
  };
}
