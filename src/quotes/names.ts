/**
 * @module Proper-name runs and the words around them: titles stripped from people's names, organisation
 * heads, and folding for comparisons (outlets spell names with and without accents).
 */

/** Lower-case, accents dropped, apostrophes and possessive 's gone: how two spellings of a name compare. */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]s\b/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Words that are titles or roles before a person's name ("Chief Fire Officer Alan Pryce"). */
export const TITLE_WORDS = new Set(
  (
    "mr mrs ms mx cllr dr prof professor sir dame lord lady president vice prime minister ministers secretary chancellor " +
    "governor mayor senator sen rep representative congressman congresswoman judge justice chief officer executive " +
    "director chair chairman chairwoman chairperson head leader deputy general major colonel col captain capt " +
    "lieutenant lt sergeant sgt commander admiral marshal inspector superintendent detective constable coach manager " +
    "spokesman spokeswoman spokesperson ambassador envoy commissioner councillor councilor alderman mp mep speaker " +
    "king queen prince princess pope bishop archbishop father rabbi imam sheikh dean rector founder ceo cfo coo cto " +
    "chairs boss presenter analyst economist striker midfielder goalkeeper defender skipper captain assistant " +
    "attorney prosecutor lawyer sheriff gov auditor treasurer editor correspondent adviser advisor aide " +
    "foreign finance defence defense interior health justice home trade economy economic transport energy environment " +
    "education labour labor state federal national regional senior former acting interim then shadow opposition " +
    "party group company commission committee council union " +
    // German, French and Spanish titles, for their direct quotes
    "kanzler kanzlerin bundeskanzler bundeskanzlerin präsident präsidentin ministerin ministre président présidente " +
    "presidente presidenta ministro ministra alcalde alcaldesa maire bürgermeister bürgermeisterin herr frau señor señora monsieur madame"
  ).split(" "),
);

/** Heads that make a name run an organisation or body, not a person. */
export const ORG_HEADS = new Set(
  (
    "ministry department office agency authority service services police council commission committee court " +
    "parliament assembly government administration party union association federation bank company corporation " +
    "corp inc ltd plc group institute institution university college school hospital foundation trust fund " +
    "board bureau centre center network news agency press times post herald gazette journal tribune sentinel " +
    "television tv radio broadcasting club rovers united athletic fc team army navy forces force guard guards " +
    "command watch forum alliance coalition movement front league society organisation organization " +
    "commission exchange airline airlines air telecom systems industries holdings motors semiconductors " +
    "automobilwerke stahl raumfahrt cells observatory laboratory lab survey statistics registry secretariat " +
    "congress senate house white kremlin pentagon fbi cia nasa un eu nato who " +
    // Bodies of state and business named by their kind, often after a title word ("Foreign Intelligence Directorate").
    "directorate inspectorate chancellery embassy consulate tribunal cooperative co-operative brigade regiment"
  ).split(" "),
);

/** Last words that make a capitalised run a place, a building or a thing, not a person ("Furnace Café"). */
export const NON_PERSON_HEADS = new Set(
  (
    "cafe café bar pub inn restaurant hotel street road lane avenue square park bridge island islands mountain mount " +
    "river lake bay gulf sea ocean station airport port harbour harbor harbourside quay hall house tower building " +
    "centre center stadium arena ground church cathedral mosque temple museum gallery zoo market gate works mine plant " +
    "factory farm estate village town city county province region district valley coast north south east west day " +
    "week cup final league championship act bill law award prize festival fair show line metro highway motorway " +
    "glacier volcano peninsula strait canal wharf exchange"
  ).split(" "),
);

/** Capitalised words that start sentences or clauses but name nothing. */
const NOT_NAMES = new Set(
  (
    "the a an and but or so yet it its he she they we i you this that these those there here his her their our my " +
    "in on at by for from with of to as after before during when while if although though since because however " +
    "meanwhile earlier later last next this monday tuesday wednesday thursday friday saturday sunday " +
    "speaking asked according separately still also mr mrs ms today tonight yesterday now then which where what who why how " +
    "yes no not only even just instead despite"
  ).split(" "),
);

export interface NameRun {
  start: number;
  end: number;
  text: string;
}

/** One capitalised word: a full stop belongs to it only as an initial or a short abbreviation ("B.", "Mr.", "St."). */
const CAP_WORD = String.raw`\p{Lu}(?:\p{Lu}\.|[\p{L}\p{M}]{0,2}\.(?=[ \u00a0]\p{Lu})|[\p{L}\p{M}'’-]*)`;
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-]|\p{L}\.)${CAP_WORD}(?:(?:[ \u00a0]+|[ \u00a0]+(?:of|de|del|della|di|da|do|dos|van|von|der|den|la|le|al|bin|ibn|and|&|for|the|y|i)[ \u00a0]+)${CAP_WORD})*`,
  "gu",
);

/** Runs of capitalised words in `text` (with "of", "de", "van"... inside), minus leading function words. */
export function nameRuns(text: string, offset = 0): NameRun[] {
  const out: NameRun[] = [];
  for (const m of text.matchAll(RUN)) {
    // "the Vietnam War. Despite": a full stop after a word that is no initial or abbreviation ends the run.
    let from = 0;
    for (const cut of m[0].matchAll(/([\p{L}\p{M}]{2,})\.\s+/gu)) {
      if (ABBREVIATION.test(cut[1] ?? "")) continue;
      pushRun(out, m[0].slice(from, cut.index + (cut[1]?.length ?? 0)), m.index + from, offset);
      from = cut.index + cut[0].length;
    }
    pushRun(out, m[0].slice(from), m.index + from, offset);
  }
  return out;
}

/** Words a full stop may follow inside a name run: titles and abbreviations ("Mr.", "St.", "Gen."). */
const ABBREVIATION =
  /^(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Maj|Rev|Hon|Pres|Ft|Mt|Ave|Co|Corp|Inc|Ltd|No|Messrs|Mme|Mlle|Cmdr|Adm|Supt|Insp|Det|Atty|Sec|Amb|Brig|Cpl|Pvt|Rt)$/u;

/** One run, with its leading function words and trailing connectors dropped, added to `out` if a name is left. */
function pushRun(out: NameRun[], text: string, index: number, offset: number): void {
  let s = text;
  let start = index;
  // Drop leading words that are capitalised only for being first ("The", "But", "Speaking").
  for (;;) {
    const w = /^([\p{L}'’.-]+)\s+/u.exec(s);
    const first = /^[\p{L}'’.-]+/u.exec(s)?.[0] ?? "";
    if (NOT_NAMES.has(first.toLowerCase().replace(/[.’']/gu, ""))) {
      if (!w) {
        s = "";
        break;
      }
      start += w[0].length;
      s = s.slice(w[0].length);
      continue;
    }
    break;
  }
  // Trailing connectors ("Minister of") and possessives ("Felsmark's") are not part of the name.
  // "Belmora's Joan Ribó": a possessive before a name belongs to another name.
  const poss = /^.*\S['’]s\s+(?=\p{Lu})/u.exec(s);
  if (poss) {
    start += poss[0].length;
    s = s.slice(poss[0].length);
  }
  s = s.replace(/(?:\s+(?:of|de|and|&|for|the))+$/u, "").replace(/['’]s?$/u, "");
  // A run in capitals is a dateline or a shouted headline word, not a name.
  if (s.length > 3 && s === s.toUpperCase() && /\s/u.test(s)) return;
  if (!s || !/\p{Lu}/u.test(s[0] ?? "")) return;
  out.push({ start: offset + start, end: offset + start + s.length, text: s });
}

const WORD = /[\p{L}\p{M}'’.-]+/gu;

function words(s: string): string[] {
  return [...s.matchAll(WORD)].map((m) => m[0]);
}

function isTitleWord(w: string): boolean {
  return TITLE_WORDS.has(w.toLowerCase().replace(/[.’']/gu, ""));
}

/** Whether a run names an organisation or body rather than a person. */
export function isOrganisation(run: string): boolean {
  const ws = words(run).map((w) => w.toLowerCase().replace(/['’]s$/u, ""));
  if (ws.some((w) => ORG_HEADS.has(w))) return true;
  // Acronyms: "TTA", "ABS", "NATO".
  return ws.length === 1 && /^\p{Lu}{2,}$/u.test(words(run)[0] ?? "");
}

/** A person's name with the titles before it removed: "Chief Fire Officer Alan Pryce" → {name "Alan Pryce", title "Chief Fire Officer"}. */
export function splitTitle(run: string): { name: string; title: string } {
  const ws = words(run);
  let cut = -1;
  for (let i = 0; i < ws.length - 1; i++) if (isTitleWord(ws[i] ?? "")) cut = i;
  if (cut < 0) return { name: run, title: "" };
  // "Minister of Defence Ivan Petrov": keep the words after the last title word and its "of X".
  const rest = ws.slice(cut + 1);
  while (rest.length > 1 && /^(?:of|for|the|and)$/iu.test(rest[0] ?? "")) rest.splice(0, 2);
  if (rest.length === 0) return { name: run, title: "" };
  const name = rest.join(" ");
  return { name, title: ws.slice(0, ws.length - rest.length).join(" ") };
}

/** Whether a run looks like a person's name: one to four words, no organisation head, after its titles. */
export function looksLikePerson(run: string): boolean {
  if (isOrganisation(run)) return false;
  const ws0 = words(run);
  const lastWord = (ws0[ws0.length - 1] ?? "").toLowerCase();
  if (NON_PERSON_HEADS.has(lastWord)) return false;
  // "River Quill", "Mount Skell", "Port Estany": a place word first.
  if (
    ws0.length > 1 &&
    /^(?:river|mount|mt|lake|port|fort|cape|gulf|bay|saint|st|lac|rio|monte|isle|glen|palau|palacio|palais|palazzo|plaza|place|rue|calle|via|avenida|museo|musée|teatro|théâtre|hôtel|iglesia|église|castell|castillo|casa|estadio|stade|puerto|porto|cap|mont|sant|san|santa|sainte|camp|gare|estació|estación)$/iu.test(
      ws0[0] ?? "",
    )
  )
    return false;
  const ws = words(splitTitle(run).name);
  // "Minister of Industry of the Republic": an office, not a name.
  if (/\sof\s/u.test(run) && ws.length < 2) return false;
  return (
    ws.length >= 1 &&
    ws.length <= 4 &&
    ws.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|da|del|bin|al)$/u.test(w))
  );
}
