/**
 * @module `newsdesk stories --jsonl`: story clustering as a standalone tool, and the stories bench's
 * adapter (../shared/bench/stories/README.md). Articles read as JSON lines go through the same insert
 * and clustering code ingest runs, in an in-memory SQLite database.
 */
import type { Command } from "commander";
import { loadConfig } from "../config/config.ts";
import { clusterRequest } from "../ingest/cluster-request.ts";
import { insertArticle } from "../storage/articles.ts";
import { pruneClustering } from "../storage/clustering.ts";
import { openDb } from "../storage/db.ts";
import { migrateToLatest } from "../storage/migrate.ts";
import type { NewArticle } from "../storage/schema.ts";
import { insertSource } from "../storage/sources.ts";
import { listStoryAssignments } from "../storage/stories.ts";
import { escapeHtml } from "../util/html.ts";
import { slugify } from "../util/slug.ts";
import { parseIdLine, stdinLines } from "./json-lines.ts";

/** One input line of the contract. */
interface InputArticle {
  id: string;
  url?: string | null;
  outlet?: string | null;
  published?: string | null;
  headline: string;
  byline?: string | null;
  body: string;
  language?: string | null;
}

/**
 * Clustering rows pruned after each article, by its time (a batch per article keeps up with any
 * input): the pace the dev sets' figures were measured at, so a run files exactly as ingest did.
 */
const PRUNE_PER_ARTICLE = 50;

/** Stands in for the fetch time of articles without a publication time (the sets without times): one instant for all. */
const UNDATED = "2000-01-01T00:00:00.000Z";

function parseLine(line: string, n: number): InputArticle {
  const a = parseIdLine<InputArticle>("stories", line, n);
  if (typeof a.headline !== "string" || typeof a.body !== "string") {
    throw new Error(`stories: line ${n} (${a.id}) needs "headline" and "body" strings`);
  }
  if (a.published != null && Number.isNaN(Date.parse(a.published))) {
    throw new Error(`stories: line ${n} (${a.id}) has an unreadable "published" time: ${a.published}`);
  }
  return a as InputArticle;
}

function toRow(a: InputArticle, sourceId: number): NewArticle {
  const at = a.published ? new Date(a.published).toISOString() : UNDATED;
  return {
    source_id: sourceId,
    guid: a.id,
    url: a.url ?? `urn:newsdesk:stories:${encodeURIComponent(a.id)}`,
    canonical_url: null,
    title: a.headline,
    byline: a.byline || null,
    published_at: a.published ? at : null,
    body_html: a.body
      .split(/\n\s*\n/)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join("\n"),
    text: a.body,
    excerpt: null,
    language: a.language ?? null,
    // The article's own time, so the window is measured between articles, never against the clock.
    fetched_at: at,
    created_at: at,
    updated_at: at,
  };
}

export function registerStories(program: Command): void {
  program
    .command("stories")
    .description(
      "group articles read as JSON lines on stdin into stories (the clustering ingest runs, on an in-memory database); prints one JSON line per article",
    )
    .requiredOption(
      "--jsonl",
      "read {id, outlet, url, published, headline, body} lines; print {id, story, nearDuplicateOf?} lines",
    )
    .action(async () => {
      const config = loadConfig();
      const db = openDb("sqlite::memory:");
      try {
        await migrateToLatest(db);
        const sources = new Map<string, number>();
        const order: string[] = [];
        const seen = new Set<string>();
        for await (const [line, n] of stdinLines()) {
          const a = parseLine(line, n);
          const outlet = a.outlet?.trim() || "unknown outlet";
          let sourceId = sources.get(outlet);
          if (sourceId === undefined) {
            const url = `https://${slugify(outlet, "outlet")}-${sources.size + 1}.invalid/feed`;
            sourceId = (await insertSource(db.kysely, url, UNDATED, { title: outlet })).source.id;
            sources.set(outlet, sourceId);
          }
          const row = toRow(a, sourceId);
          if (
            seen.has(a.id) ||
            !(await insertArticle(db.kysely, row, [], {
              // Without a publication time the article's time is UNDATED, a stand-in, not a time.
              cluster: clusterRequest(row, config),
            }))
          ) {
            throw new Error(`stories: line ${n}: id ${a.id} appears twice`);
          }
          seen.add(a.id);
          order.push(a.id);
          // No minute's sweep here: clustering's old rows are pruned after each article, by its time.
          await pruneClustering(db.kysely, row.created_at, config.storyWindowHours, PRUNE_PER_ARTICLE);
        }
        // Stories merge as later articles bridge them: read the final assignment at the end.
        const rows = await listStoryAssignments(db.kysely);
        const guidOf = new Map(rows.map((r) => [r.id, r.guid]));
        const byGuid = new Map(rows.map((r) => [r.guid, r]));
        for (const id of order) {
          const r = byGuid.get(id);
          const out: { id: string; story: string; nearDuplicateOf?: string } = {
            id,
            story: `story-${r?.story_id ?? id}`,
          };
          const original = r?.near_duplicate_of == null ? undefined : guidOf.get(r.near_duplicate_of);
          if (original) out.nearDuplicateOf = original;
          process.stdout.write(`${JSON.stringify(out)}\n`);
        }
      } finally {
        await db.close();
      }
    });
}
