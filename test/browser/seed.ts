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
  /** The headline the bridge report had before its publisher changed it. */
  earlierTitle: "Harbour bridge to reopen on Thursday",
  /** A wire story: the agency's original, a reprint of it by Valley Post, and Harbour Times' own report. */
  wire: {
    outlet: "Coastal Wire",
    title: "Ferry services resume after the storm",
    otherTitle: "Ferries sail again as winds drop",
    caption: "A ferry leaves the harbour on Thursday.",
    credit: "Photo: Coastal Wire",
  },
  /** Single reports with topics, so the front page has sections beyond the top stories. */
  singles: [
    { title: "Council approves new cycle lanes on the ring road", topic: "Transport", hours: 1 },
    { title: "Tram extension consultation opens to residents", topic: "Transport", hours: 2 },
    { title: "Museum reopens its west wing after renovation", topic: "Culture", hours: 3 },
    { title: "Jazz festival announces a free opening night", topic: "Culture", hours: 4 },
    { title: "Storm warning issued for the northern coast", topic: "Weather", hours: 5 },
    { title: "City marathon moves to a flatter route", topic: "Sport", hours: 6 },
    { title: "Harbour swimmers return for the winter dip", topic: "Sport", hours: 7 },
  ],
  /** Operator labels of the outlets, in the order of `outlets` then the wire. */
  labels: [
    { country: "GB", kind: "newspaper" },
    { country: "GB", kind: "independent" },
    { country: "IE", kind: "newspaper" },
    { country: "GB", kind: "wire" },
  ],
} as const;
