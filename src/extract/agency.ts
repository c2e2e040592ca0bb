/**
 * @module Wire agencies credited by a page ("By Jane Doe, AP", "PARIS (AFP) —", "Quelle: dpa"): found
 * by name, so an agency is reported as the article's agency and never as one of its authors.
 */

/**
 * National and international news agencies, by the names and abbreviations pages credit them with.
 * Abbreviations are matched case-sensitively where they are common words in some language ("AP",
 * "PA", "TT"), full names in any case.
 */
const AGENCY_ABBREVIATIONS = [
  "AP",
  "AFP",
  "dpa",
  "DPA",
  "KNA",
  "epd",
  "APA",
  "SDA",
  "sda",
  "ATS",
  "ats",
  "ANSA",
  "EFE",
  "PA",
  "AAP",
  "UPI",
  "CP",
  "NTB",
  "TT",
  "ANP",
  "PAP",
  "CTK",
  "ČTK",
  "MTI",
  "PTI",
  "IANS",
  "TASS",
  "ANI",
  "KNA",
  "Kyodo",
  "Yonhap",
  "Xinhua",
  "Reuters",
  "REUTERS",
  "Bernama",
  "Antara",
  "Lusa",
  "Belga",
  "Ritzau",
  "Interfax",
  "Anadolu",
  "AA",
  "dts",
  "sid",
  "SID",
  "KAP",
  "Keystone-SDA",
];

const AGENCY_NAMES = [
  "Associated Press",
  "Agence France-Presse",
  "Agence France Presse",
  "Deutsche Presse-Agentur",
  "Press Association",
  "PA Media",
  "Canadian Press",
  "Australian Associated Press",
  "United Press International",
  "Katholische Nachrichten-Agentur",
  "Evangelischer Pressedienst",
  "Austria Presse Agentur",
  "Schweizerische Depeschenagentur",
  "Agenzia Nazionale Stampa Associata",
  "Agencia EFE",
  "Europa Press",
  "Kyodo News",
  "Yonhap News Agency",
  "Xinhua News Agency",
  "Anadolu Agency",
  "Press Trust of India",
  "Thomson Reuters",
  "Bloomberg News",
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ABBREVIATION = new Set(AGENCY_ABBREVIATIONS);
const NAME = new Map(AGENCY_NAMES.map((n) => [n.toLowerCase(), n]));

/**
 * The agency a byline part names, or null: "AP", "dpa/lnw" (an agency and its regional desk), "The
 * Associated Press", "Reuters staff". The part must be the agency and nothing else of substance.
 */
export function agencyIn(part: string): string | null {
  const p = part
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(the|von|by|par|por|di|de)\s+/i, "")
    .replace(/\s+(staff|reporters?|news|wire|service)$/i, "")
    .replace(/[.:;,]+$/, "");
  if (ABBREVIATION.has(p)) return p;
  const named = NAME.get(p.toLowerCase());
  if (named) return named;
  // "dpa/lnw", "AFP/dpa", "APA/red": an agency with a desk or a second agency.
  const first = p.split(/\s*\/\s*/)[0] ?? "";
  if (first !== p && (ABBREVIATION.has(first) || NAME.has(first.toLowerCase()))) return p;
  return null;
}

const CREDIT_AGENCIES = [...AGENCY_ABBREVIATIONS, ...AGENCY_NAMES].map(escapeRegExp).join("|");
/** "PARIS (AFP) -", "BERLIN (dpa) –", "(Reuters) -" at the start of the text: a wire dateline. */
const DATELINE = new RegExp(
  `^[\\p{Lu}][\\p{L} .,'/-]{0,60}?\\((${CREDIT_AGENCIES})(?:/[\\p{L}]{1,12})?\\)\\s*[-–—:]`,
  "u",
);
/** "Source: dpa", "Quelle: AFP", "(dpa)", "© dpa" as the last line of the text. */
const CLOSING_CREDIT = new RegExp(
  `(?:^|\\n)\\s*(?:(?:source|quelle|source|fuente|fonte|bron)\\s*:\\s*|©\\s*|\\()(${CREDIT_AGENCIES})(?:/[\\p{L}]{1,12})?\\)?\\s*\\.?\\s*$`,
  "iu",
);

/** The agency a text credits in its dateline or closing credit line, or null. */
export function agencyInText(text: string): string | null {
  const head = DATELINE.exec(text.slice(0, 200));
  if (head?.[1]) return agencyIn(head[1]);
  const tail = CLOSING_CREDIT.exec(text.slice(-200));
  return tail?.[1] ? agencyIn(tail[1]) : null;
}

/**
 * The agency, unless it is the site itself: on a wire agency's own pages ("GENEVA (CP) —" on the
 * Continental Press site) the dateline credits the publisher, not a third party. Compared with the
 * site's name and its initials.
 */
export function agencyBesidesSite(agency: string | null, siteName: string | null): string | null {
  if (!agency || !siteName) return agency;
  const a = agency.toLowerCase().replace(/[^\p{L}]/gu, "");
  const site = siteName.toLowerCase();
  const initials = site
    .split(/[\s-]+/)
    .filter((w) => w && !/^(the|of|and|de|la|le|der|die)$/.test(w))
    .map((w) => w[0])
    .join("");
  const words = site.split(/[^\p{L}]+/u);
  return site.replace(/[^\p{L}]/gu, "") === a || words.includes(a) || initials === a ? null : agency;
}
