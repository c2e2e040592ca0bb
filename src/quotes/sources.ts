/**
 * @module Who a source phrase names, within one article: a person's name without titles, surnames,
 * pronouns and roles ("the minister") resolved to the person named earlier, spokespeople to their
 * organisation, the outlet's own sourcing, and deliberately anonymous sources.
 */
import { anonymousRole, isAnonymous } from "./anonymous.ts";
import { englishPronoun } from "./foreign.ts";
import { foldName, isOrganisation, looksLikePerson, nameRuns, splitTitle, TITLE_WORDS } from "./names.ts";

export interface Resolved {
  source: string;
  affiliation?: string;
  /** A person (pronouns "he"/"she" may later refer to them). */
  person: boolean;
  /** A named organisation or body (not a description like "the company"). */
  body?: boolean;
  anonymous?: boolean;
}

interface Person {
  name: string;
  /** The name folded once (foldName), for comparisons. */
  key: string;
  last: string;
  title: string;
  gender: "m" | "f" | "";
  affiliation: string;
}

interface Mention {
  at: number;
  /** Opens its sentence (after titles): the person the sentence is about, whom a later pronoun likely means. */
  subject?: boolean;
  person?: Person;
  org?: string;
  orgKey?: string;
}

/** Words for a person's job after the name of the body they work for ("PayLink boss", "Stratos chief executive"). */
const JOB =
  /^(?:boss|chief|head|executive|director|manager|spokes(?:man|woman|person)|chair(?:man|woman)?|president|founder|owner|analyst|economist|engineer|lawyer|official|officer|leader|secretary|minister|coach|captain|striker|researcher|scientist|professor|adviser|advisor|member|worker|employee|staff)\b/iu;

/** How much of the text is searched for a word used as a name elsewhere: a long article's length. */
const BODY_SCAN_CHARS = 20_000;

/**
 * Whether words before a job name a body: not a title ("The Prime"), a day, a nationality ("Belmoran") or
 * a capitalised first word ("Shop worker"); one word must be a name used elsewhere in the text.
 */
function plausibleBody(org: string, body: string): boolean {
  const ws = org.split(/\s+/u);
  if (/^(?:the|its|his|her|their|a|an|this|that)$/iu.test(ws[0] ?? "")) return false;
  if (ws.some((w) => TITLE_WORDS.has(w.toLowerCase()) && !isOrganisation(w))) return false;
  if (
    /(?:day|days|month)['’]?s?$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)/iu.test(
      org,
    )
  )
    return false;
  if (ws.length > 1 || isOrganisation(org) || /\p{Lu}.*\p{Lu}/u.test(org)) return true;
  if (/(?:an|ian|ese|ish)$/u.test(org)) return false;
  // Used as a name mid-sentence somewhere else ("... a Stratos engineer ...").
  // (Read in the first stretch of the text only, so a huge page costs no more than a long article.)
  return new RegExp(`\\p{Ll}[,]?\\s+${org.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}\\b`, "u").test(
    body.slice(0, BODY_SCAN_CHARS),
  );
}

/** The organisation a source phrase names beside the person ("Corvane chief Hannah Lorimer", "analyst at Tollgate Capital"), or undefined. */
function affiliationIn(np: string, person: string, body: string): string | undefined {
  const folded = foldName(person);
  const ok = (org: string) => {
    const f = foldName(org);
    return f && f !== folded && !folded.includes(f) && !f.includes(folded) ? org : undefined;
  };
  // Before the name: a body's name, then a job ("the Civic Union's health spokesman, Marcus Adeyemi").
  const before =
    /^(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’&.-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}\p{M}'’&.-]*)*?)(?:['’]s)?\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\b/u.exec(
      np,
    );
  if (
    before &&
    JOB.test((before[2] ?? "").split(/\s+/u).pop() ?? "") &&
    !TITLE_WORDS.has((before[1] ?? "").toLowerCase())
  ) {
    const org = ok((before[1] ?? "").replace(/['’]s$/u, ""));
    if (org && plausibleBody(org, body)) return org;
  }
  // In an appositive: "telecoms analyst at Tollgate Capital", "a spokesman for the Ministry of Health".
  const at =
    /,\s*(?:an?\s+|the\s+)?(?:[\p{Ll}-]+\s+){0,3}(?:at|of|for|with|from)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’&.-]*(?:\s+(?:of\s+(?:the\s+)?|&\s+|and\s+)?\p{Lu}[\p{L}\p{M}'’&.-]*)*)/u.exec(
      np,
    );
  if (at?.[1]) return ok(at[1]);
  return undefined;
}

/** Offices named by their function, and the titles of who holds them. */
const OFFICES: readonly [RegExp, readonly string[]][] = [
  [/^(?:the )?head of (?:the )?state$/u, ["president", "king", "queen", "emir", "monarch"]],
  [/^(?:the )?head of (?:the )?government$/u, ["prime minister", "premier", "chancellor"]],
];

/** A lower-case description of a body right before its name: "(the) state news agency", "shipping company". */
const ORG_DESCRIPTOR =
  /\b((?:[\p{Ll}-]+\s+){0,2}(?:agency|company|firm|group|ministry|broadcaster|newspaper|bank|union|party|carrier|operator|insurer|regulator|watchdog|airline|manufacturer|maker|retailer|broker|shipbroker|cooperative|charity))\s+$/u;

/** How many names back a role ("the ministry") looks for its organisation: bounds the work on huge pages. */
const MAX_ORG_LOOKBACK = 400;

/** The index of the last entry before offset `at` in a list kept in text order, or -1. */
function lastBefore(list: readonly { at: number }[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.at ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** How far back (characters) a pronoun looks for its person: about three short paragraphs. */
const PRONOUN_REACH = 900;

/** Pronouns that stand for a source. */
const PERSON_PRONOUNS = new Set(["he", "she", "him", "her"]);
const GROUP_PRONOUNS = new Set(["they", "it", "we"]);

/** What the article says about its people and bodies, read once before its statements are resolved. */
export class ArticleSources {
  private readonly people: Person[] = [];
  private readonly mentions: Mention[] = [];
  private readonly outletWords: string[];
  readonly outlet: string;

  private readonly speakers: { at: number; r: Resolved; gender: "m" | "f" | "" }[] = [];

  constructor(
    private readonly body: string,
    outlet: string | null | undefined,
    private readonly masked: string = body,
  ) {
    this.outlet = outlet?.trim() ?? "";
    this.outletWords = foldName(this.outlet)
      .split(" ")
      .filter((w) => w && w !== "the");
    this.scan();
  }

  private scan(): void {
    // Names inside quotations are rarely the speaker's: read the masked text. "Omar Haddad of Quillon
    // Police" is a person of an organisation: the run is cut at "of".
    const runs = nameRuns(this.masked)
      .filter((r) => !this.isOutlet(r.text))
      .flatMap((r) => {
        const of = personOfOrg(r.text);
        return of ? [{ start: r.start, end: r.start + of.person.length, text: of.person }] : [r];
      })
      // Each run's name folded once, for the comparisons below.
      .map((r) => ({ ...r, key: foldName(splitTitle(r.text).name) }));
    // Full names first, so a surname met before its full name (rare) still resolves.
    for (const r of runs) {
      if (isOrganisation(r.text) || !looksLikePerson(r.text)) continue;
      const { name, title } = splitTitle(r.text);
      const ws = name.split(/\s+/u);
      // A first name alone is a person when an age or a family role comes with it ("Kasia, 44", "his wife Kasia").
      const near = `${roleWindow(this.masked, r.start, r.start)}|${this.masked.slice(r.end, r.end + 8)}`;
      if (ws.length < 2 && !/\|,\s*\d{1,3}\b/u.test(near) && !genderOfRole(near.split("|")[0] ?? ""))
        continue;
      const key = foldName(name);
      let p = this.people.find((x) => x.key === key);
      if (!p) {
        const before = this.body.slice(Math.max(0, r.start - 40), r.start);
        // "The President of the Republic, Anatol Strezhev": a role phrase in apposition is a title too.
        const apposed =
          /(?:^|[.!?]\s+|\n)((?:the|a)\s+[^,.;]{3,60}),\s*(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+)?$/iu.exec(
            this.masked.slice(Math.max(0, r.start - 70), r.start),
          );
        const lowerRole =
          (/((?:[a-z][\p{L}-]*\s+){1,3})$/u.exec(before)?.[1] ?? "") + (apposed ? `${apposed[1]} ` : "");
        p = {
          name,
          key,
          last: foldName(ws[ws.length - 1] ?? ""),
          title: `${lowerRole}${title}`.toLowerCase(),
          gender:
            genderOfRole(roleWindow(this.masked, r.start, r.end)) ||
            genderNear(this.body, r.start, r.end, nextOther(runs, r, key)),
          affiliation: "",
        };
        this.people.push(p);
      }
    }
    for (const r of runs) {
      // "the state news agency Vostra", "the shipping company Nesscorp": a name the text introduces as a
      // body, which "the agency" or "the company" then stands for.
      const described = ORG_DESCRIPTOR.exec(this.masked.slice(Math.max(0, r.start - 60), r.start));
      if (isOrganisation(r.text) || described) {
        this.mentions.push({
          at: r.start,
          org: r.text,
          orgKey: foldName(`${described?.[1] ?? ""} ${r.text}`),
        });
        continue;
      }
      const p = this.personFor(splitTitle(r.text).name);
      if (p) this.mentions.push({ at: r.start, person: p, subject: isSubjectAt(this.masked, r.start) });
    }
  }

  /** The person a name or surname stands for. */
  private personFor(name: string): Person | undefined {
    const key = foldName(name);
    if (!key) return undefined;
    return (
      this.people.find((p) => p.key === key) ??
      this.people.find((p) => p.last === key) ??
      this.people.find((p) => p.key.endsWith(` ${key}`))
    );
  }

  /** Offsets where paragraphs start, for "in this paragraph" in constant work per question. */
  private paragraphs: number[] | undefined;

  /** Where the paragraph holding `at` starts (as the offset of its blank line, -1 for the first). */
  private paragraphStart(at: number): number {
    if (!this.paragraphs) {
      this.paragraphs = [];
      for (const m of this.body.matchAll(/\n\n/gu)) this.paragraphs.push(m.index);
    }
    const list = this.paragraphs;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? (list[lo - 1] ?? -1) : -1;
  }

  /** Records a resolved source at its offset, for the pronouns after it. */
  noteSpeaker(at: number, r: Resolved): void {
    const p = r.person ? this.people.find((x) => x.name === r.source) : undefined;
    // Kept in text order; statements mostly arrive in that order, so this is usually an append.
    const i = lastBefore(this.speakers, at + 1) + 1;
    this.speakers.splice(i, 0, { at, r, gender: p?.gender ?? "" });
  }

  /** The latest speaker before `at` passing `ok`: in the same paragraph only, or within reach. */
  private speakerBefore(
    at: number,
    ok: (x: { r: Resolved; gender: string }) => boolean,
    sameParagraph: boolean,
  ): { at: number; r: Resolved } | undefined {
    const para = this.paragraphStart(at);
    for (let i = lastBefore(this.speakers, at); i >= 0; i--) {
      const x = this.speakers[i];
      if (!x) continue;
      if ((sameParagraph && x.at < para) || at - x.at > PRONOUN_REACH) break;
      if (/^(?:he|she|they|it|i|we)$/iu.test(x.r.source)) continue;
      if (ok(x)) return x;
    }
    return undefined;
  }

  private lastMentionAt(p: Person, at: number): number {
    for (
      let i = lastBefore(this.mentions, at);
      i >= 0 && at - (this.mentions[i]?.at ?? 0) <= PRONOUN_REACH;
      i--
    ) {
      const m = this.mentions[i];
      if (m?.person === p) return m.at;
    }
    return -1;
  }

  /** The most recent person before `at` a pronoun of this gender can stand for. */
  private personBefore(at: number, gender: "m" | "f" | ""): Person | undefined {
    // A sentence's subject in this paragraph first ("Judge Marchetti sentenced Pike ... she told him"),
    // then the nearest person mentioned.
    // A known gender that matches beats an unknown one at each step.
    const para = this.paragraphStart(at);
    const known = (m: Mention | undefined) => !!m?.person && !!gender && m.person.gender === gender;
    const open = (m: Mention | undefined) =>
      !!m?.person && (!gender || !m.person.gender || m.person.gender === gender);
    const passes: [(m: Mention | undefined) => boolean, boolean, boolean][] = [
      [known, true, true],
      [open, true, true],
      [known, false, false],
      [open, false, false],
    ];
    for (const [ok, subjectOnly, paragraphOnly] of passes) {
      for (let i = lastBefore(this.mentions, at); i >= 0; i--) {
        const m = this.mentions[i];
        if (!m) continue;
        if ((paragraphOnly && m.at < para) || at - m.at > PRONOUN_REACH) break;
        if ((!subjectOnly || m.subject) && ok(m)) return m.person;
      }
    }
    return undefined;
  }

  /** The most recent organisation before `at` whose name holds every word of `words` (any, when empty). */
  private orgBefore(at: number, words: string[]): string | undefined {
    const first = lastBefore(this.mentions, at);
    for (let i = first; i >= 0 && first - i < MAX_ORG_LOOKBACK; i--) {
      const m = this.mentions[i];
      if (!m?.org) continue;
      const f = ` ${m.orgKey ?? ""} `;
      if (words.every((w) => f.includes(` ${w} `) || f.includes(` ${w}s `))) return m.org;
    }
    return undefined;
  }

  /** How the article described a body it named ("state news agency Vostra"), folded; empty when it did not. */
  descriptionOf(name: string): string {
    const key = foldName(name);
    for (const m of this.mentions)
      if (m.org && foldName(m.org) === key && m.orgKey !== key) return m.orgKey ?? "";
    return "";
  }

  /** Whether a phrase names this article's outlet ("ABS", "The Sentinel", "this newspaper"). */
  isOutlet(np: string): boolean {
    const f = foldName(np);
    if (
      /^(?:this|our) (?:newspaper|paper|website|site|station|programme|program|magazine|agency|blog|reporter)$/u.test(
        f,
      )
    )
      return true;
    const ws = f.split(" ").filter((w) => w && w !== "the");
    return ws.length > 0 && this.outletWords.length > 0 && ws.every((w) => this.outletWords.includes(w));
  }

  /**
   * Resolves a source phrase at offset `at`. `context` is the whole attribution (the phrase, the verb
   * and what follows it in the sentence), read for anonymity.
   */
  resolve(np: string, at: number, context = np): Resolved | null {
    const found = this.resolvePhrase(np, at, context);
    // Every affiliation passes the same test, whichever rule found it.
    const r =
      found?.affiliation && !plausibleBody(found.affiliation.replace(/^(?:the\s+)/iu, ""), this.body)
        ? { source: found.source, person: found.person, ...(found.anonymous ? { anonymous: true } : {}) }
        : found;
    if (!r?.person || r.affiliation || r.anonymous) return r;
    // The body a person speaks for, when the phrase says it: "PayLink boss Oliver Nkemelu", "Felix
    // Amberley, analyst at Tollgate Capital". Kept on the person, so "he said" later carries it too.
    const org = affiliationIn(np.replace(/\s*\([^)]*\)/gu, ""), r.source, this.body);
    if (!org) return r;
    const person = this.people.find((x) => x.name === r.source);
    if (!plausibleBody(org, this.body)) return r;
    if (person && !person.affiliation) person.affiliation = org;
    return { ...r, affiliation: org };
  }

  private resolvePhrase(np: string, at: number, context: string): Resolved | null {
    // Party and state tags, "(R-Utah)", and other parentheses say nothing about who the source is.
    let phrase = np
      .replace(/\s*\([^)]*\)/gu, "")
      .trim()
      .replace(/^(?:and|but|so|yet|while|however|meanwhile|now)\s+/iu, "");
    phrase = phrase.replace(/[,;:.\s]+$/u, "");
    if (!phrase) return null;
    const endPronoun = /(?:^|\s)(he|she|they|it|we|i)$/iu.exec(phrase);
    if (endPronoun) phrase = endPronoun[1] ?? phrase;
    phrase = englishPronoun(phrase) ?? phrase;
    // "le ministre", "el presidente", "der Minister": a foreign article before a role or name.
    phrase = phrase.replace(/^(?:le|la|les|l'|el|los|las|der|die|das|den)\s+(?=\p{L})/iu, "");
    const lower = phrase.toLowerCase();

    if (PERSON_PRONOUNS.has(lower)) {
      const gender = lower === "he" || lower === "him" ? "m" : "f";
      const sp = this.speakerBefore(at, (x) => x.r.person && (!x.gender || x.gender === gender), true);
      const p = this.personBefore(at, gender);
      const pAt = p ? this.lastMentionAt(p, at) : -1;
      // A speaker in this paragraph wins over names mentioned since; otherwise the nearest person.
      if (sp && (sp.at >= pAt || !p)) return sp.r;
      // A quotation standing in its own paragraph: the last speaker, if no one was named since.
      const far = this.speakerBefore(at, (x) => x.r.person && (!x.gender || x.gender === gender), false);
      if (far && (far.at >= pAt || !p)) return far.r;
      if (p) return this.personResult(p);
      return { source: phrase, person: true };
    }
    if (lower === "they") {
      // Singular "they" for an unnamed source, or the body that spoke last.
      const sp = this.speakerBefore(at, (x) => !!x.r.anonymous || !x.r.person, false);
      if (sp) return sp.r;
    }
    if (GROUP_PRONOUNS.has(lower)) {
      if (lower === "we" && this.outlet) return { source: phrase, person: false };
      const org = lower === "it" ? this.orgBefore(at, []) : undefined;
      return { source: org ?? phrase, person: false };
    }
    if (lower === "i") return { source: phrase, person: true };

    // The outlet's own sourcing: "ABS understands", "testimonies collected by Lantern".
    // "testimonies collected by Lantern" are the outlet's own sourcing; "data reviewed by Crossline" is the data.
    const byOutlet =
      /^(?:the\s+)?(?:testimonies|accounts|interviews|sources|people|witnesses|residents)\b.*\b(?:collected|gathered|consulted|interviewed|contacted|reached|seen) by (.+)$/iu.exec(
        phrase,
      );
    const byWho = byOutlet ? (nameRuns(byOutlet[1] ?? "")[0]?.text ?? byOutlet[1] ?? "") : "";
    if (
      this.isOutlet(phrase) ||
      (byOutlet && /^(?:this|our)\b/iu.test(byOutlet[1] ?? "")) ||
      (byWho && this.isOutlet(byWho))
    ) {
      return { source: `${this.outlet || phrase} (own sources)`, person: false };
    }

    // Split off appositives and relative clauses: "Marta Sokolin, who leads ...", "The Greens' spokesman, Quim Serra,".
    const parts = phrase.split(/,\s*/u);
    const head = (parts[0] ?? "").replace(/\s+(?:who|which|whose|speaking|talking)\b.*$/su, "").trim();
    const apposName = parts
      .slice(1)
      .map((p) => p.trim().replace(/^(?:Mr|Mrs|Ms|Dr|Mx|Prof)\.?\s+/u, ""))
      .find((p) => nameRuns(p).some((r) => r.start === 0 && r.text === p) && looksLikePerson(p));

    if (
      isAnonymous(context) &&
      !apposName &&
      !nameRuns(head).some((r) => looksLikePerson(r.text) && !isOrganisation(r.text) && r.text.includes(" "))
    ) {
      // The role as the article words it ("worker at the Brezan tractor plant"), flagged anonymous.
      return { source: anonymousRole(head), person: true, anonymous: true };
    }

    const spokes =
      /^(?:(?:a|an|the|one)\s+)?(.*?)\s*(?:official\s+)?(?:spokes(?:man|woman|person|people)|press (?:officer|secretary)|representative)(?:\s+(?:for|of|at)\s+(.+))?$/iu.exec(
        head,
      );
    if (spokes) {
      // "the Civic Union's health spokesman": the body is the name before the possessive and the portfolio.
      let orgPhrase = (spokes[2] ?? spokes[1] ?? "")
        .replace(/(?:\s+[\p{Ll}-]+)+$/u, (x) => (/\p{Lu}/u.test(spokes[2] ?? spokes[1] ?? "") ? "" : x))
        .replace(/['’]s$/u, "")
        .trim();
      orgPhrase = orgPhrase.replace(/^(?:the|a|an)\s+/iu, "");
      const org = orgPhrase ? this.resolveOrg(orgPhrase, at) : undefined;
      if (apposName) {
        const p = this.personFor(splitTitle(apposName).name);
        return {
          source: p?.name ?? splitTitle(apposName).name,
          person: true,
          ...(org ? { affiliation: org } : {}),
        };
      }
      if (org) return { source: org, person: false };
    }
    // "the Minister of Energy, Oleg Varsk,": the appositive names the person the head describes.
    if (
      apposName &&
      !nameRuns(head).some((r) => head.endsWith(r.text) && looksLikePerson(r.text) && r.text.includes(" "))
    ) {
      const name = splitTitle(apposName).name;
      const p = this.personFor(name);
      return { source: p?.name ?? name, person: true };
    }

    // Offices named by what they are: "the Head of State" is the president (or monarch) named earlier.
    const office = OFFICES.find(([re]) => re.test(foldName(head)));
    if (office) {
      for (const title of office[1]) {
        const p = this.personWithTitle(title.split(" "), at);
        if (p) return this.personResult(p);
      }
    }
    const runs = nameRuns(head);
    const last = runs[runs.length - 1];
    // The phrase's head is its last word: a name run there is who it names ("PayLink boss Oliver Nkemelu").
    // Not when the name sits in a modifier after the head noun ("a report seen by the Gazette").
    const beforeRun = last ? head.slice(0, head.lastIndexOf(last.text)) : "";
    const headIsRun =
      last &&
      head.replace(/['’]s?$/u, "").endsWith(last.text) &&
      !/\b(?:by|of|from|at|for|with|in|on|to|seen|obtained|published|released|reviewed|about)\s/u.test(
        beforeRun,
      );
    if (last && headIsRun) {
      const of = personOfOrg(last.text);
      if (of) {
        const name = splitTitle(of.person).name;
        const p = this.personFor(name);
        return { source: p?.name ?? name, person: true, affiliation: of.org };
      }
      // A body by its words, or one the article introduced as a body ("the state news agency Vostra").
      if (isOrganisation(last.text) || this.descriptionOf(last.text))
        return { source: last.text, person: false, body: true };
      const { name } = splitTitle(last.text);
      const p = this.personFor(name);
      if (p) return this.personResult(p);
      return { source: name, person: looksLikePerson(last.text) };
    }
    // A role: "the minister", "the company", "police", "the fire service".
    const role = head.replace(/^(?:the|a|an|one|another)\s+/iu, "");
    const roleWords = foldName(role)
      .split(" ")
      .filter((w) => w);
    if (/^the\s/iu.test(head) && roleWords.length <= 3) {
      const titled = roleWords.filter((w) => TITLE_WORDS.has(w));
      if (titled.length && roleWords.length <= 2) {
        const p = this.personWithTitle(roleWords, at);
        if (p) return this.personResult(p);
      }
    }
    if (roleWords.length && roleWords.length <= 3 && !runs.length) {
      const org = this.orgBefore(at, roleWords);
      if (org) return { source: org, person: false };
    }
    return { source: head, person: false };
  }

  private resolveOrg(phrase: string, at: number): string | undefined {
    const runs = nameRuns(phrase);
    if (runs.length && runs[runs.length - 1]?.text === phrase) return phrase;
    const words = foldName(phrase)
      .split(" ")
      .filter((w) => w && w !== "the");
    return this.orgBefore(at, words) ?? this.orgBefore(this.body.length, words) ?? (phrase || undefined);
  }

  private personWithTitle(roleWords: string[], at: number): Person | undefined {
    const candidates = this.people.filter((p) => roleWords.every((w) => ` ${p.title} `.includes(` ${w}`)));
    if (candidates.length === 0) return undefined;
    // The most recently mentioned of them before `at`.
    for (let i = lastBefore(this.mentions, at); i >= 0; i--) {
      const m = this.mentions[i];
      if (m?.person && candidates.includes(m.person)) return m.person;
    }
    return candidates[0];
  }

  private personResult(p: Person): Resolved {
    return { source: p.name, person: true, ...(p.affiliation ? { affiliation: p.affiliation } : {}) };
  }
}

/** How far after a name its pronoun is looked for when guessing gender. */
const GENDER_WINDOW = 250;

const FEMALE_ROLE =
  /\b(?:mrs|ms|miss|madam|madame|frau|señora|wife|widow|mother|mum|mom|daughter|sister|grandmother|gran|nan|aunt|niece|actress|chairwoman|spokeswoman|businesswoman|congresswoman|policewoman|woman|girl|queen|princess|duchess|lady|dame|stewardess|waitress|heroine|landlady)\b/iu;
const MALE_ROLE =
  /\b(?:mr|sir|herr|señor|monsieur|husband|widower|father|dad|son|brother|grandfather|grandad|granddad|uncle|nephew|actor|chairman|spokesman|businessman|congressman|policeman|man|boy|king|prince|duke|lord|steward|waiter|hero|landlord)\b/iu;

/** The two words before a name and its appositive after it ("Mr Wilk’s widow, Kasia, 44,"): where its role is said. */
function roleWindow(masked: string, start: number, end: number): string {
  const before = /(?:[\p{L}'’.-]+\s+){0,2}$/u.exec(masked.slice(Math.max(0, start - 40), start))?.[0] ?? "";
  const after = end > start ? (/^,[^,.;:]{0,30}/u.exec(masked.slice(end, end + 32))?.[0] ?? "") : "";
  return `${before}${masked.slice(start, end)}${after}`;
}

/** A gender the words around a name state ("Mr Wilk’s widow, Kasia", "his mother"), or "". */
function genderOfRole(text: string): "m" | "f" | "" {
  // The words nearest the name decide: the role right before it, else the appositive after it.
  const f = FEMALE_ROLE.exec(text);
  const m = MALE_ROLE.exec(text);
  if (f && m) return f.index > m.index ? "f" : "m";
  return f ? "f" : m ? "m" : "";
}

/** "Omar Haddad of Quillon Police" → the person and the body; null when the run is not of that shape. */
function personOfOrg(run: string): { person: string; org: string } | null {
  const m = /^(.+?)\s+of\s+(.+)$/u.exec(run);
  if (!m) return null;
  const person = m[1] ?? "";
  const name = splitTitle(person).name;
  if (name.split(/\s+/u).length < 2 || !looksLikePerson(person) || isOrganisation(person)) return null;
  return { person, org: m[2] ?? "" };
}

/** Where the next run naming someone else starts, so a pronoun after it is not read as this person's. */
function nextOther(
  runs: readonly { start: number; key: string }[],
  r: { start: number },
  key: string,
): number {
  for (const x of runs) {
    if (x.start <= r.start) continue;
    if (x.key !== key && !key.endsWith(` ${x.key}`)) return x.start;
  }
  return Number.POSITIVE_INFINITY;
}

/** Whether a name at `at` opens its sentence, after at most a few title or role words. */
function isSubjectAt(masked: string, at: number): boolean {
  const before = masked.slice(Math.max(0, at - 60), at);
  const lead = /(?:^|[.!?]["”’»]?\s+|\n\n|[:;]\s+)([^.!?\n:;]*)$/u.exec(before)?.[1];
  if (lead === undefined) return false;
  const ws = lead.match(/[\p{L}'’-]+/gu) ?? [];
  if (ws.length > SUBJECT_LEAD_WORDS || /[,\u2592]/u.test(lead)) return false;
  // Only titles and roles before it: another name or a verb makes it an object ("Brook sentenced Tom Reece").
  return ws.every((w) =>
    /^\p{Lu}/u.test(w)
      ? TITLE_WORDS.has(w.toLowerCase().replace(/[.’']/gu, "")) || /['’]s$/u.test(w)
      : !/(?:ed|ing)$/u.test(w) && !/^(?:is|are|was|were|has|have|had|will|would|said|told|says)$/u.test(w),
  );
}

/** Title and role words a sentence's subject may carry before the name ("Detective Chief Inspector"). */
const SUBJECT_LEAD_WORDS = 4;

/** "he"/"his" or "she"/"her" in the words right after a name, or Mr/Mrs before it. */
function genderNear(
  body: string,
  start: number,
  end: number,
  stop = Number.POSITIVE_INFINITY,
): "m" | "f" | "" {
  const before = body.slice(Math.max(0, start - 6), start);
  if (/\bMr\.?\s*$/u.test(before)) return "m";
  if (/\bM(?:r?s|iss)\.?\s*$/u.test(before)) return "f";
  const after = body.slice(end, Math.min(end + GENDER_WINDOW, stop));
  const m = /\b(he|his|him|she|her|hers)\b/iu.exec(after);
  if (!m) return "";
  return /^(?:he|his|him)$/iu.test(m[1] ?? "") ? "m" : "f";
}
