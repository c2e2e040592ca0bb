/**
 * @module /people/<slug>: a person's or body's statements, newest first, each with the report it is in,
 * the outlet and the time; their feeds and a search of the articles quoting them.
 */
import type { PersonView } from "../presenters/people.ts";
import type { PersonStatementView } from "../presenters/statements.ts";
import { Pager } from "../views/pager.tsx";
import { Time } from "../views/time.tsx";
import { Statement } from "../views/who-said-what.tsx";

export interface PersonPageProps {
  person: PersonView;
  statements: readonly PersonStatementView[];
  older: string | null;
  firstPage: boolean;
}

export function PersonPage({ person, statements, older, firstPage }: PersonPageProps) {
  return (
    <>
      <header class="person-header">
        <h1>
          <bdi>{person.name}</bdi>
        </h1>
        <p class="meta">
          {person.kindLabel} · {person.countLabel}
          {person.lastStatement ? (
            <>
              {" "}
              · last quoted <Time iso={person.lastStatement.iso} display={person.lastStatement.display} />
            </>
          ) : null}
        </p>
        <ul class="source-links">
          <li>
            <a href={person.searchPath}>Search their statements</a>
          </li>
          <li>
            Follow: <a href={`${person.feedPath}.xml`}>RSS</a>, <a href={`${person.feedPath}.atom`}>Atom</a>,{" "}
            <a href={`${person.feedPath}.json`}>JSON Feed</a>
          </li>
        </ul>
      </header>
      {statements.length === 0 ? (
        <p class="empty">
          {firstPage ? "No statements are attributed to them now." : "There are no older statements."}
        </p>
      ) : (
        <ol class="person-statements">
          {statements.map((s) => (
            <li key={s.id} class={`statement statement-${s.quote ? "quote" : "paraphrase"}`}>
              <p class="statement-line">
                <Statement s={s} />
              </p>
              <p class="meta">
                In <a href={s.statementPath}>{s.articleTitle}</a> ·{" "}
                <a href={s.outletPath}>
                  <bdi>{s.outletName}</bdi>
                </a>{" "}
                · <Time iso={s.at.iso} display={s.at.display} />
                {s.asNamed !== person.name ? (
                  <>
                    {" "}
                    · named as <bdi>{s.asNamed}</bdi>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pager older={older} newest={firstPage ? null : person.path} olderLabel="Older statements" />
    </>
  );
}
