/**
 * @module The clustering benchmark's stored corpus: the search benchmark's articles (same generator, same
 * seed: 20 sources of Zipfian sizes, Zipfian titles and bodies over two years, each with its story of one),
 * written in bulk without clustering, plus the clustering statistics real ingest would have left after
 * them: term_stats holds every bulk article's terms counted once (one aggregate pass, the same terms
 * `articleFeatures` + `termsOf` give, checked on a sample) and cluster_state.documents = N.
 */
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { SEARCH_INDEXES } from "../src/storage/migrations/0026-search-table.ts";
import { articleFeatures } from "../src/stories/features.ts";
import { guessLanguage, stopWords } from "../src/stories/stop-words.ts";
import { normalizeWord } from "../src/stories/tokens.ts";
import { termsOf } from "../src/stories/vectors.ts";
import { generateStream } from "./clustering-stream.ts";
import { corpusRows, type Row } from "./corpus-rows.ts";
import { buildVocabulary } from "./search-vocabulary.ts";

export const SOURCES = 20;
const BATCH = 10_000;
/**
 * Terms only a few stored articles hold (names, numbers, typos) that the synthetic vocabulary lacks: a
 * real corpus of N articles has millions of them, so term_stats gets this many per bulk article, df 1-3.
 */
export const RARE_TERMS_PER_ARTICLE = 2;
/** Articles of the stream's kind sampled for the share of articles naming each recurring name and number. */
export const HISTORY_SAMPLE = 2000;

/**
 * The share of the stream's kind of articles holding each term the vocabulary lacks (recurring first
 * names, places, organisations, numbers, English function words the stop list lacks), from a sample
 * with other events than the measured stream's: term_stats gives them df = share x N, as if the stored
 * corpus had mentioned them at the stream's rate. Without it every name would look unseen, so rarer
 * than it is.
 */
export function streamTermShares(): Map<string, number> {
  const vocabulary = new Set(buildVocabulary().map(normalizeWord));
  const sample = generateStream({
    from: 0,
    to: (HISTORY_SAMPLE / 3000) * 86_400_000,
    perDay: 3000,
    sources: SOURCES,
    seed: 1,
  });
  const counts = new Map<string, number>();
  for (const a of sample)
    for (const t of termsOf(articleFeatures({ headline: a.title, body: a.text, language: null })))
      if (!vocabulary.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return new Map([...counts].map(([t, c]) => [t, c / sample.length]));
}

/** The search benchmark's corpus (bench/corpus-rows.ts), never after `end`: the stream that follows starts there. */
export function* searchCorpus(count: number, end: number, spanMs: number): Generator<Row[]> {
  for (const rows of corpusRows(count, SOURCES, end, spanMs)) {
    for (const r of rows) if (Date.parse(r.at) > end - 1000) r.at = new Date(end - 1000).toISOString();
    yield rows;
  }
}

/**
 * Document frequencies of the bulk corpus as clustering counts them, without tokenizing each article
 * with Intl.Segmenter: the corpus is made of vocabulary words only (lower case, no names, no numbers),
 * so an article's terms are its distinct normalized words that are not stop words of its guessed
 * language. `check` compares with articleFeatures + termsOf on a few articles and throws on a difference.
 */
export class TermCounter {
  readonly df = new Map<string, number>();
  documents = 0;
  private readonly norm = new Map<string, string>();
  /** Normalized words that are a stop word in some language guessLanguage tries (only they sway it). */
  private readonly anyStop = new Set<string>();

  constructor() {
    for (const w of buildVocabulary()) {
      const n = normalizeWord(w);
      this.norm.set(w, n);
      if (guessLanguage([n]) !== "en" || stopWords("en").has(n)) this.anyStop.add(n);
    }
  }

  terms(row: Row): Set<string> {
    const norms: string[] = [];
    for (const w of `${row.title} ${row.text}`.split(/[ .]+/)) {
      if (!w) continue;
      norms.push(this.norm.get(w) ?? this.norm.get(w.toLowerCase()) ?? normalizeWord(w));
    }
    const stop = stopWords(guessLanguage(norms.filter((n) => this.anyStop.has(n))));
    const out = new Set<string>();
    for (const n of norms) if (!stop.has(n) && [...n].length > 1) out.add(n);
    return out;
  }

  add(row: Row): void {
    this.documents++;
    for (const t of this.terms(row)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  check(rows: readonly Row[]): void {
    for (const row of rows) {
      const fast = this.terms(row);
      const slow = termsOf(articleFeatures({ headline: row.title, body: row.text, language: null }));
      const same = fast.size === slow.size && [...slow].every((t) => fast.has(t));
      if (!same)
        throw new Error(
          `term_stats seeding differs from articleFeatures for article ${row.id}: ${[...slow].filter((t) => !fast.has(t)).join(",")} / ${[...fast].filter((t) => !slow.has(t)).join(",")}`,
        );
    }
  }

  /** (term, df) rows: the vocabulary's counts, the stream's kind of names at their share, then the rare terms a real corpus would also hold. */
  *rows(shares: Map<string, number>): Generator<Array<[string, number]>> {
    let batch: Array<[string, number]> = [];
    const scaled = [...shares].flatMap(([t, s]): Array<[string, number]> => {
      const df = Math.round(s * this.documents);
      return df > 0 && !this.df.has(t) ? [[t, df]] : [];
    });
    for (const entry of [...this.df, ...scaled]) {
      batch.push(entry);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    const rare = this.documents * RARE_TERMS_PER_ARTICLE;
    for (let i = 0; i < rare; i++) {
      batch.push([`q${i.toString(36)}x`, 1 + (i % 3)]);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

const FTS_INSERT_TRIGGER = `CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
  END`;

/**
 * Writes the corpus into a migrated SQLite file. The full-text index is built once after the load (FTS5
 * 'rebuild'; its insert trigger is dropped meanwhile and put back as migration 0008 made it): the same
 * index the trigger would have grown, several times faster.
 */
export function loadSqliteCorpus(
  file: string,
  count: number,
  end: number,
  spanMs: number,
  log: (s: string) => void,
): void {
  const raw = new SqliteDatabase(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = OFF");
  raw.pragma("cache_size = -262144");
  const now = new Date(end).toISOString();
  const addSource = raw.prepare(
    "INSERT INTO sources (id, url, title, site_url, created_at, next_fetch_at, error_count) VALUES (?, ?, ?, ?, ?, ?, 0)",
  );
  for (let s = 1; s <= SOURCES; s++)
    addSource.run(s, `https://source${s}.test/feed`, `Source ${s}`, `https://source${s}.test/`, now, now);
  raw.exec("DROP TRIGGER articles_fts_insert");
  const addStory = raw.prepare(
    "INSERT INTO stories (id, title, last_published_at, first_published_at, article_count, source_count, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?)",
  );
  const addArticle =
    raw.prepare(`INSERT INTO articles (id, source_id, guid, url, title, body_html, text, published_at,
    fetched_at, created_at, updated_at, sort_at, story_id, url_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertBatch = raw.transaction((rows: Row[]) => {
    for (const r of rows) {
      addStory.run(r.id, r.title, r.at, r.at, r.at, r.at);
      addArticle.run(
        r.id,
        r.source_id,
        r.guid,
        r.url,
        r.title,
        r.body_html,
        r.text,
        r.at,
        r.at,
        r.at,
        r.at,
        r.at,
        r.id,
        r.url.slice("https://".length),
      );
    }
  });
  const counter = new TermCounter();
  const started = performance.now();
  let done = 0;
  let checked = false;
  for (const rows of searchCorpus(count, end, spanMs)) {
    if (!checked) {
      counter.check(rows.slice(0, 300));
      checked = true;
    }
    insertBatch(rows);
    for (const r of rows) counter.add(r);
    done += rows.length;
    if (done % 200_000 === 0 || done === count) log(`  ${done.toLocaleString("en")} articles written`);
  }
  log(`  full-text index (FTS5 rebuild)...`);
  raw.exec("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')");
  raw.exec(FTS_INSERT_TRIGGER);
  const addTerm = raw.prepare("INSERT INTO term_stats (term, df) VALUES (?, ?)");
  const insertTerms = raw.transaction((rows: Array<[string, number]>) => {
    for (const [t, df] of rows) addTerm.run(t, df);
  });
  for (const rows of counter.rows(streamTermShares())) insertTerms(rows);
  raw.prepare("UPDATE cluster_state SET documents = ? WHERE id = 1").run(counter.documents);
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  log(
    `  corpus written in ${((performance.now() - started) / 1000).toFixed(0)} s (term_stats: ${counter.df.size.toLocaleString("en")} vocabulary terms + ${(counter.documents * RARE_TERMS_PER_ARTICLE).toLocaleString("en")} rare)`,
  );
}

/** The same corpus into a migrated PostgreSQL schema: batched INSERT ... SELECT unnest, GIN built after the load. */
export async function loadPostgresCorpus(
  url: string,
  count: number,
  end: number,
  spanMs: number,
  log: (s: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The search indexes are built after the load: faster than keeping them up to date row by row.
  for (const index of ["article_search_words", "article_search_pairs"])
    await client.query(`DROP INDEX ${index}`);
  const now = new Date(end).toISOString();
  for (let s = 1; s <= SOURCES; s++)
    await client.query(
      "INSERT INTO sources (id, url, title, site_url, created_at, next_fetch_at, error_count) VALUES ($1, $2, $3, $4, $5, $5, 0)",
      [s, `https://source${s}.test/feed`, `Source ${s}`, `https://source${s}.test/`, now],
    );
  const counter = new TermCounter();
  const started = performance.now();
  let done = 0;
  let checked = false;
  for (const rows of searchCorpus(count, end, spanMs)) {
    if (!checked) {
      counter.check(rows.slice(0, 300));
      checked = true;
    }
    const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO stories (id, title, last_published_at, first_published_at, article_count, source_count, created_at, updated_at)
       SELECT id, title, at, at, 1, 1, at, at FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, title, at)`,
      [col("id"), col("title"), col("at")],
    );
    await client.query(
      `INSERT INTO articles (id, source_id, guid, url, title, body_html, text, published_at, fetched_at, created_at, updated_at, sort_at, story_id, url_key)
       SELECT id, source_id, guid, url, title, body_html, text, at, at, at, at, at, id, substr(url, 9)
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS u(id, source_id, guid, url, title, body_html, text, at)`,
      [
        col("id"),
        col("source_id"),
        col("guid"),
        col("url"),
        col("title"),
        col("body_html"),
        col("text"),
        col("at"),
      ],
    );
    await client.query("COMMIT");
    for (const r of rows) counter.add(r);
    done += rows.length;
    if (done % 200_000 === 0 || done === count) log(`  ${done.toLocaleString("en")} articles written`);
  }
  for (const rows of counter.rows(streamTermShares()))
    await client.query("INSERT INTO term_stats (term, df) SELECT * FROM unnest($1::text[], $2::int[])", [
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
    ]);
  await client.query("UPDATE cluster_state SET documents = $1 WHERE id = 1", [counter.documents]);
  log("  GIN index...");
  await client.query("SET maintenance_work_mem = '1GB'");
  for (const index of SEARCH_INDEXES) await client.query(index);
  for (const t of ["articles", "stories", "sources"])
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT MAX(id) FROM ${t}))`);
  for (const t of ["articles", "article_search", "stories", "term_stats"])
    await client.query(`VACUUM ANALYZE ${t}`);
  await client.end();
  log(`  corpus written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
