/** @module /people: the people and bodies quoted most recently, with their statement counts. */
import type { PersonView } from "../presenters/people.ts";
import { Time } from "../views/time.tsx";

export function PeopleIndexPage({ people }: { people: readonly PersonView[] }) {
  return (
    <>
      <h1>People</h1>
      <p>
        The people and bodies the articles on this site quote, most recently quoted first. Each page lists
        what they were reported to have said, and where.
      </p>
      {people.length === 0 ? (
        <p class="empty">No one has been quoted yet.</p>
      ) : (
        <ul class="source-list people-list">
          {people.map((p) => (
            <li key={p.slug}>
              <a class="source-name" href={p.path}>
                <bdi>{p.name}</bdi>
              </a>
              <span class="meta">
                {" "}
                · {p.kindLabel} · {p.countLabel}
                {p.lastStatement ? (
                  <>
                    {" "}
                    · last quoted <Time iso={p.lastStatement.iso} display={p.lastStatement.display} />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
