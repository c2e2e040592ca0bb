/**
 * @module A calendar day written out on a page, in the languages of the news we read: "12. Januar
 * 2022", "4 de mayo de 2022", "22 kwietnia 2021", "June 5, 2021", "28.01.22", "2021-11-02". Pure;
 * returns the day at 00:00 UTC (a day, not an instant: the page did not say when in it).
 */
import { parseFeedDate } from "../util/dates.ts";

/** Month names and their usual abbreviations, without accents, in lower case. */
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  [
    "jan",
    "january",
    "januar",
    "janner",
    "jaenner",
    "janvier",
    "enero",
    "ene",
    "gennaio",
    "gen",
    "janeiro",
    "januari",
    "stycznia",
    "styczen",
    "leden",
    "ledna",
    "tammikuuta",
  ],
  [
    "feb",
    "february",
    "februar",
    "feber",
    "fevrier",
    "fev",
    "febrero",
    "febbraio",
    "fevereiro",
    "februari",
    "lutego",
    "luty",
    "unor",
    "unora",
    "febr",
  ],
  [
    "mar",
    "march",
    "marz",
    "maerz",
    "mars",
    "marzo",
    "marco",
    "maart",
    "marca",
    "marzec",
    "brezen",
    "brezna",
    "mrz",
  ],
  ["apr", "april", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecien", "duben", "dubna"],
  ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja", "maj", "kveten", "kvetna"],
  [
    "jun",
    "june",
    "juni",
    "juin",
    "junio",
    "giugno",
    "giu",
    "junho",
    "czerwca",
    "czerwiec",
    "cerven",
    "cervna",
  ],
  [
    "jul",
    "july",
    "juli",
    "juillet",
    "juil",
    "julio",
    "luglio",
    "lug",
    "julho",
    "lipca",
    "lipiec",
    "cervenec",
    "cervence",
  ],
  ["aug", "august", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpien", "srpen", "srpna"],
  [
    "sep",
    "sept",
    "september",
    "septembre",
    "septiembre",
    "set",
    "settembre",
    "setembro",
    "wrzesnia",
    "wrzesien",
    "zari",
  ],
  [
    "oct",
    "october",
    "oktober",
    "okt",
    "octobre",
    "octubre",
    "ottobre",
    "ott",
    "outubro",
    "out",
    "pazdziernika",
    "pazdziernik",
    "rijen",
    "rijna",
  ],
  ["nov", "november", "novembre", "noviembre", "novembro", "listopada", "listopad", "listopadu"],
  [
    "dec",
    "december",
    "dezember",
    "dez",
    "decembre",
    "diciembre",
    "dic",
    "dicembre",
    "dezembro",
    "grudnia",
    "grudzien",
    "prosinec",
    "prosince",
  ],
];

const MONTH = new Map<string, number>();
for (const [i, names] of MONTH_NAMES.entries()) for (const n of names) MONTH.set(n, i + 1);

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l").toLowerCase();

function day(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100) return null;
  return parseFeedDate(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** "2021-11-02", "2021/11/02". */
const YMD = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
/** "02.11.2021", "2.11.21", "02/11/2021" (day first, or month first on US pages). */
const DMY = /(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?![\d.]*\d)/;
/** "12. Januar 2022", "4 de mayo de 2022", "5th June, 2021". */
const D_MONTH_Y =
  /(?<!\d)(\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b/u;
/** "June 5, 2021", "Jan. 5 2021". */
const MONTH_D_Y = /\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/u;

/** The first calendar day written in `text`, or null. `usDates`: read "11/02/2021" as 2 November. */
export function dayInText(text: string, usDates = false): string | null {
  let m = YMD.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = D_MONTH_Y.exec(text);
  if (m) {
    const month = MONTH.get(fold(m[2] ?? ""));
    if (month) return day(Number(m[3]), month, Number(m[1]));
  }
  m = MONTH_D_Y.exec(text);
  if (m) {
    const month = MONTH.get(fold(m[1] ?? ""));
    if (month) return day(Number(m[3]), month, Number(m[2]));
  }
  m = DMY.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [mo, d] = usDates ? [a, b] : [b, a];
    return day(year(m[3] ?? ""), mo, d);
  }
  return null;
}
