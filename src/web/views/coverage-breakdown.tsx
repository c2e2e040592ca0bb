/** @module A story's coverage counted by the operators' source labels: kinds, then countries. */
import type { CoverageBreakdown as Breakdown } from "../presenters/source-labels.ts";

export function CoverageBreakdown({ breakdown }: { breakdown: Breakdown }) {
  const rows = [
    { name: "By kind", lines: breakdown.kinds },
    { name: "By country", lines: breakdown.countries },
  ].filter((r) => r.lines.length > 0);
  if (rows.length === 0) return null;
  return (
    <dl class="breakdown">
      {rows.map((r) => (
        <div key={r.name}>
          <dt>{r.name}</dt>
          <dd>{r.lines.map((l) => l.label).join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}
