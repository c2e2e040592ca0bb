/**
 * @module `newsdesk serve` killed with SIGKILL at random moments of a comment flood, then started
 * again: the rounds test/comments/kill-consistency.test.ts and bench/faults-kill.ts share. After each
 * kill the database must be consistent, hold every acknowledged comment, and keep the approved
 * comments from before unchanged.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { stopChild } from "./child-exit.ts";
import { articlePath, FLOOD_ENV, FLOOD_MAX_DEPTH, seedFloodArticle, startFlood } from "./comment-flood.ts";
import { checkCommentRows } from "./comment-invariants.ts";
import type { KillRoundOptions } from "./ingest-kills.ts";
import { type ServeChild, startServe } from "./serve-child.ts";
import { sqliteFileProblems } from "./sqlite-integrity.ts";

export interface CommentKillFigures {
  kills: number;
  sent: number;
  acknowledged: number;
  /** New rows stored; more than acknowledged when a kill came between a commit and its answer. */
  stored: number;
  /** Broken rules after a kill, each prefixed with its round. */
  problems: string[];
  /** Acknowledged comments missing or changed after a kill. */
  lost: number;
  /** The article page after a restart showed every approved comment, and only those. */
  pageAgrees: boolean;
  seconds: number;
}

/** Posters at once, and how long after the first acknowledgement a kill may come: a few dozen comments. */
const POSTERS = 8;
const WINDOW_MS = 1500;

/**
 * Seeds an article on a migrated `databaseUrl`, then `rounds` times starts serve, floods it and kills
 * it a random time after its first acknowledgement.
 */
export async function commentKillRounds(
  opts: KillRoundOptions<CommentKillFigures>,
): Promise<CommentKillFigures> {
  const db = openDb(opts.databaseUrl);
  try {
    await migrateToLatest(db);
    return await killRounds(db, opts);
  } finally {
    await db.close();
  }
}

async function killRounds(db: Db, opts: KillRoundOptions<CommentKillFigures>): Promise<CommentKillFigures> {
  const { databaseUrl } = opts;
  const k = db.kysely;
  const started = performance.now();
  const { articleId, approved } = await seedFloodArticle(db, POSTERS);
  const snapshot = () =>
    k.selectFrom("comments").selectAll().where("id", "in", approved).orderBy("id").execute();
  const seeded = JSON.stringify(await snapshot());
  const acked = new Map<number, string>();
  const parents = [...approved];
  const figures: CommentKillFigures = {
    kills: 0,
    sent: 0,
    acknowledged: 0,
    stored: 0,
    problems: [],
    lost: 0,
    pageAgrees: false,
    seconds: 0,
  };
  let server: ServeChild | undefined;
  try {
    let path = "";
    for (let round = 1; round <= opts.rounds; round++) {
      server = await startServe(databaseUrl, FLOOD_ENV);
      path ||= await articlePath(server.base, articleId);
      const ackedBefore = acked.size;
      const flood = startFlood(server.base, path, articleId, {
        posters: POSTERS,
        parents,
        round,
        acked,
      });
      while (acked.size === ackedBefore && flood.failure() === undefined) await sleep(2);
      await sleep(opts.random() * WINDOW_MS);
      const stopping = flood.stop();
      await stopChild(server.child, "SIGKILL");
      server = undefined;
      await stopping;
      figures.kills++;
      figures.sent += flood.sent();

      const say = (p: string) => figures.problems.push(`round ${round}: ${p}`);
      if (db.dialect === "sqlite") for (const p of sqliteFileProblems(databaseUrl)) say(p);
      const rows = await k.selectFrom("comments").selectAll().orderBy("id").execute();
      for (const p of checkCommentRows(rows, FLOOD_MAX_DEPTH)) say(p);
      const stored = new Map(rows.map((r) => [Number(r.id), r.body_source]));
      figures.lost = [...acked].filter(([id, body]) => stored.get(id) !== body).length;
      if (JSON.stringify(await snapshot()) !== seeded) say("approved comments from before changed");
      figures.acknowledged = acked.size;
      figures.stored = rows.length - approved.length;
      opts.onRound?.(round, figures);
    }
    server = await startServe(databaseUrl, FLOOD_ENV);
    const page = await (await fetch(`${server.base}${path}`)).text();
    const count = Number(
      (
        await k
          .selectFrom("comments")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("status", "=", "approved")
          .executeTakeFirstOrThrow()
      ).n,
    );
    figures.pageAgrees =
      page.includes(`class="comment-count" href="#comments">${count} comments<`) &&
      (page.match(/<li id="comment-\d+" class="comment"/g) ?? []).length === count;
  } finally {
    if (server) {
      await stopChild(server.child);
    }
  }
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}
