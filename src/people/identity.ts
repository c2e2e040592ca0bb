/**
 * @module Who a statement's source is across articles: one identity per person or body, whatever
 * the article called them. Pure: the caller supplies the identities already known.
 *
 * Within an article the attribution stage already resolves "the minister", "Lavrov" and "she" to the
 * fullest name the article gives ("Sergei Lavrov"). Across articles the same person may be named in
 * full in one and by surname alone in another, so a lone surname joins the one known person with that
 * surname, and a full name takes over an identity known so far only by its surname.
 */

export type IdentityKind = "person" | "organisation";

/** A source as the attribution stage names it. */
export interface SourceName {
  source: string;
  anonymous?: boolean;
}

/** What the people table knows of an identity, as matching needs it. */
export interface KnownIdentity {
  id: number;
  key: string;
  /** The key's last word, for people; null for organisations. */
  surname: string | null;
  kind: IdentityKind;
}

/** Words that make a name a body's rather than a person's. */
const ORGANISATION_WORDS =
  /\b(ministry|ministries|department|directorate|agency|service|services|office|council|committee|commission|government|administration|police|army|military|navy|forces|party|parliament|senate|congress|assembly|court|bank|banks|company|corporation|corp|inc|ltd|llc|plc|gmbh|group|association|union|federation|institute|university|college|school|hospital|clinic|authority|board|bureau|embassy|cabinet|presidency|news|press|times|post|herald|radio|television|tv|network|media|foundation|organisation|organization|center|centre|club|team|league|coalition|alliance|fund|trust|campaign|society|church|chamber|exchange|cooperative|co-operative|works|industries|holdings|partners|enterprises|systems|technologies|labs|energy|power|electric|motors|airlines|airways|ferries|shipping|logistics|shipbrokers|brokers|insurance|capital|ventures|markets|stores|foods|bakery|grocers|mills|pharmaceuticals)\b/i;

/**
 * Group nouns that describe a source rather than name one ("Residents said", "Police said", "local
 * officials"): written with a capital only because they open a sentence.
 */
const GROUP_NOUNS = new Set(
  "officials official people sources source aides spokesman spokeswoman spokesperson analysts experts residents witnesses critics supporters opponents officers lawyers voters members leaders workers protesters demonstrators economists scientists researchers investigators prosecutors authorities observers diplomats advisers advisors allies executives students parents doctors nurses teachers farmers owners managers neighbours neighbors friends relatives police staff employees activists campaigners locals organisers organizers rescuers firefighters paramedics engineers villagers passengers customers shoppers fans users survivors victims families lawmakers legislators senators ministers officers troops soldiers militants rebels insurgents traders investors bankers planners inspectors regulators astronomers physicians surgeons pilots drivers commuters tenants landlords homeowners merchants retailers consumers".split(
    " ",
  ),
);

/** A key: the name in lower case, accents folded, without "the" or a possessive, spaces collapsed. */
export function identityKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}'&.-]+/gu, " ")
    .replace(/\./g, "")
    .trim()
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ");
}

/** A body when its name says so (a ministry, "& Co") or when the article has someone speak for it. */
export function identityKind(name: string, spokenFor = false): IdentityKind {
  return spokenFor || ORGANISATION_WORDS.test(name) || name.includes("&") ? "organisation" : "person";
}

/** Little words a name may hold in lower case: "Bank of Spain", "Ludwig van Beethoven", "Tern Power & Light". */
const NAME_PARTICLES = new Set(
  "of the and for in on at de del della di da do dos das du des la le les van von der den ter y e et und &".split(
    " ",
  ),
);

/**
 * Whether `source` is written as a name: after a leading article, every word capitalised (or a
 * particle). "The company", "its foreign ministry" and "Naval architects at Aldergate" describe a
 * source the article did not name; "Helena Marsk" and "Bank of Velland" name one.
 */
export function looksLikeName(source: string): boolean {
  const words = source
    .trim()
    .replace(/^(?:the|a|an)\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && NAME_PARTICLES.has(w.toLowerCase())));
}

/** A person's last name word ("lavrov" of "sergei lavrov"); null for a body. */
export function surnameOf(key: string, kind: IdentityKind): string | null {
  if (kind !== "person") return null;
  return key.split(" ").at(-1) ?? null;
}

/**
 * Whether a statement's source gets an identity of its own. Anonymous sources ("an official who spoke
 * on condition of anonymity"), an outlet's own sourcing and descriptions ("officials") are shown on
 * the article, not as people.
 */
export function hasIdentity(s: SourceName): boolean {
  if (s.anonymous) return false;
  const key = identityKey(s.source);
  // A source written without a capital ("officials") is a description, not a name; so is a group noun
  // capitalised only as the first word ("Residents", "Local officials"), not "Metropolitan Police",
  // and a group noun that heads the phrase.
  const words = s.source.trim().split(/\s+/);
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  const keyWords = key.split(" ");
  const group =
    (GROUP_NOUNS.has(keyWords.at(-1) ?? "") && capitals <= 1 && !/^\p{Lu}/u.test(words[1] ?? "")) ||
    // "Analysts at Birchfield Securities", "Parents at Harrow Island Elementary": people described by where they are.
    GROUP_NOUNS.has(keyWords[0] ?? "");
  const named = looksLikeName(s.source) && !group;
  return key.length > 1 && named && !/\(own sources\)$/i.test(s.source.trim()) && !/^anonymous\b/.test(key);
}

export type Match =
  | { kind: "known"; id: number }
  /** A full name for an identity known only by this surname: the identity takes the full name. */
  | { kind: "fuller"; id: number; key: string; name: string }
  | { kind: "new"; key: string; name: string; surname: string | null; identityKind: IdentityKind };

/**
 * Finds `name`'s identity among `known` (the identities sharing its key or its surname): the same key;
 * else, for a lone word, the one person with it as surname; else, for a full name, the one person
 * known only by its surname. Two people with one surname leave a lone surname ambiguous: it becomes
 * an identity of its own rather than a guess.
 */
export function matchIdentity(name: string, known: readonly KnownIdentity[], spokenFor = false): Match {
  const key = identityKey(name);
  const same = known.find((k) => k.key === key);
  if (same) return { kind: "known", id: same.id };
  const kind = identityKind(name, spokenFor);
  const surname = surnameOf(key, kind);
  if (kind === "person" && surname) {
    const people = known.filter((k) => k.kind === "person" && k.surname === surname);
    if (!key.includes(" ")) {
      // A lone surname: the one person with it, if only one.
      if (people.length === 1 && people[0]) return { kind: "known", id: people[0].id };
    } else {
      const fuller = people.filter((k) => !k.key.includes(" "));
      const full = people.filter((k) => k.key.includes(" "));
      if (fuller.length === 1 && fuller[0] && full.length === 0)
        return { kind: "fuller", id: fuller[0].id, key, name: cleanName(name) };
    }
  }
  return { kind: "new", key, name: cleanName(name), surname, identityKind: kind };
}

/** The name as shown: spaces collapsed, no leading "the" (kept for bodies that need it: "The Times"). */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}
