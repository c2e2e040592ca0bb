/**
 * @module The people named in a byline line as a page gives it ("By JANE DOE and John Roe, London",
 * "Interview: Julia Lauter", "Adam Aaronson PhillyVoice Staff"): labels, roles, places, the outlet's
 * own name, organisations, agencies and interface strings removed. Pure.
 */
import { decodeHTML } from "entities";
import { agencyIn } from "./agency.ts";
import { BYLINE_PREFIX } from "./constants.ts";

/** What follows a name in a byline line and is not a name: dates, times, reading time, counters. */
const BYLINE_NOISE =
  /\s*(\s(?:illustrations?|fotos?|photos?|bilder)\s+(?:von|by)\s|»|\||[-–—]\s*\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}(st|nd|rd|th|\.)?\s+\p{L}+\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d+\s*(min|minutes?|minuten?|mins?)\b|\d{1,2}:\d{2}|updated|aktualisiert|publi[ée]|published).*$/iu;

/**
 * "Posted on September 21, 2020 by Jane Doe", "06.11.2023 13:30 von Olga": a date (or a "posted"
 * label) before the credit, cut so the name after "by" is read.
 */
const DATED_CREDIT =
  /^\s*(?:(?:posted|published|submitted|veröffentlicht|publié|publicado|erstellt|gespeichert|hinzugefügt)\b[^|]{0,40}?|\d[\d\s.,:/-]{5,20}(?:\s?(?:uhr|h|am|pm))?)\s(?:by|von|par|por)\s+(?=[\p{L}\d])/iu;

/**
 * Publishers' formulas that credit the writer: "Text von X", "Eine Kolumne von X", "Ein Kommentar von X",
 * "Hinzugefügt von: X" (uCoz's post credit).
 */
const CREDIT_FORMULA =
  /^\s*(?:text\s+von|eine?\s+(?:kolumne|kommentar|gastbeitrag|glosse|reportage|analyse|rezension)\s+von|hinzugefügt\s+von)\s*:?\s+(?=\p{L})/iu;

/** A line that credits someone: "By ...", a date or "posted" label before "by ...", or a publisher's formula. */
export function isCreditLine(text: string): boolean {
  return BYLINE_PREFIX.test(text) || DATED_CREDIT.test(text) || CREDIT_FORMULA.test(text);
}

/** Words that make a byline part an organisation (a paper, a company, a body) rather than a person. */
const ORGANISATION =
  /\b(press|news|agency|agentur|agence|agencia|associated|reuters|times|post|herald|tribune|gazette|journal|media|wire|zeitung|presse|prensa|network|radio|tv|television|online|magazin|magazine|verlag|gmbh|ag|e\.\s?v|ltd|inc|llc|corp|redaktion|redakcja|redakce|redacci[oó]n|r[ée]daction|redazione|reda[cç][aã]o|editorial|newsroom|staff|desk|team|foundation|stiftung|verein|verband|association|institut|institute|ministerium|ministry|department|amt|office|council|customs|protection|polizei|police|partei|kreuz|contributors|wikimedia|wikipedia)\b/i;
/** German compounds naming a body ("Bundestagsfraktion", "Landesfeuerwehrverband", "Abteilung Wasserrettung"). */
const ORGANISATION_COMPOUND =
  /\p{L}*(fraktion|verband|verein|ministerium|feuerwehr|abteilung|gemeinde|verwaltung|landkreis|behörde|genossenschaft)\b/iu;
/** "da Folha do Vale": a preposition before the outlet's name. */
const OUTLET_PREPOSITION = /^(da|de|do|dos|das|del|of|from|for|für|pour|para|per)\s+/i;
/** An address or a domain is a site, not a person ("futurezone.at", "Cooperativa.cl"). */
const DOMAIN =
  /\b[\p{L}\d-]+\.(com|net|org|info|io|live|news|tv|de|at|ch|cl|es|fr|it|pl|uk|nl|be|br|ar|mx|bo|uy|pe|co|ru|cz)\b/iu;
/** A job title after the name ("Ray Castillo Staff Writer"). */
const JOB_TITLE =
  /\s+(staff writer|senior writer|staff reporter|reporter|correspondent|editor|contributor|columnist|redakteur(in)?|korrespondent(in)?|alle artikel|all posts|all articles)$/i;
/** A label before the name ("Interview: X", "Text: X", "Author X", "Artikel von: X"). */
const LABEL =
  /^((text|texto|interview|author|autor(in)?|autoren|artikel von|beitrag von|written by|posted by|geschrieben von|verfasst von|escrito por|publié par|publicado por|pubblicato da)\s*(und\s+\p{L}+\s*)?(:\s*|\s+)|redaktion\s*:\s*)/iu;
/** A credit that is not for writing: a photographer, a translator. */
const NOT_WRITING =
  /^(fotos?|photos?|bilder?|images?|illustrations?|grafik|übersetzung|translation|translated by)\b/i;
/** A role before the name ("Rechtsanwalt Dennis Tölle", "FOCUS-Online-Experte Robin Tschöpe"). */
const ROLE =
  /^(\S+-)?(experte|expertin|redakteur(in)?|chefredakteur(in)?|gastautor(in)?|autor(in)?|rechtsanwalt|rechtsanwältin|reporter(in)?|korrespondent(in)?|journalist(in)?|columnist|kolumnist(in)?)\s+/iu;
/** Interface text that lands in author boxes: links and buttons, never names. */
const INTERFACE =
  /\b(weiter|weitere|mehr|more|read|lesen|alle|profil|profile|follow|folgen|abonnieren|subscribe|share|teilen|ok|try again|später|schließen|close|kommentare?|comments?|anmelden|login|sign in|menü|menu|startseite|homepage|name|posted|veröffentlicht|published|cortes[ií]a|courtesy|zvg)\b/i;
/** A word a name's remainder may not be alone: an article, a generic word left after the outlet's name. */
const GENERIC_WORD =
  /^(die|der|das|the|la|le|el|il|los|les|online|news|staff|team|redaktion|desk|magazin|magazine)$/i;
/** A CMS account named for its role, not a person: "admin", "wordpressadmin", "sv_team", "KB_Redaktion", "webmaster". */
const ROLE_ACCOUNT = /^[\p{L}\d]*[_.-]?(admin|administrator|webmaster|team|redaktion|editors?|staff)$/iu;
/** "... for The Mail On Sunday", "... for MailOnline": who a writer wrote this for, after the name. */
const FOR_OUTLET = /(?<=\p{L}\s+\p{L}+)\s+[Ff]or\s+([Tt]he\s+)?\p{Lu}.*$/u;
/** A preposition or a weekday left dangling after a date was cut ("R. R. am", "Lisa Petrich Mi"). */
const DANGLING =
  /\s+(am|on|le|el|il|em|op|um|at|dne|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim)\.?$/i;
/** Lower-case words a name may hold ("Ludwig van Beethoven", "José da Silva", "Ibn al-Haytham"). */
const NAME_PARTICLE =
  /^(van|von|der|den|de|del|della|di|da|das|do|dos|du|la|le|y|e|zu|ten|ter|bin|ibn|al|el|ben|af|av)$/;

/**
 * The outlet as names of it a byline might use: its site name and its host's labels, squashed;
 * `sides`: also each side of a site name in two parts.
 */
export function outletKeys(siteName: string | null, url: string, sides = false): string[] {
  const keys = new Set<string>();
  if (siteName) {
    keys.add(squash(siteName));
    // "LN - Lübecker Nachrichten", "Tagesschau | ARD": each side is a name of the outlet.
    const parts = siteName.split(/\s+[|–—:-]\s+/);
    if (sides && parts.length > 1) for (const p of parts) keys.add(squash(p));
  }
  try {
    const labels = new URL(url).hostname
      .toLowerCase()
      .replace(/^www\d?\./, "")
      .split(".");
    // The registrable name: "phillyvoice" of www.phillyvoice.com, "lanacion" of lanacion.com.ar.
    for (const l of labels.slice(0, -1))
      if (l.length >= 3 && !/^(com|co|org|net|gov|ac)$/.test(l)) keys.add(l.replace(/-/g, ""));
  } catch {
    // A page without a real address has no host to compare.
  }
  keys.delete("");
  return [...keys];
}

/** Letters and digits only, accents dropped, lower case: how names of one outlet or person are compared. */
export const squash = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\d]/gu, "");

/** The outlet's own name ("Spiegel Online", "La Nacion", "PhillyVoice Staff") in or as the part. */
function withoutOutlet(part: string, keys: readonly string[]): string | null {
  const whole = squash(part);
  // A personal site named for its author ("rafaelasouza.example" by "Rafaela Souza") is that person's.
  if (PERSON_SHAPED.test(part) && keys.includes(whole)) return part;
  if (
    keys.some(
      (k) => whole === k || (k.length >= 4 && whole.includes(k)) || (whole.length >= 5 && k.includes(whole)),
    )
  ) {
    // The whole part is the outlet's name ("El Comercio Perú"): no person's words are left beside it.
    if (keys.includes(whole)) return null;
    // A name sits beside the outlet's: keep the words that are not the outlet's.
    const words = part.split(/\s+/);
    const rest = words.filter((w) => {
      const s = squash(w);
      return (
        !(s.length > 0 && keys.some((k) => s === k || (k.length >= 4 && s.includes(k)))) &&
        !GENERIC_WORD.test(w)
      );
    });
    return rest.length >= 2 && rest.length < words.length ? rest.join(" ") : null;
  }
  return part;
}

/** Two or three capitalized words of three letters or more: how a person's name looks. */
const PERSON_SHAPED = /^\p{Lu}\p{Ll}{2,}(\s\p{Lu}\p{Ll}{2,}){1,2}$/u;

/** "JANE DOE" -> "Jane Doe": wire services shout names; we show them as names. */
function unshout(name: string): string {
  if (!/\p{Lu}{2}/u.test(name) || name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** A byline line's comma- or bar-separated parts, "By" and trailing dates and counters removed. */
export function bylineParts(raw: string): string[] {
  const text = /&[#a-z\d]+;/i.test(raw) ? decodeHTML(raw) : raw;
  return text
    .replace(/\s+/g, " ")
    .replace(DATED_CREDIT, "")
    .replace(CREDIT_FORMULA, "")
    .replace(BYLINE_PREFIX, "")
    .replace(BYLINE_NOISE, "")
    .split(/\s*[,|/]\s*/)
    .map((p) => p.replace(/[\s–—-]+$/, "").trim())
    .filter(Boolean);
}

/** "Jane Doe and John Roe", "A, B & C": the people, one by one. */
export function splitBylines(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\be\b)\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 1);
}

/**
 * Whether the words can be a name: a user name ("rasos", "delta201") alone, or words that start with a
 * capital, apart from name particles; never a phrase of lower-case words ("ich bin Foodbloggerin") or
 * symbols ("– für Lesben", "Expo ai Territori +").
 */
function nameShaped(p: string): boolean {
  const words = p.split(/\s+/);
  if (words.length === 1) return /^[\p{L}\d][\p{L}\d._'’-]*$/u.test(p);
  return words.every(
    (w) => NAME_PARTICLE.test(w) || /^(\p{Lu}|\p{Lo})[\p{L}\p{M}'’.-]*$/u.test(w) || /^\p{Lu}\.$/u.test(w),
  );
}

/** One name as a byline part gives it, cleaned; null when the part is not a person's name. */
function personOf(part: string, keys: readonly string[]): string | null {
  if (NOT_WRITING.test(part) || agencyIn(part) !== null) return null;
  let p = part.replace(/^["'„“”‚‘’«»]+|["'„“”‚‘’«»]+$/g, "").trim();
  p = p.replace(LABEL, "").replace(LABEL, "");
  // "Eberhard Fuhr (Pressesprecher des EJW)": a role or affiliation in brackets is not the name.
  p = p.replace(/\s*\([^)]*\)?\s*$/, "").trim();
  while (ROLE.test(p)) p = p.replace(ROLE, "");
  p = p.replace(BYLINE_PREFIX, "").replace(JOB_TITLE, "").replace(DANGLING, "").trim();
  // "Brendan Carlin For The Mail On Sunday", "Tom Pyman for MailOnline": the outlet written for is not the name.
  p = p.replace(FOR_OUTLET, "");
  if (!p || /:$/.test(p) || INTERFACE.test(p) || DOMAIN.test(p) || ROLE_ACCOUNT.test(p) || !nameShaped(p))
    return null;
  const named = withoutOutlet(p, keys);
  if (!named || ORGANISATION.test(named.replace(OUTLET_PREPOSITION, "")) || ORGANISATION_COMPOUND.test(named))
    return null;
  return named;
}

/**
 * The people of a byline line, joined with ", ", or null. `keys`: the outlet's names (outletKeys),
 * which are never a person.
 */
export function cleanByline(
  raw: string | null,
  keys: readonly string[],
  /** false: a one-word name is not enough (where a class merely mentions "author", "Posted" and "Name" abound). */
  singleWord = true,
): string | null {
  if (!raw) return null;
  // A profile URL or a mailbox is not a name.
  if (/^\s*(https?:\/\/|www\.)|^\S+@\S+$/.test(raw.trim())) return null;
  const parts = bylineParts(raw);
  // "det/dpa", "dpa/lno": beside a wire agency, a few lower-case letters are an editor's initials.
  const wire = parts.some((p) => agencyIn(p) !== null);
  const people = parts
    .filter((p) => !(wire && /^\p{Ll}{2,4}$/u.test(p)))
    .flatMap((p) => p.split(/\s+(?:and|und|et|y|e|i|&|og|och|en)\s+/i))
    .flatMap((p) => personOf(p, keys) ?? []);
  let names = splitBylines(people.map(unshout).join(", "))
    .map((n) => n.replace(JOB_TITLE, "").trim())
    .filter((n) => n && n.split(/\s+/).length <= 5 && !/\d|profile|profil|http/i.test(n));
  // "Markus Haefliger, London": beside a full name, a single word is a place or a desk, not a person;
  // "Hamburg, Germany": single words alone, several of them, are a place.
  if (names.some((n) => /\s/.test(n))) names = names.filter((n) => /\s/.test(n));
  // A one-word name in a script written without spaces (王明, 山田花子) is a full name.
  else if (
    names.length > 1 ||
    (!singleWord &&
      !names.every((n) =>
        /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{2}/u.test(n),
      ))
  )
    names = [];
  const seen = new Set<string>();
  names = names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const s = names.join(", ");
  return s.length > 0 && s.length < 120 && /\p{L}/u.test(s) ? s : null;
}
