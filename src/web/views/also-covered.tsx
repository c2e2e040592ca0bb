/** @module "Also covered by": the story's other outlets, each with its report and time, and the full coverage. */
import type { AlsoCoveredView } from "../presenters/also-covered.ts";
import { Time } from "./time.tsx";

/** Outlets listed on an article page; the story page has the rest. */
const LISTED = 8;

export function AlsoCovered({ view }: { view: AlsoCoveredView | null }) {
  // A story no other outlet reported has nothing to add; the section would only be noise.
  if (!view) return null;
  const shown = view.reports.slice(0, LISTED);
  const more = view.reports.length - shown.length;
  return (
    <section class="also-covered" aria-labelledby="also-heading">
      <h2 id="also-heading">Also covered by</h2>
      <ul>
        {shown.map((r) => (
          <li key={r.id}>
            <bdi class="outlet">{r.sourceName}</bdi>
            {" · "}
            <Time iso={r.at.iso} display={r.at.display} />
            {": "}
            <a href={r.path} lang={r.lang ?? undefined} dir={r.dir ?? "auto"}>
              {r.title}
            </a>
          </li>
        ))}
        {more > 0 ? <li>and {more} more outlets</li> : null}
      </ul>
      <p class="full-coverage">
        <a href={view.storyPath}>
          Full coverage: {view.reportCount} reports from {view.outletCount} outlets
        </a>
      </p>
    </section>
  );
}
