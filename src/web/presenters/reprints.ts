/**
 * @module Reprint notes for lists: beside an original, the outlets that republished it; on a reprint
 * a list still shows (another outlet's page), who published it first.
 */
import type { ReprintLink } from "../../storage/original-lists.ts";
import { articlePath, hostOf, sourcePath, webUrl } from "./paths.ts";

/** An outlet named in a note, with its page on this site and the report's. */
export interface NamedReport {
  /** The report's article id. */
  id: number;
  sourceName: string;
  sourcePath: string;
  path: string;
  /** The report on the outlet's own site. */
  originalUrl: string;
}

export interface ReprintNotes {
  /** Original id → the reports that republished it, oldest first. */
  republishedBy: Map<number, NamedReport[]>;
  /** Reprint id → the original it reprints. */
  firstPublishedBy: Map<number, NamedReport>;
}

function named(
  id: number,
  title: string,
  url: string,
  sourceId: number,
  source: { title: string | null; site: string | null; feed: string },
): NamedReport {
  const sourceName = source.title ?? hostOf(source.site ?? source.feed);
  return {
    id,
    sourceName,
    sourcePath: sourcePath(sourceId, sourceName),
    path: articlePath(id, title),
    originalUrl: webUrl(url) ?? "#",
  };
}

export function reprintNotes(links: readonly ReprintLink[]): ReprintNotes {
  const republishedBy = new Map<number, NamedReport[]>();
  const firstPublishedBy = new Map<number, NamedReport>();
  for (const l of links) {
    const list = republishedBy.get(l.original_id) ?? [];
    list.push(
      named(l.id, l.title, l.url, l.source_id, {
        title: l.source_title,
        site: l.source_site_url,
        feed: l.source_url,
      }),
    );
    republishedBy.set(l.original_id, list);
    firstPublishedBy.set(
      l.id,
      named(l.original_id, l.original_title, l.original_url, l.original_source_id, {
        title: l.original_source_title,
        site: l.original_source_site_url,
        feed: l.original_source_url,
      }),
    );
  }
  return { republishedBy, firstPublishedBy };
}

export const NO_REPRINTS: ReprintNotes = { republishedBy: new Map(), firstPublishedBy: new Map() };

/** `rows` without the reprints whose original is also among them (a search's hits, a feed's items). */
export function withoutListedReprints<R extends { id: number; near_duplicate_of: number | null }>(
  rows: readonly R[],
): R[] {
  const ids = new Set(rows.map((r) => Number(r.id)));
  return rows.filter((r) => r.near_duplicate_of === null || !ids.has(Number(r.near_duplicate_of)));
}
