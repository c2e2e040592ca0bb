/**
 * @module Speakers after direct quotes in German, French and Spanish: `„…“, sagte Merkel.`,
 * `« … », a déclaré le ministre.`, `«…», dijo el presidente.` These languages put the verb first after
 * the quotation (inversion), so one pattern per language finds verb and speaker. Only direct quotes:
 * reported speech in these languages is not attempted.
 */

/** Speech verbs after a quotation, as written (past and present; French passé composé with its auxiliary). */
const GERMAN =
  "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|fügte|fügt|so|schrieb|schreibt|warnte|warnt|sagten|erklärten|versicherte|kündigte";
const FRENCH =
  "a déclaré|a dit|a affirmé|a expliqué|a ajouté|a souligné|a assuré|a indiqué|a précisé|a estimé|a lancé|a confié|déclare|dit|affirme|explique|ajoute|souligne|assure|indique|précise|estime|lance|confie|selon";
const SPANISH =
  "dijo|dice|afirmó|afirma|declaró|declara|explicó|explica|aseguró|asegura|señaló|señala|añadió|añade|indicó|indica|agregó|agrega|según|advirtió|advierte|sostuvo|sostiene";

/** A speaker after the quotation: the verb, then up to six words of name or role, then punctuation. */
const AFTER_QUOTE = new RegExp(
  `^[,]?\\s*(${GERMAN}|${FRENCH}|${SPANISH})\\s+((?:[\\p{L}\\p{M}'’.-]+\\s*){1,6}?)(?=\\s*(?:[.,;:!?]|hinzu\\b|$))`,
  "u",
);

export interface ForeignSpeaker {
  verb: string;
  /** Offset of the speaker's words after the quotation's closing mark. */
  srcOffset: number;
  src: string;
  verbOffset: number;
}

/** The verb and speaker right after a quotation, for German, French and Spanish copy; null if none. */
export function foreignSpeakerAfter(after: string): ForeignSpeaker | null {
  const m = AFTER_QUOTE.exec(after);
  if (!m) return null;
  const verb = m[1] ?? "";
  // The speaker ends at the first lower-case word after a name: "Bauer am Montag" → "Bauer".
  const words = (m[2] ?? "").trim().split(/\s+/u);
  const firstCap = words.findIndex((w) => /^\p{Lu}/u.test(w));
  const stop = firstCap < 0 ? words.length : words.findIndex((w, i) => i > firstCap && /^\p{Ll}/u.test(w));
  const src = words.slice(0, stop < 0 ? words.length : stop).join(" ");
  if (!src) return null;
  const verbOffset = m[0].indexOf(verb);
  return {
    verb,
    src,
    srcOffset: m[0].indexOf(src, verbOffset + verb.length),
    verbOffset,
  };
}

/** Pronouns of these languages mapped to the English ones the resolver knows. */
export function englishPronoun(word: string): string | null {
  const w = word.toLowerCase();
  if (w === "er" || w === "il" || w === "él") return "he";
  if (w === "sie" || w === "elle" || w === "ella") return "she";
  if (w === "ils" || w === "elles" || w === "ellos" || w === "ellas") return "they";
  return null;
}
