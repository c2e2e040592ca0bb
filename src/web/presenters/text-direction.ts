/** @module Which stored language tags are written right to left, and which tags are safe to print. */

/** Primary subtags of scripts written right to left (Arabic, Hebrew, Persian, Urdu and their neighbours). */
const RTL_LANGUAGES = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "iw",
  "ku-arab",
  "ps",
  "sd",
  "ug",
  "ur",
  "yi",
]);

/** A BCP 47-shaped tag ("en", "pt-BR", "zh-Hant-TW"), or null for anything else a feed put there. */
export function cleanLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim().replace(/_/g, "-");
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(t) ? t : null;
}

/** "rtl" for a right-to-left language tag, "ltr" for a known other one, null when the language is unknown. */
export function textDirection(tag: string | null): "rtl" | "ltr" | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  const primary = lower.split("-")[0] ?? "";
  if (RTL_LANGUAGES.has(primary) || lower.includes("-arab") || lower.includes("-hebr")) return "rtl";
  return "ltr";
}
