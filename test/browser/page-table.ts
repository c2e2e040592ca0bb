/** @module Every public page type, with the address of its seeded instance and the text it must show. */
import { routes } from "../../src/web/routes.ts";
import { type Site, seed } from "./fixture-site.ts";

export interface PageCase {
  name: string;
  /** The route's URL up to its first parameter ("/stories/" for "/stories/:idSlug"); none for the 404. */
  route?: string;
  path: (site: Site) => string;
  status: number;
  /** Text the main landmark must contain. */
  mustShow: string[];
  /** Text it must not contain (e.g. a search's non-matches). */
  mustNotShow?: string[];
}

export const pageCases: PageCase[] = [
  {
    name: "home",
    route: "/",
    path: () => "/",
    status: 200,
    mustShow: [seed.storyTitle, "Night market opens on the waterfront", seed.rtlTitle, seed.outlets[0]],
  },
  {
    name: "article",
    route: "/articles/",
    path: (s) => s.paths.article,
    status: 200,
    mustShow: [seed.storyTitle, seed.byline, seed.caption, seed.credit, seed.bodyText, "Source"],
  },
  {
    name: "article-rtl",
    route: "/articles/",
    path: (s) => s.paths.rtlArticle,
    status: 200,
    mustShow: [seed.rtlTitle, seed.rtlOutlet],
  },
  {
    name: "story",
    route: "/stories/",
    path: (s) => s.paths.story,
    status: 200,
    mustShow: [
      seed.storyTitle,
      ...seed.outlets,
      "Bridge back in service as harbour traffic eases",
      "Commuters return to the harbour bridge",
    ],
  },
  {
    name: "source",
    route: "/sources/",
    path: (s) => s.paths.source,
    status: 200,
    mustShow: [seed.outlets[0], seed.storyTitle],
    mustNotShow: ["Night market opens on the waterfront"],
  },
  {
    name: "topic",
    route: "/topics/",
    path: (s) => s.paths.topic,
    status: 200,
    mustShow: [seed.topic.name, seed.storyTitle, "Bridge back in service as harbour traffic eases"],
    mustNotShow: ["Night market opens on the waterfront"],
  },
  {
    name: "search",
    route: "/search",
    path: (s) => s.paths.search,
    status: 200,
    mustShow: [seed.storyTitle, "Commuters return to the harbour bridge"],
    mustNotShow: ["Night market opens on the waterfront"],
  },
  {
    name: "people",
    route: "/people",
    path: () => "/people",
    status: 200,
    // The fixture site's articles carry no statements yet (people.test.ts seeds its own).
    mustShow: ["People", "No one has been quoted yet."],
  },
  { name: "about", route: "/about", path: (s) => s.paths.about, status: 200, mustShow: ["About"] },
  {
    name: "not-found",
    path: (s) => s.paths.missing,
    status: 404,
    mustShow: ["Page not found", "front page"],
  },
];

/**
 * The page cases whose route is missing from src/web/routes.ts. A missing route is a failure (a test
 * asserts this list is empty), never a quietly skipped page.
 */
export function casesWithoutRoute(cases: readonly PageCase[] = pageCases): string[] {
  return cases.flatMap((c) =>
    c.route === undefined || routes.some((r) => r.method === "GET" && r.url.split(":")[0] === c.route)
      ? []
      : [`${c.name}: no GET ${c.route} route in src/web/routes.ts`],
  );
}
