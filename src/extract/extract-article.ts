/** @module extractArticle: a page's HTML in, the article in it out, through a cascade of numbered steps. */

import render from "dom-serializer";
import { type Document, Element as DomElement, type Element, type Text } from "domhandler";
import { parseDocument } from "htmlparser2";
import { withoutControlChars } from "../util/control-chars.ts";
import { escapeHtml } from "../util/html.ts";
import { MAX_ATTRIBUTES_PER_ELEMENT, mostAttributesInATag } from "../util/markup-bounds.ts";
import { agencyBesidesSite, agencyInText } from "./agency.ts";
import { assembleArticle, joinRecipeParts } from "./assemble.ts";
import { blockText } from "./body.ts";
import { removeBoilerplateText } from "./boilerplate.ts";
import {
  DESCRIPTION_MIN_CHARS,
  DESCRIPTION_PREFIX_CHARS,
  EXCERPT_CHARS,
  JSON_LD_BODY_RATIO,
  MIN_ARTICLE_CHARS,
  RECIPE_MARK,
} from "./constants.ts";
import { capDepth } from "./depth.ts";
import { visibleTextNodes } from "./dom.ts";
import { resolveLazyImages } from "./lazy-images.ts";
import { takeLeadFromBody, takeLeadImage } from "./lead-image.ts";
import { toMarkdown } from "./markdown.ts";
import { measureTree, paragraphsFromBreaks, wrapLooseText } from "./measure.ts";
import { type PageMetadata, readMetadata } from "./metadata.ts";
import {
  allElements,
  cleanConditionally,
  removeFurniture,
  removeTitleAndEmpties,
  unwrapLayoutTables,
} from "./prune.ts";
import { scoreCandidates } from "./score.ts";
import { applyExclude, includedRoots, type SourceSelectors } from "./selectors.ts";
import { trimHeadMeta, trimTail } from "./tail-trim.ts";
import { unwrapTemplates } from "./templates.ts";
import type { ExtractionResult, LeadImage } from "./types.ts";

/** Pages larger than this are cut before parsing, so one huge page cannot stall the worker. */
const MAX_HTML_CHARS = 5_000_000;
/** ...and after this many tags; real pages have a few thousand, the largest well under this. */
const MAX_TAGS = 60_000;

interface Attempt {
  roots: Element[];
  text: string;
  /** Characters of section links trimmed from the container's head: still the container's, when judging it thin. */
  kickerChars?: number;
}

/** Whether an attempt's container held too little to trust (under MIN_ARTICLE_CHARS). */
const thin = (a: Attempt | null): boolean => !a || a.text.length + (a.kickerChars ?? 0) < MIN_ARTICLE_CHARS;

/** Words in any script: runs of letters/digits, and each CJK character counts as one word. */
function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words =
    text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, " ").match(/[\p{L}\p{N}]+/gu)
      ?.length ?? 0;
  return cjk + words;
}

function excerptOf(text: string): string | null {
  const first = text.split("\n\n").find((p) => p.length > 40) ?? text;
  if (!first) return null;
  return first.length <= EXCERPT_CHARS ? first : `${first.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, "")}…`;
}

/** Scores, picks, joins and cleans: one pass of the cascade over a prepared document. */
function attempt(
  doc: Document,
  meta: PageMetadata,
  stripByClass: boolean,
  recipePage: boolean,
): Attempt | null {
  removeFurniture(doc.children, stripByClass);
  wrapLooseText(doc.children);
  const stats = measureTree(doc.children);
  const candidates = scoreCandidates(stats);
  const top = candidates[0];
  if (!top) return null;
  const body = assembleArticle(top, candidates, stats);
  const assembled = recipePage ? joinRecipeParts(body) : body;
  cleanConditionally(assembled, new Map(candidates.map((c) => [c.el, c.score])));
  unwrapLayoutTables(assembled);
  paragraphsFromBreaks(assembled);
  removeBoilerplateText(assembled);
  trimTail(assembled);
  const kickerChars = trimHeadMeta(assembled, meta.bylines);
  removeTitleAndEmpties(assembled, meta.title, meta.bylines);
  // A joined sibling the cleaning removed (a "Comments are closed." line, the headline's repeat) is
  // out of the document but still in the list.
  const roots = assembled.filter((r) => r.parent !== null);
  const text = blockText(...roots);
  return text ? { roots, text, kickerChars } : null;
}

/** Every paragraph-like block on the page with little link text: the recall-first last resort. */
function allParagraphs(doc: Document): Attempt | null {
  removeFurniture(doc.children, false);
  const stats = measureTree(doc.children);
  const roots = allElements(doc.children).filter((el) => {
    const s = stats.get(el);
    return (
      (el.name === "p" || el.name === "pre" || el.name === "blockquote") &&
      s &&
      s.chars >= 25 &&
      s.linkChars / s.chars < 0.3
    );
  });
  // The same phrase rules as the other attempts: a page this thin often ends in a newsletter or
  // cookie box written as plain paragraphs, which only what they say gives away.
  removeBoilerplateText(roots);
  const text = blockText(...roots.filter((r) => r.parent !== null));
  return text ? { roots, text } : null;
}

/** JSON-LD articleBody (plain text, sometimes with HTML in it) as an attempt: one paragraph per line. */
function jsonLdAttempt(body: string): Attempt | null {
  // Parsed on its own and wrapped after: a "</div>" in the body would close a wrapper written around
  // it as text, leaving text nodes at the top, which are not elements (issue 15).
  const text = body.includes("<") ? blockText(new DomElement("div", {}, parseDocument(body).children)) : body;
  const paragraphs = text
    .split(/\n+|\s{3,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.join(" ").length < MIN_ARTICLE_CHARS) return null;
  const doc = parseDocument(`<div>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}</div>`);
  return { roots: doc.children.filter((c): c is Element => c.type === "tag"), text: paragraphs.join("\n\n") };
}

/** Letters and digits only, lower-cased: text compared across markup, punctuation and truncation. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The page's description as the article's standfirst, when it is a sentence or more and the text
 * does not already start with or hold it but the page shows it: the dek that sits in a header the body
 * left out, or the only summary of a video or gallery page. `shown` holds the text nodes the untouched
 * page shows (attempts change the tree, not the nodes' text).
 */
function withDescription(best: Attempt, meta: PageMetadata, shown: Text[]): Attempt {
  const d = meta.description;
  if (!d || d.length < DESCRIPTION_MIN_CHARS) return best;
  const key = letters(d).slice(0, DESCRIPTION_PREFIX_CHARS);
  if (letters(best.text).includes(key) || (meta.title && letters(meta.title).includes(key))) return best;
  // Only a description the page shows (a dek in its header): never text only search engines see.
  if (!letters(shown.map((n) => n.data).join(" ")).includes(key)) return best;
  const lead = parseDocument(`<div><p>${escapeHtml(d)}</p></div>`).children.filter(
    (c): c is Element => c.type === "tag",
  );
  return { roots: [...lead, ...best.roots], text: `${d}\n\n${best.text}` };
}

/** The page parsed, its nesting bounded and templates unwrapped; attempts work on copies. */
function prepared(source: string): Document {
  const doc = parseDocument(source);
  capDepth(doc);
  unwrapTemplates(doc);
  return doc;
}

/** The page cut after MAX_TAGS tags: the parser's work grows faster than linearly with nesting. */
/**
 * Pages shorter than this are not scanned for attribute floods: they can hold at most some 100,000
 * attributes, a few tens of megabytes for the parser, while the scan would cost every page ~0.3 ms.
 */
const ATTRIBUTE_SCAN_MIN_CHARS = 500_000;

function boundedSource(html: string): string {
  const cut = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  let tags = 0;
  for (let i = cut.indexOf("<"); i >= 0; i = cut.indexOf("<", i + 1)) {
    if (++tags > MAX_TAGS) return cut.slice(0, i);
  }
  return cut;
}

/**
 * Extracts the article from `html`, fetched from `url`. Pure: no network, no database.
 * Steps: 1. metadata (JSON-LD, OpenGraph, meta, visible markup); 2. lazy images made real;
 * 3. lead image with caption and credit taken out; 4. furniture removed by tag and by class/id,
 * blocks scored, the best container climbed to and joined with its siblings, then cleaned;
 * 5. if that is thin (under MIN_ARTICLE_CHARS), the same on a fresh parse without the class/id
 * pruning (it sometimes removes the article itself); 6. if still thin, every prose paragraph on the
 * page. The longest of the attempts that ran wins; 7. unless the page's JSON-LD articleBody is much
 * longer (a body rendered by scripts); 7b. the page's meta description leads as standfirst when the
 * text does not hold it. A page with no article text gives a typed "not an article" result with the
 * reason.
 */
export function extractArticle(
  html: string,
  url: string,
  options: { selectors?: SourceSelectors } = {},
): ExtractionResult {
  // Control characters mean nothing on a page and would reach the headline and byline (issue 15).
  const source = withoutControlChars(boundedSource(html));
  // A tag with more attributes than any page needs would cost the parser hundreds of megabytes. Only a
  // long page can carry enough to matter, so shorter ones (nearly all) skip the scan.
  if (
    source.length > ATTRIBUTE_SCAN_MIN_CHARS &&
    mostAttributesInATag(source, MAX_ATTRIBUTES_PER_ELEMENT) > MAX_ATTRIBUTES_PER_ELEMENT
  )
    return {
      kind: "not-article",
      reason: `the page's markup is too complex to read (an element with more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes)`,
    };
  // 0. The operator's selectors for this source come first: drop what they exclude.
  // Later attempts need the page untouched by earlier ones: they parse it again (rarely needed,
  // and no dearer than keeping a copy for every page).
  const fresh = () => {
    const d = prepared(source);
    applyExclude(d, options.selectors);
    return d;
  };
  const doc = fresh();
  const meta = readMetadata(doc, url);
  // What the page shows, listed before the attempts change it; only for a description worth a standfirst.
  const shown = (meta.description?.length ?? 0) >= DESCRIPTION_MIN_CHARS ? visibleTextNodes(doc) : [];
  resolveLazyImages(doc);
  const leadImage: LeadImage | null = takeLeadImage(doc, url, meta.imageUrl);

  const attempts: Attempt[] = [];
  const chosen = includedRoots(doc, options.selectors);
  if (chosen.length > 0) {
    // The operator said where the body is: keep it whole, dropping only what is never text.
    removeFurniture(chosen, false);
    removeTitleAndEmpties(chosen, meta.title, meta.bylines);
    const text = blockText(...chosen);
    if (text) attempts.push({ roots: chosen, text });
  }
  const operatorChose = attempts.length > 0;
  // Only a page that says "recipe" somewhere can have ingredients to join (a cheap test of the raw text).
  const recipePage = RECIPE_MARK.test(source);
  const first = operatorChose ? null : attempt(doc, meta, true, recipePage);
  if (first) attempts.push(first);
  if (!operatorChose && thin(first)) {
    const again = fresh();
    resolveLazyImages(again);
    takeLeadImage(again, url, meta.imageUrl);
    const second = attempt(again, meta, false, recipePage);
    if (second) attempts.push(second);
    if (thin(second)) {
      const third = allParagraphs(fresh());
      if (third) attempts.push(third);
    }
  }
  let best = attempts.reduce<Attempt | null>((a, b) => (!a || b.text.length > a.text.length ? b : a), null);
  // 7. A page that renders its body with scripts may still carry it whole in JSON-LD.
  const ldBody = meta.jsonLdBody ? jsonLdAttempt(meta.jsonLdBody) : null;
  if (ldBody && ldBody.text.length > JSON_LD_BODY_RATIO * (best?.text.length ?? 0)) best = ldBody;
  // 7b. The page's description leads when the body left its standfirst out (not when the operator chose the body).
  if (best && !operatorChose) best = withDescription(best, meta, shown);
  // 8. No share image and no figure: the first real picture in the body is the lead.
  const lead = leadImage ?? (best ? takeLeadFromBody(best.roots, url) : null);
  if (!best) {
    const reason =
      source.trim() === ""
        ? "the page is empty"
        : !/<[a-z]/i.test(source.slice(0, 4096))
          ? "the page is not HTML"
          : "no block of article text was found on the page";
    return { kind: "not-article", reason };
  }
  return {
    kind: "article",
    title: meta.title,
    bylines: meta.bylines,
    byline: meta.byline,
    agency: agencyBesidesSite(meta.agency ?? agencyInText(best.text), meta.siteName),
    published: meta.published,
    modified: meta.modified,
    siteName: meta.siteName,
    lang: meta.lang,
    dir: meta.dir,
    canonicalUrl: meta.canonicalUrl,
    leadImage: lead,
    bodyHtml: best.roots.map((r) => render(r.children, { encodeEntities: "utf8" })).join("\n"),
    text: best.text,
    markdown: toMarkdown(best.roots),
    excerpt: excerptOf(best.text),
    wordCount: countWords(best.text),
  };
}
