/**
 * @module Quotation marks that are not speech: scare quotes, nicknames, titles of works, slogans, chants,
 * signs and banners, names of ships and brands. Decided from the words just before the marks and the
 * quotation's own shape, never from any list of particular names.
 */

/** Words right before an opening mark that introduce a name, title, slogan, sign or chant. */
const NAMING_CUE =
  /(?:\bso-called|\bdubbed|\bnicknamed|\bnamed|\bknown as|\btitled|\bentitled|\bheadlined|\breading|\bread|\bchant(?:ed|ing|s)?|\bsang|\bsinging|\bsung|\bwords|\bhashtag|\bbrand(?:ed)?|\bcampaign|\bslogan|\bmotto|\bbanners?|\bsigns?|\bplacards?|\bposters?|\bfilm|\bmovie|\bbook|\bnovel|\balbum|\bsong|\bpoem|\bpainting|\bmasterpiece|\bseries|\bshow|\bplay|\bexhibition|\boperation|\bship|\bvessel|\bboat|\border|\baward|\bprize|\bmedal|\bprogramme|\bprogram|\bproject|\bpodcast|\bcolumn|\bappeal|\bnickname|\btrademark|\bversion|\bdocumentary|\bopera|\bcalls?|\bcalled|\bterm(?:ed)?)[\s:,]*$/iu;

/** Words that make a short quotation a scare quote rather than quoted speech when it stands inside a phrase. */
const MAX_SCARE_WORDS = 3;

const WORD = /[\p{L}\p{N}'’-]+/gu;

/** Title Case: every longer word capitalised ("The Salt Gatherers", "Power, Refined"). */
function isTitleCase(inner: string): boolean {
  const ws = [...inner.matchAll(WORD)].map((m) => m[0]);
  if (ws.length === 0 || ws.length > 8) return false;
  if (!/^\p{Lu}/u.test(ws[0] ?? "")) return false;
  // Speech has sentence breaks and trailing commas ("Like Oakland. Or Ferguson,"); titles do not.
  if (/[.!?]\s|,$/u.test(inner.trim())) return false;
  if (ws.length === 1) return !/[.!?,]$/u.test(inner.trim());
  // Beyond the first word (capitalised anyway at a sentence start), every longer word is capitalised too.
  const rest = ws.slice(1).filter((w) => w.length > 3 || /^\p{Lu}/u.test(w));
  return rest.length > 0 && rest.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * Whether a quotation is a name, title, sign, chant or scare quote. `before` is the text from the
 * sentence's start to the opening mark; `inner` the words inside the marks.
 */
export function isNonStatement(before: string, inner: string, quoteOnlyVerb: boolean): boolean {
  const trimmed = inner.trim();
  if (/^[@#]\S+$/u.test(trimmed)) return true;
  const words = [...trimmed.matchAll(WORD)].length;
  const lead = before.slice(-40);
  // "called the result "a triumph"" is speech; "which Corvane calls "Cora"" names something.
  if (/\b(?:calls?|called|term(?:ed)?|brands?|branded)\s*$/iu.test(lead))
    return isTitleCase(trimmed) && words <= 4;
  if (NAMING_CUE.test(lead) && !/\b(?:the|a|his|her|their|its|this)\s*$/iu.test(lead)) return true;
  if (/\b(?:the|a|his|her|their|its|this)\s*$/iu.test(lead)) {
    // "the "Northern Three"", "the "rescue flights"": a noun phrase in marks, speech only as a verb's object.
    if (words <= MAX_SCARE_WORDS + 1 || isTitleCase(trimmed)) return !quoteOnlyVerb;
  }
  if (isTitleCase(trimmed) && !/[.!?]$/u.test(trimmed) && words <= 6) return true;
  return false;
}
