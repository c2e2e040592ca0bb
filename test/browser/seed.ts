/** @module The text of the browser tests' seeded site, so tests can name what each page must show. */

/** What the seeded pages are about, so tests can name the text each page must show. */
export const seed = {
  storyTitle: "Harbour bridge reopens after two years of repairs",
  outlets: ["The Gazette", "Harbour Times", "Valley Post"],
  byline: "Mira Chen",
  caption: "Morning traffic crosses the reopened bridge.",
  credit: "Photo: Sam Lee/The Gazette",
  imageAlt: "Cars and cyclists on the harbour bridge",
  bodyText: "The harbour bridge reopened to traffic on Thursday morning",
  topic: { name: "Transport", slug: "transport" },
  rtlTitle: "افتتاح المكتبة العامة الجديدة في وسط المدينة",
  rtlOutlet: "صحيفة المدينة",
  rtlByline: "ليلى حسن",
  searchWord: "bridge",
} as const;
