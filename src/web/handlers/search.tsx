/** @module GET /search : validates the query string, searches, presents the hits, renders the page. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { MAX_PAGE } from "../../search/limits.ts";
import { MAX_QUERY_CHARS, parseSearchQuery } from "../../search/query.ts";
import { dialectOf, type SearchHit, searchArticles } from "../../search/search.ts";
import { highlightAll } from "../../search/snippet.ts";
import { listReprintLinks } from "../../storage/original-lists.ts";
import { findPersonBySlug, listStatementsOfArticles, type Person } from "../../storage/people.ts";
import { listSources } from "../../storage/sources.ts";
import { parseFeedDate } from "../../util/dates.ts";
import type { WebContext } from "../context.ts";
import {
  type SearchForm,
  type SearchHitView,
  SearchPage,
  type SpeakerStatementView,
} from "../pages/search.tsx";
import { articlePath } from "../presenters/article.ts";
import { personPath } from "../presenters/paths.ts";
import { type ReprintNotes, reprintNotes } from "../presenters/reprints.ts";
import { statementText } from "../presenters/statements.ts";
import { renderPage } from "../render.tsx";

const DAY_MS = 86_400_000;

/** A calendar date from a date input, or nothing when left empty. */
const dateField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine(
    // A day that exists: Date.parse would roll 2026-02-31 over to 3 March.
    (v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && parseFeedDate(v)?.slice(0, 10) === v),
    {
      message: "Use a date like 2026-11-20.",
    },
  );

const searchParams = z
  .object({
    q: z
      .string({ error: "Type the words to search for once." })
      .max(MAX_QUERY_CHARS, `Use at most ${MAX_QUERY_CHARS} characters.`)
      .default(""),
    source: z
      .string({ error: "Choose one source." })
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^\d{1,12}$/.test(v), { message: "Choose a source from the list." }),
    speaker: z
      .string({ error: "Choose one speaker." })
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || v.length <= 200, { message: "Choose a speaker from their page." }),
    from: dateField,
    to: dateField,
    page: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : 1))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= MAX_PAGE, {
        message: `Pages go from 1 to ${MAX_PAGE}; narrow the search with a source or dates to go further.`,
      }),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * The hits with each text once: a reprint whose original is among them is left out and named under
 * the original instead (a reprint matches the same words, so both usually come back together).
 */
export function presentHits(hits: readonly SearchHit[], notes: ReprintNotes): SearchHitView[] {
  const ids = new Set(hits.map((h) => h.article.id));
  return hits
    .filter((h) => {
      const original = notes.firstPublishedBy.get(h.article.id);
      return !original || !ids.has(original.id);
    })
    .map((h) => ({
      ...presentHit(h),
      republishedBy: notes.republishedBy.get(h.article.id) ?? [],
      firstPublishedBy: notes.firstPublishedBy.get(h.article.id) ?? null,
    }));
}

function presentHit(hit: SearchHit): Omit<SearchHitView, "republishedBy" | "firstPublishedBy"> {
  const a = hit.article;
  const host = (() => {
    try {
      return new URL(a.source_site_url ?? a.source_url).hostname;
    } catch {
      return a.source_url;
    }
  })();
  return {
    id: a.id,
    path: articlePath(a.id, a.title),
    titleHtml: hit.titleHtml,
    snippetHtml: hit.snippetHtml,
    sourceName: a.source_title ?? host,
    publishedIso: a.sort_at,
    publishedDisplay: dateFormat.format(new Date(a.sort_at)),
  };
}

/** Statements shown under each hit of a speaker search. */
const SPEAKER_STATEMENTS_PER_HIT = 3;

/**
 * The speaker's statements in each hit (their words first when they hold the searched words), each
 * escaped with the matches marked, so the reader sees what they said there.
 */
async function speakerStatements(
  ctx: WebContext,
  person: Person,
  hits: readonly SearchHit[],
  q: string,
): Promise<Map<number, SpeakerStatementView[]>> {
  const units = parseSearchQuery(q);
  const rows = await listStatementsOfArticles(
    ctx.db,
    hits.map((h) => h.article.id),
  );
  const out = new Map<number, SpeakerStatementView[]>();
  for (const r of rows) {
    if (r.person_id !== person.id) continue;
    const html = highlightAll(statementText(r), units);
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, quote: r.kind === "direct", verb: r.verb, html, matched: html.includes("<mark>") });
    out.set(r.article_id, list);
  }
  for (const [id, list] of out)
    out.set(
      id,
      list.sort((a, b) => Number(b.matched) - Number(a.matched)).slice(0, SPEAKER_STATEMENTS_PER_HIT),
    );
  return out;
}

export async function search(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const raw = (req.query ?? {}) as Record<string, unknown>;
  const sources = (await listSources(ctx.db)).map((s) => ({ id: s.id, name: s.title ?? s.url }));
  const parsed = searchParams.safeParse(raw);
  const text = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const form: SearchForm = {
    q: text("q"),
    source: text("source"),
    speaker: text("speaker"),
    from: text("from"),
    to: text("to"),
  };
  const render = (status: number, body: Parameters<typeof SearchPage>[0]) =>
    reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(
        renderPage(
          ctx.config,
          // Result pages are endless variations of the site's own pages: not for search engines.
          { title: form.q ? `Search: ${form.q}` : "Search", noindex: true },
          <SearchPage {...body} />,
        ),
      );

  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "q"), message: i.message }));
    return render(400, { form, sources, errors, result: null, speaker: null });
  }
  const p = parsed.data;
  const person = p.speaker ? await findPersonBySlug(ctx.db, p.speaker) : undefined;
  if (p.speaker && !person) {
    const errors = [{ field: "speaker", message: "No one by that name is quoted on this site." }];
    return render(400, { form, sources, errors, result: null, speaker: null });
  }
  const speaker = person ? { name: person.name, path: personPath(person.slug) } : null;
  if (!p.q.trim()) return render(200, { form, sources, errors: [], result: null, speaker });
  const page = await searchArticles(
    { kysely: ctx.db, dialect: dialectOf(ctx.db) },
    {
      q: p.q,
      page: p.page,
      ...(p.source ? { sourceId: Number(p.source) } : {}),
      ...(person ? { personId: person.id } : {}),
      ...(p.from ? { from: `${p.from}T00:00:00.000Z` } : {}),
      // The end date is inclusive: everything before the next day's midnight.
      ...(p.to ? { to: new Date(Date.parse(`${p.to}T00:00:00Z`) + DAY_MS).toISOString() } : {}),
    },
  );
  const said = person ? await speakerStatements(ctx, person, page.hits, p.q) : new Map();
  return render(200, {
    form,
    sources,
    errors: [],
    speaker,
    result: {
      hits: presentHits(
        page.hits,
        reprintNotes(
          await listReprintLinks(
            ctx.db,
            page.hits.map((h) => h.article.id),
          ),
        ),
      ).map((h) => ({ ...h, statements: said.get(h.id) ?? [] })),
      page: page.page,
      perPage: page.perPage,
      hasNext: page.hasNext,
      terms: page.terms,
    },
  });
}
