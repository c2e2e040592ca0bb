/**
 * @module Who said what, presented: an article's sources each once with their statements, a story's
 * comparison (each source, then what each outlet attributes to them), a person's statements, and the
 * statements as schema.org Quotation items for the article's JSON-LD.
 */

import { identityKind } from "../../people/identity.ts";
import type { PersonStatementRow, StatementRow } from "../../storage/people.ts";
import type { StoryMember } from "../../storage/story-reads.ts";
import { firstWords } from "./article.ts";
import { articlePath, hostOf, personPath, siteUrl, sourcePath } from "./paths.ts";
import { memberSourceName, type TimeView, timeView } from "./story.ts";
import { cleanLanguageTag, textDirection } from "./text-direction.ts";

export type StatementKind = "direct" | "indirect" | "according_to";

export interface StatementView {
  id: number;
  /** A quotation (shown in <q>), or a paraphrase (said so in words, not only by style). */
  quote: boolean;
  kind: StatementKind;
  /** "said", "told reporters", "according to". */
  verb: string;
  text: string;
  lang: string | null;
  dir: "rtl" | "ltr" | null;
}

/** A source as a reader sees it: a person's or body's page when it has an identity, else its description. */
export interface SpeakerView {
  /** Groups a source's statements: the identity, else the source text as written. */
  key: string;
  name: string;
  /** The person's page; null for a source without identity (anonymous, own sources, "officials"). */
  path: string | null;
  affiliation: string | null;
  anonymous: boolean;
  /** A person or a body (for a source without identity, as its words suggest). */
  kind: "person" | "organisation";
}

export interface SpeakerStatements {
  speaker: SpeakerView;
  statements: StatementView[];
}

function speakerKey(r: StatementRow): string {
  if (r.person_id !== null) return `person:${r.person_id}`;
  return `${r.anonymous ? "anonymous" : "source"}:${r.source.trim().toLowerCase()}`;
}

/** An anonymous source named by its role ("senior official") reads as "Unnamed source: senior official". */
export function sourceLabel(r: Pick<StatementRow, "source" | "anonymous">): string {
  const source = r.source.replace(/\s+/g, " ").trim();
  if (!r.anonymous || /^(unnamed|anonymous)\b/i.test(source)) return source;
  return `Unnamed source: ${source}`;
}

export function presentSpeaker(r: StatementRow): SpeakerView {
  const identity = r.person_id !== null && r.person_slug !== null;
  return {
    key: speakerKey(r),
    name: identity ? (r.person_name ?? r.source) : sourceLabel(r),
    path: identity && r.person_slug !== null ? personPath(r.person_slug) : null,
    affiliation: r.affiliation?.trim() || null,
    anonymous: r.anonymous,
    kind: r.person_kind ?? identityKind(r.source),
  };
}

/**
 * Words of one statement an excerpt-only source may show: its articles' text is the outlet's to
 * show, so a long quotation (or many of them) cannot bring the body back through Who said what.
 */
export const EXCERPT_STATEMENT_WORDS = 30;

/** The statement's words as every page and feed shows them: cut for an excerpt-only source. */
export function statementText(r: Pick<StatementRow, "text" | "source_display_mode">): string {
  return r.source_display_mode === "excerpt" ? firstWords(r.text, EXCERPT_STATEMENT_WORDS) : r.text;
}

export function presentStatement(r: StatementRow, language: string | null): StatementView {
  const lang = cleanLanguageTag(language);
  return {
    id: r.id,
    quote: r.kind === "direct",
    kind: r.kind,
    verb: r.verb.trim() || (r.kind === "according_to" ? "according to" : "said"),
    text: statementText(r),
    lang,
    dir: textDirection(lang),
  };
}

/** Groups statements by source, each source once in order of its first statement. */
function groupBySpeaker<T>(
  rows: readonly StatementRow[],
  item: (r: StatementRow) => T,
): Array<{ speaker: SpeakerView; items: T[] }> {
  const groups = new Map<string, { speaker: SpeakerView; items: T[] }>();
  for (const r of rows) {
    const key = speakerKey(r);
    let g = groups.get(key);
    if (!g) {
      g = { speaker: presentSpeaker(r), items: [] };
      groups.set(key, g);
    }
    // The first statement that names an affiliation gives it.
    if (!g.speaker.affiliation && r.affiliation?.trim()) g.speaker.affiliation = r.affiliation.trim();
    g.items.push(item(r));
  }
  return [...groups.values()];
}

/** An article's "Who said what": `rows` are its statements in text order. Empty: no section. */
export function presentWhoSaidWhat(
  rows: readonly StatementRow[],
  language: string | null,
): SpeakerStatements[] {
  return groupBySpeaker(rows, (r) => presentStatement(r, language)).map((g) => ({
    speaker: g.speaker,
    statements: g.items,
  }));
}

/** One outlet's statements of one source in a story, with the report they are in. */
export interface OutletStatements {
  sourceId: number;
  outletName: string;
  outletPath: string;
  reports: Array<{ id: number; title: string; path: string; at: TimeView; statements: StatementView[] }>;
}

export interface ComparedSpeaker {
  speaker: SpeakerView;
  outlets: OutletStatements[];
}

/**
 * A story's "Who said what across outlets": for each source its reports quote, what each outlet
 * attributes to them. Sources quoted by more outlets come first, then in order of first mention; outlets
 * in the order they first reported. A reprint of a report in the story repeats that report's words, so
 * it is left out (the story page lists it under its original).
 */
export function presentStoryStatements(
  members: readonly StoryMember[],
  rows: readonly StatementRow[],
): ComparedSpeaker[] {
  const inStory = new Set(members.map((m) => m.id));
  const byId = new Map(members.map((m) => [m.id, m]));
  const outletOrder = new Map<number, number>();
  for (const m of members) if (!outletOrder.has(m.source_id)) outletOrder.set(m.source_id, outletOrder.size);
  const kept = rows.filter((r) => {
    const m = byId.get(r.article_id);
    return m !== undefined && !(m.near_duplicate_of !== null && inStory.has(m.near_duplicate_of));
  });
  // Reports oldest first, each one's statements in text order.
  const order = new Map(members.map((m, i) => [m.id, i]));
  const sorted = [...kept].sort(
    (a, b) => (order.get(a.article_id) ?? 0) - (order.get(b.article_id) ?? 0) || a.position - b.position,
  );
  const groups = groupBySpeaker(sorted, (r) => r);
  const compared = groups.map((g, i) => {
    const outlets = new Map<number, OutletStatements>();
    for (const r of g.items) {
      const m = byId.get(r.article_id);
      if (!m) continue;
      const name = memberSourceName(m);
      let o = outlets.get(m.source_id);
      if (!o) {
        o = {
          sourceId: m.source_id,
          outletName: name,
          outletPath: sourcePath(m.source_id, name),
          reports: [],
        };
        outlets.set(m.source_id, o);
      }
      let report = o.reports.find((x) => x.id === m.id);
      if (!report) {
        report = {
          id: m.id,
          title: m.title,
          path: articlePath(m.id, m.title),
          at: timeView(m.sort_at),
          statements: [],
        };
        o.reports.push(report);
      }
      report.statements.push(presentStatement(r, m.language));
    }
    const list = [...outlets.values()].sort(
      (a, b) => (outletOrder.get(a.sourceId) ?? 0) - (outletOrder.get(b.sourceId) ?? 0),
    );
    return { speaker: g.speaker, outlets: list, first: i };
  });
  compared.sort((a, b) => b.outlets.length - a.outlets.length || a.first - b.first);
  return compared.map(({ speaker, outlets }) => ({ speaker, outlets }));
}

/** A statement on a person's page or in their feed: the statement, the report it is in, the outlet. */
export interface PersonStatementView extends StatementView {
  /** The source as this report named it ("Lavrov", "the minister's spokesman"...). */
  asNamed: string;
  articleId: number;
  articleTitle: string;
  articlePath: string;
  /** Our article page, at this statement. */
  statementPath: string;
  outletName: string;
  outletPath: string;
  at: TimeView;
  sortAt: string;
}

export function presentPersonStatement(r: PersonStatementRow): PersonStatementView {
  const outletName = r.source_title || hostOf(r.article_url);
  const path = articlePath(r.article_id, r.article_title);
  return {
    ...presentStatement(r, null),
    asNamed: r.source,
    articleId: r.article_id,
    articleTitle: r.article_title,
    articlePath: path,
    statementPath: `${path}#statement-${r.id}`,
    outletName,
    outletPath: sourcePath(r.source_id, outletName),
    at: timeView(r.sort_at),
    sortAt: r.sort_at,
  };
}

/**
 * The article's statements as schema.org Quotation items (for NewsArticle's `hasPart`): the words, how
 * they were given (a quotation or a paraphrase) and who said them, with their page when they have one.
 */
export function quotationsJsonLd(
  groups: readonly SpeakerStatements[],
  publicUrl: string,
): Array<Record<string, unknown>> {
  return groups.flatMap((g) => {
    const creator = {
      "@type": g.speaker.kind === "organisation" ? "Organization" : "Person",
      name: g.speaker.name,
      ...(g.speaker.path ? { url: siteUrl(publicUrl, g.speaker.path) } : {}),
      ...(g.speaker.affiliation
        ? { affiliation: { "@type": "Organization", name: g.speaker.affiliation } }
        : {}),
    };
    return g.statements.map((s) => ({
      "@type": "Quotation",
      text: s.text,
      creator,
      ...(s.lang ? { inLanguage: s.lang } : {}),
      // A paraphrase is still attributed speech, but not the speaker's words: say which it is.
      description: s.quote ? `Quotation (${s.verb})` : `Paraphrase (${s.verb})`,
    }));
  });
}
