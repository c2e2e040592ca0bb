/** @module A person's or body's view: name, kind, statement count, their page, feeds and search link. */
import type { Person } from "../../storage/people.ts";
import { personPath } from "./paths.ts";
import { type TimeView, timeView } from "./story.ts";

export interface PersonView {
  slug: string;
  name: string;
  /** "Person" or "Organisation", as shown. */
  kindLabel: string;
  kind: "person" | "organisation";
  statementCount: number;
  /** "1 statement", "12 statements". */
  countLabel: string;
  lastStatement: TimeView | null;
  path: string;
  feedPath: string;
  /** The search page filtered to the articles quoting them. */
  searchPath: string;
}

export function countStatements(n: number): string {
  return `${n} ${n === 1 ? "statement" : "statements"}`;
}

export function presentPerson(p: Person): PersonView {
  const path = personPath(p.slug);
  return {
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    kindLabel: p.kind === "organisation" ? "Organisation" : "Person",
    statementCount: p.statement_count,
    countLabel: countStatements(p.statement_count),
    lastStatement: p.last_statement_at ? timeView(p.last_statement_at) : null,
    path,
    feedPath: `${path}/feed`,
    searchPath: `/search?${new URLSearchParams({ speaker: p.slug })}`,
  };
}

/** A person's feeds, as their page advertises them with rel=alternate. */
export function personFeedLinks(person: PersonView) {
  return [
    {
      href: `${person.feedPath}.xml`,
      title: `${person.name}'s statements (RSS)`,
      type: "application/rss+xml",
    },
    {
      href: `${person.feedPath}.atom`,
      title: `${person.name}'s statements (Atom)`,
      type: "application/atom+xml",
    },
    {
      href: `${person.feedPath}.json`,
      title: `${person.name}'s statements (JSON Feed)`,
      type: "application/feed+json",
    },
  ];
}
