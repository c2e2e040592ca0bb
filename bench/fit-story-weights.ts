/**
 * Fits the weights of story clustering's score (src/stories/assign.ts SCORE_WEIGHTS) by logistic
 * regression on article-story decisions of the dev sets: each article, in publication order, against
 * every gold story already begun within the 48-hour span, labelled 1 for its own story. Stories are
 * built from the gold answer (so one early mistake does not change every later example), with the
 * same features, frozen vectors and sums the product uses.
 *
 *   node --import tsx bench/fit-story-weights.ts [../shared/datasets/stories-dev ../shared/datasets/ecbplus-dev]
 *
 * Each set weighs the same in the fit, however many examples it gives. Prints the weights (to be
 * rounded into SCORE_WEIGHTS) and how many examples each set then gets wrong. A second step fits
 * `yearsApart` (the year an undated article names against its story's reports' years) on the
 * examples without publication times, the other weights held at SCORE_WEIGHTS' values.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SCORE_WEIGHTS, STORY_SPAN_HOURS, yearsApart } from "../src/stories/assign.ts";
import { articleFeatures } from "../src/stories/features.ts";
import {
  type ArticleVectors,
  addVectorsInto,
  articleVectors,
  cosine,
  emptyVectors,
  loadVectors,
  STORY_SUM_TERMS,
  storeVectors,
  termsOf,
} from "../src/stories/vectors.ts";

interface Article {
  id: string;
  published: string | null;
  headline: string;
  body: string;
}

const FEATURES = ["bias", "text", "lead", "entities", "days"] as const;

interface Examples {
  x: number[][];
  y: number[];
  /** Per example, for the second step: 1 when an undated article's year is YEAR_GAP from the story's, else 0; null for a dated article. */
  yearsApart: Array<number | null>;
}

function examples(dir: string): Examples {
  const gold = JSON.parse(readFileSync(join(dir, "stories.json"), "utf8")) as Record<string, string[]>;
  const storyOf = new Map<string, string>();
  for (const [story, ids] of Object.entries(gold)) for (const id of ids) storyOf.set(id, story);
  const articles = readdirSync(join(dir, "articles"))
    .map((f) => JSON.parse(readFileSync(join(dir, "articles", f), "utf8")) as Article)
    .map((a) => ({ ...a, at: a.published ? Date.parse(a.published) : 0 }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const df = new Map<string, number>();
  let documents = 0;
  const corpus = {
    get documents() {
      return documents;
    },
    df: (t: string) => df.get(t) ?? 0,
  };
  const stories = new Map<
    string,
    { reports: number; firstAt: number; sums: ArticleVectors; years: Array<{ year: number | null }> }
  >();
  const x: number[][] = [];
  const y: number[] = [];
  const apart: Array<number | null> = [];
  for (const a of articles) {
    const f = articleFeatures({ headline: a.headline, body: a.body });
    for (const t of termsOf(f)) df.set(t, (df.get(t) ?? 0) + 1);
    documents++;
    // Weighted once and rounded as stored, as the product does.
    const v = loadVectors(storeVectors(articleVectors(f, corpus)));
    for (const [id, s] of stories) {
      if (a.at - s.firstAt > STORY_SPAN_HOURS * 3_600_000) continue;
      const avg = (p: Map<string, number>, q: Map<string, number>) => cosine(p, q) / s.reports;
      x.push([
        1,
        avg(v.all, s.sums.all),
        avg(v.lead, s.sums.lead),
        avg(v.entities, s.sums.entities),
        (a.at - s.firstAt) / 86_400_000,
      ]);
      y.push(id === storyOf.get(a.id) ? 1 : 0);
      apart.push(a.published ? null : yearsApart(f.year, { members: s.years }) ? 1 : 0);
    }
    const own = storyOf.get(a.id) as string;
    const s = stories.get(own) ?? {
      reports: 0,
      firstAt: a.at,
      sums: emptyVectors(),
      years: [],
    };
    s.reports++;
    s.years.push({ year: f.year });
    addVectorsInto(s.sums, v);
    s.sums = loadVectors(storeVectors(s.sums, STORY_SUM_TERMS));
    stories.set(own, s);
  }
  return { x, y, yearsApart: apart };
}

/**
 * Weighted L2-regularized logistic regression by Newton's method (five features: a 5x5 solve), each
 * example's logit starting from `offset` (zero, or the part held fixed).
 */
function fit(x: number[][], y: number[], w: number[], offset?: number[], lambda = 1e-3): number[] {
  const k = x[0]?.length ?? 0;
  let beta = new Array<number>(k).fill(0);
  const total = w.reduce((s, v) => s + v, 0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array<number>(k).fill(0);
    const h = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    x.forEach((row, i) => {
      const z = (offset?.[i] ?? 0) + row.reduce((s, v, j) => s + v * (beta[j] as number), 0);
      const p = 1 / (1 + Math.exp(-z));
      const wi = (w[i] as number) / total;
      for (let j = 0; j < k; j++) {
        g[j] = (g[j] as number) + wi * (p - (y[i] as number)) * (row[j] as number);
        for (let l = 0; l < k; l++)
          (h[j] as number[])[l] =
            ((h[j] as number[])[l] as number) + wi * p * (1 - p) * (row[j] as number) * (row[l] as number);
      }
    });
    for (let j = 0; j < k; j++) {
      g[j] = (g[j] as number) + lambda * (beta[j] as number);
      (h[j] as number[])[j] = ((h[j] as number[])[j] as number) + lambda;
    }
    beta = beta.map((b, j) => b - (solve(h, g)[j] as number));
  }
  return beta;
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((m[r] as number[])[c] as number) / ((m[c] as number[])[c] as number);
      for (let j = c; j <= n; j++)
        (m[r] as number[])[j] = ((m[r] as number[])[j] as number) - f * ((m[c] as number[])[j] as number);
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) dirs.push("../shared/datasets/stories-dev", "../shared/datasets/ecbplus-dev");
const sets = dirs.map((d) => ({ dir: d, ...examples(d) }));
const largest = Math.max(...sets.map((s) => s.y.length));
const x = sets.flatMap((s) => s.x);
const y = sets.flatMap((s) => s.y);
const w = sets.flatMap((s) => s.y.map(() => largest / s.y.length));
const beta = fit(x, y, w);
console.log(
  "weights:",
  Object.fromEntries(FEATURES.map((f, i) => [f, Number((beta[i] as number).toFixed(3))])),
);
for (const s of sets) {
  let wrong = 0;
  s.x.forEach((row, i) => {
    const z = row.reduce((acc, v, j) => acc + v * (beta[j] as number), 0);
    if (z > 0 !== (s.y[i] === 1)) wrong++;
  });
  console.log(
    `${s.dir}: ${s.y.length} article-story examples (${s.y.filter((v) => v === 1).length} positive), ${wrong} on the wrong side of 0`,
  );
}

// Step two: the year signal of articles without times, the score's other weights as in the product.
const fixed = [
  SCORE_WEIGHTS.bias,
  SCORE_WEIGHTS.text,
  SCORE_WEIGHTS.lead,
  SCORE_WEIGHTS.entities,
  SCORE_WEIGHTS.days,
];
const undated = sets.flatMap((s) =>
  s.x.flatMap((row, i) => {
    const apart = s.yearsApart[i];
    return apart == null
      ? []
      : [
          {
            offset: row.reduce((acc, v, j) => acc + v * (fixed[j] as number), 0),
            apart,
            y: s.y[i] as number,
          },
        ];
  }),
);
if (undated.length > 0) {
  const [yearsWeight] = fit(
    undated.map((e) => [e.apart]),
    undated.map((e) => e.y),
    undated.map(() => 1),
    undated.map((e) => e.offset),
  );
  const apartCount = undated.filter((e) => e.apart === 1).length;
  console.log(
    `yearsApart (${undated.length} undated examples, ${apartCount} years apart, ${undated.filter((e) => e.apart === 1 && e.y === 1).length} of them positive): ${(yearsWeight as number).toFixed(3)}`,
  );
}
