/**
 * @module The reporting-verb lexicon: which verbs introduce speech, in which forms, and what they need
 * after them. Directives and speech acts without content ("urged", "called for", "asked", "apologised",
 * "declined to comment") are deliberately absent: they report no proposition.
 */

export interface ReportingVerb {
  /** Finite and participle forms as written ("said", "says", "say"). */
  forms: string[];
  /** Takes a listener before its clause ("told reporters that", "assured residents the water was safe"). */
  listener?: boolean;
  /** Only a quotation can be its content ("called the result "a triumph"", "branded him "a coward""). */
  quoteOnly?: boolean;
  /** A gerund is content too ("denied taking the money", "admitted paying"). */
  gerund?: boolean;
  /** Needs "that" before an unquoted clause: without it the verb is usually about something else
   *  ("found the body", "showed the way", "understands the problem"). */
  thatOnly?: boolean;
  /** Statements it introduces are "according_to" rather than "indirect" ("the figures show"). */
  accordingTo?: boolean;
}

const V = (forms: string, extra: Omit<ReportingVerb, "forms"> = {}): ReportingVerb => ({
  forms: forms.split(" "),
  ...extra,
});

export const REPORTING_VERBS: readonly ReportingVerb[] = [
  V("said says say"),
  V("told tells tell", { listener: true }),
  V("added adds"),
  V("warned warns warn"),
  V("insisted insists insist"),
  V("claimed claims claim"),
  V("confirmed confirms confirm"),
  V("denied denies deny", { gerund: true }),
  V("admitted admits admit", { gerund: true }),
  V("announced announces announce"),
  V("wrote writes written write"),
  V("noted notes note"),
  V("explained explains explain"),
  V("declared declares declare"),
  // "state" and "report" alone are nouns far more often than verbs ("state news agency", "the report").
  V("stated states"),
  V("stressed stresses stress"),
  V("emphasised emphasises emphasized emphasizes emphasise emphasize"),
  V("argued argues argue"),
  V("asserted asserts assert"),
  V("maintained maintains maintain", { thatOnly: true }),
  V("acknowledged acknowledges acknowledge"),
  V("conceded concedes concede"),
  V("suggested suggests suggest", { thatOnly: true }),
  V("predicted predicts predict"),
  V("estimated estimates estimate"),
  V("reported reports"),
  V("alleged alleges allege"),
  V("contended contends contend"),
  V("revealed reveals reveal"),
  V("disclosed discloses disclose"),
  V("indicated indicates indicate", { thatOnly: true }),
  V("recalled recalls recall"),
  V("observed observes observe", { thatOnly: true }),
  V("remarked remarks remark"),
  V("replied replies reply"),
  V("responded responds respond", { thatOnly: true }),
  V("answered answers answer", { thatOnly: true }),
  V("promised promises promise"),
  V("pledged pledges pledge"),
  V("vowed vows vow"),
  V("assured assures assure", { listener: true }),
  V("affirmed affirms affirm"),
  V("reiterated reiterates reiterate"),
  V("repeated repeats repeat", { thatOnly: true }),
  V("underlined underlines underline"),
  V("specified specifies specify"),
  // "has precised": the non-native calque of French "a précisé", as written.
  V("precised precises"),
  V("recognised recognises recognized recognizes recognise recognize"),
  V("denounced denounces denounce"),
  V("complained complains complain"),
  V("boasted boasts boast"),
  V("fumed fumes fume"),
  V("raged rages rage"),
  V("blasted blasts blast"),
  V("slammed slams slam"),
  V("sobbed sobs sob"),
  V("beamed beams beam"),
  V("grovelled grovels groveled"),
  V("joked jokes joke"),
  V("quipped quips quip"),
  V("shouted shouts shout"),
  V("exclaimed exclaims exclaim"),
  V("continued continues continue", { quoteOnly: true }),
  V("concluded concludes conclude", { thatOnly: true }),
  V("testified testifies testify"),
  V("cautioned cautions caution"),
  V("countered counters counter"),
  V("retorted retorts retort"),
  V("informed informs inform", { listener: true }),
  V("advised advises advise", { listener: true, thatOnly: true }),
  V("reminded reminds remind", { listener: true, thatOnly: true }),
  V("understands understand understood", { thatOnly: false }),
  V("learned learnt learns", { thatOnly: true }),
  V("found finds", { thatOnly: true, accordingTo: false }),
  V("showed shows show shown", { accordingTo: true, thatOnly: true }),
  V("calculated calculates calculate", { thatOnly: true }),
  V("forecast forecasts", { thatOnly: true }),
  V("believes believe believed", { thatOnly: true }),
  V("thinks think thought", { thatOnly: true }),
  V("called calls", { quoteOnly: true }),
  V("branded brands", { quoteOnly: true }),
  V("hailed hails", { quoteOnly: true }),
  V("described describes", { quoteOnly: true }),
  V("saluted salutes", { quoteOnly: true }),
  V("qualified qualifies", { quoteOnly: true }),
  // Judgements whose words are quoted: "praised the crew as "heroes"", "dismissed the claims as "absurd"".
  V("praised praises", { quoteOnly: true }),
  V("dismissed dismisses", { quoteOnly: true }),
  V("denounced denounces", { quoteOnly: true }),
  V("condemned condemns", { quoteOnly: true }),
  V("labelled labeled labels", { quoteOnly: true }),
];

const BY_FORM = new Map<string, ReportingVerb>();
for (const v of REPORTING_VERBS) for (const f of v.forms) BY_FORM.set(f, v);

/** The lexicon entry for a written form ("Said" at a sentence start too). */
export function reportingVerb(form: string): ReportingVerb | undefined {
  return BY_FORM.get(form.toLowerCase());
}

const ALL_FORMS = [...BY_FORM.keys()].sort((a, b) => b.length - a.length).join("|");

/** Adverbs that sit between an auxiliary or subject and the verb ("has also said", "later told"). */
const ADVERB =
  "(?:also|later|then|previously|again|earlier|already|repeatedly|now|further|separately|publicly|privately|had|have|has|once)";

/**
 * A reporting verb with its auxiliaries: group 1 is the verb form. "has said", "had also told",
 * "is quoted as saying" (group 2). Matches whole words, case-insensitive on the first letter only.
 */
export const VERB_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(?:(?:has|have|had|will|would|is|was|were|did)\\s+)?(?:${ADVERB}\\s+){0,2}(?:(${ALL_FORMS})|(?:(?:is|was|were|has been|have been)\\s+)?quoted\\s+as\\s+(saying))(?![\\p{L}\\p{N}'’-])`,
  "gu",
);

/** Forms that are also common nouns or adjectives: a match must not follow a determiner ("the report", "a claim"). */
export const NOUN_LIKE = new Set(
  "say claim claims report reports state states note notes remark remarks estimate estimates answer answers reply replies promise promises pledge pledges vow vows show shows rule rules forecast forecasts continue repeat recall recalls concern".split(
    " ",
  ),
);
