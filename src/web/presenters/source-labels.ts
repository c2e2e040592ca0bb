/**
 * @module Operators' source labels ({"country": "GB", "kind": "wire"}) read safely, and a story's
 * coverage counted by them: "3 wire agencies, 1 state media, 2 not labelled". The kinds and their
 * names are config/source-labels.ts's. Labels are what the operator says about an outlet; the site
 * adds no rating of its own.
 */
import { COUNTRY_CODES, countKind, isSourceKind, type SourceKind } from "../../config/source-labels.ts";

export interface ParsedLabels {
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  kind: SourceKind | null;
}

/** The stored JSON read leniently: an unknown kind, a malformed country or bad JSON count as no label. */
export function parseSourceLabels(json: string | null | undefined): ParsedLabels {
  const none: ParsedLabels = { country: null, kind: null };
  if (!json) return none;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return none;
  }
  if (!value || typeof value !== "object") return none;
  const { country, kind } = value as Record<string, unknown>;
  return {
    country:
      typeof country === "string" && COUNTRY_CODES.has(country.toUpperCase()) ? country.toUpperCase() : null,
    kind: typeof kind === "string" && isSourceKind(kind) ? kind : null,
  };
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** "United Kingdom" for "GB"; the code itself when the runtime has no name for it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** One line of a breakdown: "3 wire agencies". */
export interface CoverageCount {
  key: string;
  count: number;
  label: string;
}

/** The coverage by kind and by country, outlets counted once; empty lists when nobody labelled any. */
export interface CoverageBreakdown {
  kinds: CoverageCount[];
  countries: CoverageCount[];
}

const NOT_LABELLED = "not labelled";

/**
 * Counts `outlets` (one entry per outlet) by kind and by country, largest first, ties by name. Outlets
 * without the label are counted as "not labelled" so the numbers add up to the outlet count; a
 * breakdown where no outlet has the label is left out, since it would say nothing.
 */
export function coverageBreakdown(outlets: ReadonlyArray<ParsedLabels>): CoverageBreakdown {
  const count = (pick: (l: ParsedLabels) => string | null, label: (key: string, n: number) => string) => {
    const counts = new Map<string, number>();
    let unlabelled = 0;
    for (const o of outlets) {
      const key = pick(o);
      if (key === null) unlabelled++;
      else counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (counts.size === 0) return [];
    const lines = [...counts]
      .map(([key, n]) => ({ key, count: n, label: label(key, n) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    if (unlabelled > 0) lines.push({ key: "", count: unlabelled, label: `${unlabelled} ${NOT_LABELLED}` });
    return lines;
  };
  return {
    kinds: count(
      (o) => o.kind,
      (k, n) => countKind(k as SourceKind, n),
    ),
    countries: count(
      (o) => o.country,
      (c, n) => `${n} ${countryName(c)}`,
    ),
  };
}
