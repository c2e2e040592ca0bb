/**
 * @module A printed time: machine-readable `datetime`, isolated left to right so an English date keeps
 * its order inside right-to-left text, and optionally marked for the relative-time script ("3 hours ago").
 */

export interface TimeProps {
  iso: string;
  display: string;
  /** Cards in lists: assets/relative-time-script.ts shows "3 hours ago" and keeps this exact time as the title. */
  relative?: boolean;
}

export function Time({ iso, display, relative = false }: TimeProps) {
  // dir="ltr" isolates the run (HTML's [dir] rule): without it "20 November 2026 at 19:00 UTC" in an
  // Arabic card is reordered by the bidi algorithm into "November 2026 at 19:00 UTC 20".
  return (
    <time datetime={iso} dir="ltr" data-relative={relative ? "" : undefined}>
      {display}
    </time>
  );
}
