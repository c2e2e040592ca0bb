/**
 * @module The clustering decision for one article, on realistic reports: reprints, related reports,
 * unrelated ones, the 48-hour span, merges at MERGE_SCORE, determinism.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ALL_REPORTS,
  BRIDGE,
  CRASH,
  FIRE,
  FIRE_FLASH,
  FIRE_LATER,
  FIRE_REPRINT,
  FIRE_REPRINT_OF_REPRINT,
  MATCH,
  RATES,
  type StoryText,
} from "../../test/support/story-texts.ts";
import {
  assignStory,
  EVENT_CHECK_DAYS,
  EVENT_MIN_SIMILARITY,
  MERGE_SCORE,
  NEAR_DUPLICATE_MIN_SHINGLES,
  type NewArticle,
  SCORE_WEIGHTS,
  STORY_SPAN_HOURS,
  type StoryProfile,
  spanWith,
  storyScore,
  YEAR_GAP,
  yearsApart,
} from "./assign.ts";
import { articleFeatures, type Features } from "./features.ts";
import { addVectorsInto, articleVectors, type Corpus, cosine, emptyVectors, termsOf } from "./vectors.ts";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-17T23:45:00.000Z");

/** Document frequencies over every fixture, as the stored corpus would hold them. */
const TEXTS = [...ALL_REPORTS, ...FIRE_LATER];
const cache = new Map<string, Features>();
function features(r: StoryText): Features {
  let f = cache.get(r.key);
  if (!f) {
    f = articleFeatures({ headline: r.headline, body: r.body });
    cache.set(r.key, f);
  }
  return f;
}
const corpus: Corpus = (() => {
  const df = new Map<string, number>();
  for (const r of TEXTS) for (const t of termsOf(features(r))) df.set(t, (df.get(t) ?? 0) + 1);
  return { documents: TEXTS.length, df: (t) => df.get(t) ?? 0 };
})();
/** A stable article id per fixture, in the order first asked for. */
const ids = new Map(TEXTS.map((r, i) => [r.key, 100 + i]));
function idOf(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = 100 + ids.size;
    ids.set(key, id);
  }
  return id;
}

const at = (r: StoryText, hours = r.hours) => T0 + hours * HOUR;

function newArticle(r: StoryText, hours = r.hours): NewArticle {
  const f = features(r);
  return { vectors: articleVectors(f, corpus), text: f.text, at: at(r, hours) };
}

/** A story of `reports` (each at its own time unless given), as storage keeps it: the sums of their unit vectors. */
function story(storyId: number, reports: Array<StoryText | [StoryText, number]>): StoryProfile {
  const sums = emptyVectors();
  const members = reports.map((entry) => {
    const [r, hours] = Array.isArray(entry) ? entry : [entry, entry.hours];
    addVectorsInto(sums, articleVectors(features(r), corpus));
    return { articleId: idOf(r.key), at: at(r, hours), text: features(r).text };
  });
  const times = members.map((m) => m.at);
  return {
    storyId,
    reports: members.length,
    firstAt: Math.min(...times),
    lastAt: Math.max(...times),
    sums,
    members,
  };
}

describe("reprints", () => {
  test("a reprint joins its original's story and links the original", () => {
    const fire = story(4, [FIRE[0]!, FIRE[1]!]);
    const match = story(2, [MATCH[0]!]);
    assert.deepEqual(assignStory(newArticle(FIRE_REPRINT), [match, fire]), {
      storyId: 4,
      merge: [],
      nearDuplicateOf: idOf("fire-1"),
      copies: [],
    });
  });

  test("a rerun of a rerun links the earliest report, though it is closer to the later copy", () => {
    // The later copy is listed first and in a story of a lower id: neither order nor id decides.
    const copies = story(3, [FIRE_REPRINT]);
    const fire = story(8, [FIRE[1]!, FIRE[0]!]);
    const d = assignStory(newArticle(FIRE_REPRINT_OF_REPRINT), [copies, fire]);
    assert.equal(d.nearDuplicateOf, idOf("fire-1"));
    assert.equal(d.storyId, 8, "the original's story, though the copy's story scores higher");
    assert.ok(
      storyScore(newArticle(FIRE_REPRINT_OF_REPRINT).vectors, at(FIRE_REPRINT_OF_REPRINT), copies) >
        storyScore(newArticle(FIRE_REPRINT_OF_REPRINT).vectors, at(FIRE_REPRINT_OF_REPRINT), fire),
      "the copy's story scores higher",
    );
    assert.deepEqual(d.merge, [3], "the copy's story is plainly the same event: merged");
  });

  test("a reprint joins its original's story even past the story span (only scoring is bounded by it)", () => {
    const fire = story(5, [FIRE[0]!, FIRE[1]!]);
    const late = STORY_SPAN_HOURS + 12;
    assert.deepEqual(assignStory(newArticle(FIRE_REPRINT, late), [fire]), {
      storyId: 5,
      merge: [],
      nearDuplicateOf: idOf("fire-1"),
      copies: [],
    });
    // An original write-up as late starts a story of its own.
    assert.equal(assignStory(newArticle(FIRE[2]!, late), [fire]).storyId, null);
  });

  test("a one-line brief is never called a reprint, even of an identical one", () => {
    const brief: StoryText = {
      ...FIRE_FLASH,
      key: "brief",
      body: "Firefighters are battling a large fire at the Calloway Logistics warehouse on Harbor Road in Eastbrook.",
    };
    const copy: StoryText = { ...brief, key: "brief-copy", outlet: "Metro Wire", hours: 0 };
    assert.ok(
      features(brief).text.shingles < NEAR_DUPLICATE_MIN_SHINGLES,
      "features(brief).text.shingles < NEAR_DUPLICATE_MIN_SHINGLES",
    );
    const d = assignStory(newArticle(copy), [story(1, [brief])]);
    assert.equal(d.nearDuplicateOf, null);
    assert.equal(d.storyId, 1, "it still joins by its score");
    // The flash, a little longer, is long enough to be recognised when rerun.
    assert.ok(
      features(FIRE_FLASH).text.shingles >= NEAR_DUPLICATE_MIN_SHINGLES,
      "features(FIRE_FLASH).text.shingles >= NEAR_DUPLICATE_MIN_SHINGLES",
    );
    const rerun: StoryText = { ...FIRE_FLASH, key: "flash-copy", outlet: "Metro Wire", hours: 0 };
    assert.equal(
      assignStory(newArticle(rerun), [story(1, [FIRE_FLASH])]).nearDuplicateOf,
      idOf("fire-flash"),
    );
  });

  test("an original stored after its own reprint is not marked a near-duplicate of the later copy; the copy becomes its", () => {
    const copy = story(1, [FIRE_REPRINT]);
    const d = assignStory(newArticle(FIRE[0]!), [copy]);
    assert.equal(d.storyId, 1);
    assert.equal(d.nearDuplicateOf, null);
    assert.deepEqual(d.copies, [idOf(FIRE_REPRINT.key)]);
  });
});

describe("joining by score", () => {
  const fire = () => story(1, [FIRE[0]!, FIRE[1]!]);
  const match = () => story(2, [MATCH[0]!, MATCH[1]!]);

  test("another outlet's write-up of the event joins its story, without being called a reprint", () => {
    assert.deepEqual(assignStory(newArticle(FIRE[2]!), [fire(), match()]), {
      storyId: 1,
      merge: [],
      nearDuplicateOf: null,
      copies: [],
    });
    assert.deepEqual(assignStory(newArticle(MATCH[2]!), [fire(), match()]), {
      storyId: 2,
      merge: [],
      nearDuplicateOf: null,
      copies: [],
    });
  });

  test("a terse first flash and a full write-up are one story", () => {
    assert.equal(assignStory(newArticle(FIRE[0]!), [story(9, [FIRE_FLASH])]).storyId, 9);
  });

  test("an unrelated article starts a new story", () => {
    assert.deepEqual(assignStory(newArticle(RATES[0]!), [fire(), match()]), {
      storyId: null,
      merge: [],
      nearDuplicateOf: null,
      copies: [],
    });
  });

  test("a different event in the same town, a day later and naming the same streets, starts a new story", () => {
    for (const r of BRIDGE) assert.equal(assignStory(newArticle(r), [fire()]).storyId, null, r.key);
    // And the fire's later write-ups still join the fire, not the bridge.
    const bridge = story(3, [BRIDGE[0]!]);
    assert.equal(assignStory(newArticle(FIRE[2]!, 27), [fire(), bridge]).storyId, 1);
  });

  test("no candidate stories: a new story", () => {
    assert.deepEqual(assignStory(newArticle(FIRE[0]!), []), {
      storyId: null,
      merge: [],
      nearDuplicateOf: null,
      copies: [],
    });
  });

  test("a story first reported more than STORY_SPAN_HOURS before the article is not joined", () => {
    const s = fire();
    const edge = (s.firstAt - T0) / HOUR + STORY_SPAN_HOURS;
    assert.equal(assignStory(newArticle(FIRE[2]!, edge), [s]).storyId, 1, "exactly at the span: joined");
    assert.equal(
      assignStory(newArticle(FIRE[2]!, edge + 1 / 60), [s]).storyId,
      null,
      "a minute past it: not",
    );
    // The span is counted from the first report, not the last.
    const spread = story(1, [FIRE[0]!, [FIRE[1]!, 40]]);
    assert.equal(assignStory(newArticle(FIRE[2]!, 49), [spread]).storyId, null);
  });

  test("the score decays with the span the story would have with the article in it", () => {
    const v = newArticle(FIRE[2]!).vectors;
    const s = fire();
    assert.ok(
      storyScore(v, s.firstAt + 24 * HOUR, s) < storyScore(v, s.lastAt, s),
      "storyScore(v, s.firstAt + 24 * HOUR, s) < storyScore(v, s.lastAt, s)",
    );
    // Within the story's own span there is no further decay.
    assert.equal(storyScore(v, s.firstAt + HOUR, s), storyScore(v, s.lastAt, s));
    // A backlog item older than the story counts from itself to the story's last report.
    const span = s.lastAt - s.firstAt;
    assert.equal(spanWith(s.firstAt - 10 * HOUR, s), span + 10 * HOUR);
    assert.equal(storyScore(v, s.firstAt - 10 * HOUR, s), storyScore(v, s.lastAt + 10 * HOUR, s));
  });

  test("a backlog item older than the story is not joined once the story would span over STORY_SPAN_HOURS", () => {
    const s = story(1, [
      [FIRE[0]!, 30],
      [FIRE[1]!, 40],
    ]);
    assert.equal(assignStory(newArticle(FIRE[2]!, 20), [s]).storyId, 1, "20h to 40h: joined");
    assert.equal(assignStory(newArticle(FIRE[2]!, -9), [s]).storyId, null, "-9h to 40h: 49 hours");
  });

  test("after EVENT_CHECK_DAYS, names and places alone do not join a story: the lead must share what happened", () => {
    const s = fire();
    const eventSimilarity = (r: StoryText) => cosine(newArticle(r).vectors.event, s.sums.event) / s.reports;
    const days = EVENT_CHECK_DAYS * 24;
    // The next morning's crash on the fire's road names the street, company and chief: on score alone it would join.
    const late = newArticle(CRASH);
    assert.ok(late.at - s.firstAt > days * HOUR, "late.at - s.firstAt > days * HOUR");
    assert.ok(storyScore(late.vectors, late.at, s) > 0, "its score is above 0");
    assert.ok(eventSimilarity(CRASH) < EVENT_MIN_SIMILARITY, `event similarity ${eventSimilarity(CRASH)}`);
    assert.equal(assignStory(late, [s]).storyId, null);
    // Within the first day the check does not apply (and the names carry it in).
    assert.equal(assignStory(newArticle(CRASH, days - 1), [s]).storyId, 1);
    // A report of the fire itself a day and more later shares its event words, and joins.
    assert.ok(
      eventSimilarity(FIRE[2]!) >= EVENT_MIN_SIMILARITY,
      "eventSimilarity(FIRE[2]!) >= EVENT_MIN_SIMILARITY",
    );
    assert.equal(assignStory(newArticle(FIRE[2]!, 30), [s]).storyId, 1);
  });
});

describe("merging", () => {
  test("an article that scores MERGE_SCORE or more for two stories joins the better and merges the other", () => {
    const a = story(2, [FIRE[0]!]);
    const b = story(3, [FIRE[1]!]);
    const article = newArticle(FIRE[2]!);
    const [sa, sb] = [storyScore(article.vectors, article.at, a), storyScore(article.vectors, article.at, b)];
    assert.ok(sa > sb && sb >= MERGE_SCORE, `scores ${sa}, ${sb}`);
    assert.deepEqual(assignStory(article, [b, a]), {
      storyId: 2,
      merge: [3],
      nearDuplicateOf: null,
      copies: [],
    });
  });

  test("a second story the article scores above 0 but below MERGE_SCORE for is not merged", () => {
    const article = newArticle(RATES[1]!);
    const main = story(1, [RATES[0]!]);
    // The same outlets' other report, in a story first reported a day earlier: the decay takes it under MERGE_SCORE.
    const older = story(2, [[RATES[2]!, RATES[1]!.hours - 24]]);
    const younger = story(2, [RATES[2]!]);
    const scores = [main, older, younger].map((s) => storyScore(article.vectors, article.at, s));
    assert.ok(scores[0]! > scores[1]!, `${scores}`);
    assert.ok(scores[1]! > 0 && scores[1]! < MERGE_SCORE, `the older story scores ${scores[1]}`);
    assert.ok(scores[2]! >= MERGE_SCORE && scores[2]! < scores[0]!, `the younger story scores ${scores[2]}`);
    assert.deepEqual(assignStory(article, [main, older]), {
      storyId: 1,
      merge: [],
      nearDuplicateOf: null,
      copies: [],
    });
    assert.deepEqual(assignStory(article, [main, younger]), {
      storyId: 1,
      merge: [2],
      nearDuplicateOf: null,
      copies: [],
    });
  });

  test("unrelated candidates are never merged", () => {
    const d = assignStory(newArticle(FIRE[2]!), [
      story(1, [MATCH[0]!]),
      story(2, [FIRE[0]!, FIRE[1]!]),
      story(3, [RATES[0]!]),
      story(4, [BRIDGE[0]!]),
    ]);
    assert.deepEqual(d, { storyId: 2, merge: [], nearDuplicateOf: null, copies: [] });
  });
});

describe("determinism", () => {
  /** The Gazette's report syndicated at the same minute by a partner site: the same text and time, a later id. */
  const syndicated: StoryText = { ...FIRE[0]!, key: "fire-1-syndicated", outlet: "Partner Site" };
  const stories = () => [
    story(7, [FIRE[0]!]),
    story(4, [syndicated]),
    story(5, [MATCH[0]!, MATCH[1]!]),
    story(6, [FIRE[1]!, FIRE_REPRINT]),
  ];

  test("equal scores go to the lower story id", () => {
    const twin = story(3, [FIRE[0]!]);
    const d = assignStory(newArticle(FIRE[2]!), [story(7, [FIRE[0]!]), twin]);
    assert.equal(d.storyId, 3);
    assert.deepEqual(d.merge, [7]);
  });

  test("the same input gives the same decision, in any order of the candidates", () => {
    const first = assignStory(newArticle(FIRE_REPRINT_OF_REPRINT), stories());
    assert.deepEqual(assignStory(newArticle(FIRE_REPRINT_OF_REPRINT), stories()), first);
    assert.deepEqual(assignStory(newArticle(FIRE_REPRINT_OF_REPRINT), stories().reverse()), first);
    // Two reports of the same time hold the text: the lower article id is the original, whatever the story order.
    assert.ok(idOf("fire-1") < idOf(syndicated.key), 'idOf("fire-1") < idOf(syndicated.key)');
    assert.equal(first.nearDuplicateOf, idOf("fire-1"));
    assert.equal(first.storyId, 7);
    assert.deepEqual([...first.merge].sort(), [4, 6]);
    for (const s of [FIRE[2]!, MATCH[2]!, RATES[0]!]) {
      assert.deepEqual(
        assignStory(newArticle(s), stories().reverse()),
        assignStory(newArticle(s), stories()),
        s.key,
      );
    }
  });
});

describe("years named in undated texts", () => {
  const withYear = (s: StoryProfile, year: number | null): StoryProfile => ({
    ...s,
    members: s.members.map((m) => ({ ...m, year })),
  });

  test("yearsApart: YEAR_GAP or more from every year the story's reports name; no year on either side is no evidence", () => {
    const s = story(1, [FIRE[0]!, FIRE[1]!]);
    assert.equal(yearsApart(2013, withYear(s, 2013 - YEAR_GAP)), true);
    assert.equal(yearsApart(2013, withYear(s, 2013 - YEAR_GAP + 1)), false, "a year apart is not enough");
    assert.equal(yearsApart(2013, withYear(s, null)), false, "the story names no year");
    assert.equal(yearsApart(null, withYear(s, 2008)), false, "the article names none");
    // One report of the story within the gap is enough to agree.
    const mixed = { ...s, members: s.members.map((m, i) => ({ ...m, year: i === 0 ? 2008 : 2013 })) };
    assert.equal(yearsApart(2013, mixed), false);
  });

  test("the score of an undated article drops by SCORE_WEIGHTS.yearsApart for a story of other years, and only then", () => {
    const v = newArticle(FIRE[2]!).vectors;
    const s = story(1, [FIRE[0]!, FIRE[1]!]);
    const plain = storyScore(v, s.lastAt, s);
    assert.ok(
      Math.abs(storyScore(v, s.lastAt, withYear(s, 2008), 2013) - (plain + SCORE_WEIGHTS.yearsApart)) < 1e-9,
    );
    assert.equal(storyScore(v, s.lastAt, withYear(s, 2012), 2013), plain);
    assert.equal(storyScore(v, s.lastAt, withYear(s, 2008), null), plain);
  });

  test("an undated article joins the story whose years agree with its own; a dated one ignores years", () => {
    // Two stories with the same reports: on text alone they tie, and the lower id wins.
    const older = withYear(story(1, [FIRE[0]!, FIRE[1]!]), 2008);
    const newer = withYear(story(2, [FIRE[0]!, FIRE[1]!]), 2013);
    const article = { ...newArticle(FIRE[2]!), year: 2013 };
    assert.equal(assignStory({ ...article, dated: false }, [older, newer]).storyId, 2);
    assert.equal(assignStory({ ...article, dated: true }, [older, newer]).storyId, 1);
    assert.equal(assignStory(article, [older, newer]).storyId, 1, "dated unless said otherwise");
  });
});
