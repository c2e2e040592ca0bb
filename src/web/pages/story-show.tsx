/**
 * @module A story page: headline, lead sentence, who reported it first and when, the coverage by outlet
 * and label, the picture, every report grouped by outlet (reprints under their original), who said what
 * across outlets, a timeline, and the reports' comments.
 */
import type { ComparedSpeaker } from "../presenters/statements.ts";
import type { StoryPageView } from "../presenters/story-page.ts";
import { CoverageBreakdown } from "../views/coverage-breakdown.tsx";
import { OutletNames } from "../views/story-card.tsx";
import { StoryComments, type StoryCommentsProps } from "../views/story-comments.tsx";
import { StoryImage } from "../views/story-image.tsx";
import { Time } from "../views/time.tsx";
import { StoryStatements } from "../views/who-said-what.tsx";

export interface StoryPageProps {
  view: StoryPageView;
  commentCounts: ReadonlyMap<number, number>;
  comments: StoryCommentsProps;
  feedPath: string;
  /** Each source the reports quote, with what each outlet attributes to them; empty: no section. */
  compared: readonly ComparedSpeaker[];
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function StoryPage({ view, commentCounts, comments, feedPath, compared }: StoryPageProps) {
  const { card, groups, timeline, breakdown, updated } = view;
  const lead = card.lead;
  return (
    <>
      <header class="story-header">
        <h1 lang={card.titleLang ?? undefined} dir={card.titleDir ?? "auto"}>
          {card.title}
        </h1>
        {card.leadSentence ? (
          <p class="lead-sentence" lang={lead.lang ?? undefined} dir={lead.dir ?? "auto"}>
            {card.leadSentence}
          </p>
        ) : null}
        <p class="meta">
          {card.firstReport ? (
            <>
              First reported by{" "}
              <a href={card.firstReport.sourcePath}>
                <bdi>{card.firstReport.sourceName}</bdi>
              </a>{" "}
              at <Time iso={card.firstReport.at.iso} display={card.firstReport.at.display} />.{" "}
            </>
          ) : null}
          Updated <Time iso={updated.iso} display={updated.display} />.
        </p>
      </header>
      <section class="coverage-summary" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">
          {count(card.reportCount, "report", "reports")} from{" "}
          {count(card.outlets.length, "outlet", "outlets")}
        </h2>
        <p>
          <OutletNames names={card.outlets.map((o) => o.name)} />
        </p>
        <CoverageBreakdown breakdown={breakdown} />
        <p class="feeds">
          Follow this story: <a href={`${feedPath}.xml`}>RSS</a>, <a href={`${feedPath}.atom`}>Atom</a>,{" "}
          <a href={`${feedPath}.json`}>JSON Feed</a>
        </p>
      </section>
      {card.image ? (
        <StoryImage picture={card.image} leadSource={lead.sourceName} withCaption={true} eager />
      ) : null}
      <section class="reports" aria-labelledby="reports-heading">
        <h2 id="reports-heading">Reports by outlet</h2>
        {groups.map((g) => (
          <section
            key={g.outlet.sourceId}
            class="outlet-group"
            aria-labelledby={`outlet-${g.outlet.sourceId}`}
          >
            <h3 id={`outlet-${g.outlet.sourceId}`}>
              <a href={g.outlet.path}>
                <bdi>{g.outlet.name}</bdi>
              </a>
            </h3>
            <ol class="report-list">
              {g.reports.map(({ article: a, republished }) => (
                <li key={a.id} class="report" lang={a.lang ?? undefined} dir={a.dir ?? undefined}>
                  <h4 class="report-title">
                    <a href={a.path}>{a.title}</a>
                  </h4>
                  <p class="meta">
                    {a.publishedIso && a.publishedDisplay ? (
                      <Time iso={a.publishedIso} display={a.publishedDisplay} />
                    ) : null}
                    {a.revisedIso && a.revisedDisplay ? (
                      <>
                        {" · "}Updated <Time iso={a.revisedIso} display={a.revisedDisplay} />
                      </>
                    ) : null}
                    {" · "}
                    <a href={`${a.path}#comments`}>
                      {count(commentCounts.get(a.id) ?? 0, "comment", "comments")}
                    </a>
                    {" · "}
                    <a href={a.originalUrl} rel="noopener">
                      Original<span class="visually-hidden"> at {a.sourceName}</span>
                    </a>
                  </p>
                  {a.excerpt ? <p class="excerpt">{a.excerpt}</p> : null}
                  {republished.length > 0 ? (
                    <ul class="republished" dir="ltr" lang="en">
                      {republished.map((r) => (
                        <li key={r.id}>
                          Republished by{" "}
                          <a href={r.path}>
                            <bdi>{r.sourceName}</bdi>
                          </a>{" "}
                          at <Time iso={r.at.iso} display={r.at.display} /> (
                          <a href={r.originalUrl} rel="noopener">
                            original<span class="visually-hidden"> at {r.sourceName}</span>
                          </a>
                          )
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
      <StoryStatements compared={compared} />
      <section class="timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol>
          {timeline.map((t) => (
            <li key={t.id}>
              <Time iso={t.at.iso} display={t.at.display} />
              {/* The time sits on its own line; the comma keeps the sentence apart when read aloud. */}
              <span class="visually-hidden">, </span>
              <bdi class="outlet">{t.sourceName}</bdi>
              {t.reprint ? " republished " : ": "}
              <a href={t.path} lang={t.lang ?? undefined} dir={t.dir ?? "auto"}>
                {t.title}
              </a>
            </li>
          ))}
        </ol>
      </section>
      <StoryComments {...comments} />
    </>
  );
}
