/** @module GET /people (who is quoted, most recently first) and GET /people/:slug (one person's statements, paginated). */
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  findPersonByOldSlug,
  findPersonBySlug,
  listPersonStatements,
  listRecentPeople,
  type Person,
} from "../../storage/people.ts";
import type { WebContext } from "../context.ts";
import { PeopleIndexPage } from "../pages/people-index.tsx";
import { PersonPage } from "../pages/person-show.tsx";
import { olderLink } from "../presenters/cursor.ts";
import { personPath } from "../presenters/paths.ts";
import { personFeedLinks, presentPerson } from "../presenters/people.ts";
import { presentPersonStatement } from "../presenters/statements.ts";
import { renderPage } from "../render.tsx";
import { cursorFrom, notFound, redirectToOwnPath, sendHtml, splitPage } from "./params.ts";

const PERSON_PAGE_SIZE = 30;
const PEOPLE_LISTED = 100;

/** The person or body at `/people/<slug>`, or a 404. */
export async function findPersonOr404(ctx: WebContext, req: FastifyRequest): Promise<Person> {
  const slug = (req.params as { slug: string }).slug;
  const person = slug.length <= 200 ? await findPersonBySlug(ctx.db, slug) : undefined;
  if (!person) throw notFound("person or organisation");
  return person;
}

export async function peopleIndex(ctx: WebContext, _req: FastifyRequest, reply: FastifyReply) {
  const people = (await listRecentPeople(ctx.db, PEOPLE_LISTED)).map(presentPerson);
  const html = renderPage(
    ctx.config,
    {
      title: "People",
      description: "The people and bodies quoted in the news on this site, with what they said.",
      path: "/people",
    },
    <PeopleIndexPage people={people} />,
  );
  return sendHtml(reply, html);
}

/**
 * The person an old address of theirs names: known first by surname only, they have a fuller name
 * (and address) now. Undefined when the slug is current or unknown.
 */
export async function movedPerson(ctx: WebContext, req: FastifyRequest): Promise<Person | undefined> {
  const slug = (req.params as { slug: string }).slug;
  if (slug.length > 200 || (await findPersonBySlug(ctx.db, slug))) return undefined;
  return findPersonByOldSlug(ctx.db, slug);
}

export async function personShow(ctx: WebContext, req: FastifyRequest, reply: FastifyReply) {
  const moved = await movedPerson(ctx, req);
  if (moved) return redirectToOwnPath(req, reply, personPath(moved.slug));
  const row = await findPersonOr404(ctx, req);
  const person = presentPerson(row);
  const before = cursorFrom(req);
  const page = splitPage(
    await listPersonStatements(ctx.db, row.id, PERSON_PAGE_SIZE + 1, before),
    PERSON_PAGE_SIZE,
  );
  const html = renderPage(
    ctx.config,
    {
      title: person.name,
      description: `What ${person.name} said, as the news reported it: ${person.countLabel}.`,
      path: person.path,
      feeds: personFeedLinks(person),
    },
    <PersonPage
      person={person}
      statements={page.rows.map(presentPersonStatement)}
      older={olderLink(person.path, page.rows, page.more)}
      firstPage={!before}
    />,
  );
  return sendHtml(reply, html);
}
