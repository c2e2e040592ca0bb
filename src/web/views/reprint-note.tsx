/**
 * @module The line beside a report in a list: "Also republished by X, Y" or "First published by X";
 * English sentences, so set left to right even inside a right-to-left card.
 */
import type { NamedReport } from "../presenters/reprints.ts";

/** Outlets named before "and N more". */
const NAMED = 3;

export function RepublishedNote({ by }: { by: readonly NamedReport[] }) {
  if (by.length === 0) return null;
  const shown = by.slice(0, NAMED);
  const more = by.length - shown.length;
  return (
    <p class="reprint-note" dir="ltr" lang="en">
      Also republished by{" "}
      {shown.map((r, i) => (
        <span key={r.path}>
          {i > 0 ? (i === shown.length - 1 && more === 0 ? " and " : ", ") : null}
          <a href={r.path}>
            <bdi>{r.sourceName}</bdi>
          </a>
        </span>
      ))}
      {more > 0 ? ` and ${more} more` : null}
    </p>
  );
}

export function FirstPublishedNote({ by }: { by: NamedReport }) {
  return (
    <p class="reprint-note" dir="ltr" lang="en">
      First published by{" "}
      <a href={by.path}>
        <bdi>{by.sourceName}</bdi>
      </a>
    </p>
  );
}
