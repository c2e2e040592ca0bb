/** @module Stop words per language, from the `stopword` package's lists (ISO 639-3 names), by ISO 639-1 code. */
import * as lists from "stopword";

/** ISO 639-1 (what pages declare) to the package's ISO 639-3 list names, for the languages it has. */
const BY_ISO1: Record<string, keyof typeof lists> = {
  af: "afr",
  ar: "ara",
  bn: "ben",
  br: "bre",
  bg: "bul",
  ca: "cat",
  cs: "ces",
  da: "dan",
  de: "deu",
  el: "ell",
  en: "eng",
  eo: "epo",
  et: "est",
  eu: "eus",
  fa: "fas",
  fi: "fin",
  fr: "fra",
  ga: "gle",
  gl: "glg",
  gu: "guj",
  ha: "hau",
  he: "heb",
  hi: "hin",
  hr: "hrv",
  hu: "hun",
  hy: "hye",
  id: "ind",
  it: "ita",
  ja: "jpn",
  ko: "kor",
  ku: "kur",
  la: "lat",
  lv: "lav",
  lt: "lit",
  mr: "mar",
  ms: "msa",
  my: "mya",
  nl: "nld",
  nb: "nob",
  no: "nob",
  pa: "panGu",
  pl: "pol",
  pt: "por",
  ro: "ron",
  ru: "rus",
  sk: "slk",
  sl: "slv",
  so: "som",
  st: "sot",
  es: "spa",
  sw: "swa",
  sv: "swe",
  tl: "tgl",
  th: "tha",
  tr: "tur",
  uk: "ukr",
  ur: "urd",
  vi: "vie",
  yo: "yor",
  zh: "zho",
  zu: "zul",
};

const cache = new Map<string, ReadonlySet<string>>();

/** The stop words of `lang` (an ISO 639-1 code, a region suffix ignored); empty for a language without a list. */
export function stopWords(lang: string): ReadonlySet<string> {
  const code = lang.toLowerCase().split(/[-_]/)[0] ?? "";
  let set = cache.get(code);
  if (!set) {
    const name = BY_ISO1[code];
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the list is chosen by language at run time
    const list = name ? (lists[name] as unknown) : undefined;
    set = new Set(Array.isArray(list) ? list.map((w: string) => w.normalize("NFKC").toLowerCase()) : []);
    cache.set(code, set);
  }
  return set;
}

/** Languages a text without a declared language is tried against (the commonest in news feeds). */
const GUESS_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "sv", "pl", "ru", "tr", "ar", "id"];

/**
 * The language whose stop words cover most of `tokens` (function words are a text's most reliable
 * language signal), or "en" when none covers any.
 */
export function guessLanguage(tokens: readonly string[]): string {
  const hits = new Array<number>(GUESS_LANGUAGES.length).fill(0);
  const index = guessIndex();
  for (const t of tokens) {
    const langs = index.get(t);
    if (langs) for (const i of langs) hits[i] = (hits[i] as number) + 1;
  }
  let best = "en";
  let bestHits = 0;
  GUESS_LANGUAGES.forEach((lang, i) => {
    if ((hits[i] as number) > bestHits) {
      best = lang;
      bestHits = hits[i] as number;
    }
  });
  return best;
}

let guessWords: Map<string, number[]> | null = null;

/** Each stop word of the guessed languages with the languages (indexes) it belongs to: one lookup a token. */
function guessIndex(): Map<string, number[]> {
  if (!guessWords) {
    guessWords = new Map();
    GUESS_LANGUAGES.forEach((lang, i) => {
      for (const w of stopWords(lang)) {
        const langs = guessWords?.get(w);
        if (langs) langs.push(i);
        else guessWords?.set(w, [i]);
      }
    });
  }
  return guessWords;
}
