/**
 * @module The search benchmark's article generator, shared by the benchmarks that need a large stored
 * corpus (search, clustering): `count` articles from `sources` sources of Zipfian sizes, Zipfian titles
 * and short bodies, times rising with the id over `spanMs` up to `end`, 1% back-filled older items.
 * Deterministic (seed 7), so every run and every benchmark builds the same corpus.
 */
import { buildVocabulary, seededRandom, VOCABULARY_SIZE, zipfSampler } from "./search-vocabulary.ts";

export interface Row {
  id: number;
  source_id: number;
  guid: string;
  url: string;
  title: string;
  text: string;
  body_html: string;
  at: string;
}

/** Rows per batch yielded. */
const BATCH = 10_000;

/** The corpus, batch by batch: ids in ingest order. */
export function* corpusRows(count: number, sources: number, end: number, spanMs: number): Generator<Row[]> {
  const random = seededRandom(7);
  const words = buildVocabulary();
  const nextRank = zipfSampler(VOCABULARY_SIZE, random);
  const pickSource = zipfSampler(sources, random);
  const sentence = (n: number) => Array.from({ length: n }, () => words[nextRank()]).join(" ");
  let batch: Row[] = [];
  for (let id = 1; id <= count; id++) {
    let t = end - spanMs + (id / count) * spanMs + (random() - 0.5) * 3_600_000;
    if (random() < 0.01) t -= random() * 60 * 86_400_000;
    const title = sentence(6 + Math.floor(random() * 6));
    const text = `${sentence(20 + Math.floor(random() * 20))}. ${sentence(20 + Math.floor(random() * 30))}.`;
    const source = 1 + pickSource();
    batch.push({
      id,
      source_id: source,
      guid: `a${id}`,
      url: `https://source${source}.test/${id}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      text,
      body_html: `<p>${text}</p>`,
      at: new Date(t).toISOString(),
    });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
