/**
 * @module What an operator may say about a source (`newsdesk edit-source --label`): its country, an
 * ISO 3166-1 alpha-2 code, and its kind, one of SOURCE_KINDS. Pure: the CLI checks labels with it and
 * the web names them with it ("3 wire agencies, 1 state media").
 */
import type { SourceLabels } from "../storage/schema.ts";

/** The kinds of source, by slug, with their names for one and for several. */
export const SOURCE_KINDS = {
  wire: { singular: "wire agency", plural: "wire agencies" },
  state: { singular: "state media", plural: "state media" },
  public: { singular: "public broadcaster", plural: "public broadcasters" },
  independent: { singular: "independent outlet", plural: "independent outlets" },
  newspaper: { singular: "newspaper", plural: "newspapers" },
  broadcaster: { singular: "broadcaster", plural: "broadcasters" },
  magazine: { singular: "magazine", plural: "magazines" },
  aggregator: { singular: "aggregator", plural: "aggregators" },
  blog: { singular: "blog", plural: "blogs" },
  "press-release": { singular: "press release service", plural: "press release services" },
} as const satisfies Record<string, { singular: string; plural: string }>;

export type SourceKind = keyof typeof SOURCE_KINDS;

/** The 249 officially assigned ISO 3166-1 alpha-2 codes (no reserved ones such as EU, UK or XK). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW`.split(/\s+/),
);

export function isSourceKind(value: string): value is SourceKind {
  return Object.hasOwn(SOURCE_KINDS, value);
}

/** "3 wire agencies", "1 state media". */
export function countKind(kind: SourceKind, n: number): string {
  const names = SOURCE_KINDS[kind];
  return `${n} ${n === 1 ? names.singular : names.plural}`;
}

/** One `--label` as typed: a label to set, or to clear (`kind=`). */
export interface LabelChange {
  key: keyof SourceLabels;
  value: string | null;
}

/** Reads `country=GB`, `kind=wire` or `kind=` (clear); throws an Error saying what is accepted. */
export function parseLabelChange(text: string): LabelChange {
  const eq = text.indexOf("=");
  const key = (eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase();
  const raw = eq < 0 ? "" : text.slice(eq + 1).trim();
  if (eq < 0 || (key !== "country" && key !== "kind"))
    throw new Error(`a label is country=<code> or kind=<kind> (an empty value clears it), not "${text}"`);
  if (raw === "") return { key, value: null };
  if (key === "country") {
    const code = raw.toUpperCase();
    if (!COUNTRY_CODES.has(code))
      throw new Error(`country must be an ISO 3166-1 alpha-2 code such as GB, FR or US, not "${raw}"`);
    return { key, value: code };
  }
  const kind = raw.toLowerCase();
  if (!isSourceKind(kind))
    throw new Error(`kind must be one of ${Object.keys(SOURCE_KINDS).join(", ")}; not "${raw}"`);
  return { key, value: kind };
}

/** `labels` with the changes applied in order (the last word on a key wins). */
export function applyLabelChanges(labels: SourceLabels, changes: readonly LabelChange[]): SourceLabels {
  const out: SourceLabels = { ...labels };
  for (const c of changes) {
    if (c.value === null) delete out[c.key];
    else out[c.key] = c.value;
  }
  return out;
}

/** The stored JSON as labels; anything unreadable or unknown in it is ignored rather than shown. */
export function readSourceLabels(json: string | null): SourceLabels {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const { country, kind } = parsed as Record<string, unknown>;
  return {
    ...(typeof country === "string" && COUNTRY_CODES.has(country) ? { country } : {}),
    ...(typeof kind === "string" && isSourceKind(kind) ? { kind } : {}),
  };
}

/** "GB, wire agency" for operators' listings; "" without labels. */
export function describeLabels(labels: SourceLabels): string {
  const kind = labels.kind && isSourceKind(labels.kind) ? SOURCE_KINDS[labels.kind].singular : null;
  return [labels.country, kind].filter(Boolean).join(", ");
}
