/** @module Builds a wire reprint: another outlet's rerun of a wire article, nearly verbatim (near-duplicate ground truth). */
import { credit } from "./blocks.ts";
import type { DemoArticle, DemoBlock, DemoImage } from "./types.ts";

export interface ReprintInput {
  outletSlug: string;
  slug: string;
  /** Reprints get their own headline. */
  headline: string;
  published: string;
  section: string;
  summary: string;
  /** The wire photo, under the reprinting outlet's own file name. */
  leadImage: DemoImage;
  tags: string[];
  /** Small copy-desk edits made to the wire text: [from, to], each found exactly once. */
  edits: [string, string][];
  /** Line added at the end, e.g. "Source: Meridian Business Wire". */
  sourceLine: string;
}

function edited(block: DemoBlock, edits: [string, string][], used: Set<string>): DemoBlock {
  if (block.type !== "p") return block;
  let text = block.text;
  for (const [from, to] of edits) {
    if (!text.includes(from)) continue;
    text = text.replace(from, to);
    used.add(from);
  }
  return { ...block, text };
}

/**
 * The original's body with its last paragraph (the wire's reporting/editing credit) trimmed, the edits
 * applied, and the source line added; byline, event and date line stay the wire's.
 */
export function reprint(original: DemoArticle, input: ReprintInput): DemoArticle {
  const last = original.body.at(-1);
  if (last?.type !== "p" || !last.text.startsWith("(Reporting by")) {
    throw new Error(`reprint of ${original.slug}: the wire copy should end with its credit line`);
  }
  const used = new Set<string>();
  const body = original.body.slice(0, -1).map((b) => edited(b, input.edits, used));
  for (const [from] of input.edits) {
    if (!used.has(from)) throw new Error(`reprint of ${original.slug}: "${from}" is not in the wire copy`);
  }
  const { edits: _edits, sourceLine, ...fields } = input;
  return {
    ...fields,
    eventId: original.eventId,
    author: original.author,
    updated: null,
    body: [...body, credit(sourceLine)],
    language: original.language,
    direction: original.direction,
    reprintOf: `${original.outletSlug}/${original.slug}`,
    revision: null,
  };
}
