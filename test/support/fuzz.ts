/**
 * @module Shared pieces of the property tests (issue 15): fast-check settings with a fixed seed, so
 * CI runs the same cases every time, a timer for the time bound, and arbitraries for hostile HTML.
 */
import fc from "fast-check";
import { MARKDOWN, MARKUP } from "./hostile-comments.ts";

/**
 * Fixed-seed parameters. `FUZZ_SEED` and `FUZZ_RUNS` in the environment override them, for a longer
 * local hunt (`FUZZ_RUNS=5000 FUZZ_SEED=7 npm test -- property`); a failure prints its seed and path.
 */
export function fuzzParams<T>(seed: number, numRuns: number): fc.Parameters<T> {
  const envSeed = process.env.FUZZ_SEED;
  const envRuns = process.env.FUZZ_RUNS;
  return {
    seed: envSeed ? Number(envSeed) : seed,
    numRuns: envRuns ? Number(envRuns) : numRuns,
    includeErrorInReport: true,
  };
}

/** Runs `fn` and returns its result with the milliseconds it took. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Characters that matter to HTML and XML parsers, URL parsers and Unicode tricks. */
const SPECIAL_CHARS = [
  "<",
  ">",
  "&",
  '"',
  "'",
  "=",
  "/",
  "!",
  "?",
  "-",
  ":",
  ";",
  "#",
  " ",
  "\t",
  "\n",
  "\r",
  "\u0000",
  "\u0001",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\u202e",
  "\ufeff",
  "\ufffd",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udc00",
  "é",
  "ß",
  "İ",
  "中",
  "😀",
];

/** One character: mostly printable ASCII, often a special one, sometimes any code unit. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.constantFrom(...SPECIAL_CHARS), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 1 },
);

/** Short text of hostile characters. */
export const hostileText = (maxLength = 30): fc.Arbitrary<string> =>
  fc.array(hostileChar, { maxLength }).map((cs) => cs.join(""));

const TAGS = [
  "p",
  "div",
  "span",
  "a",
  "img",
  "script",
  "style",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "option",
  "noscript",
  "template",
  "xmp",
  "title",
  "table",
  "tr",
  "td",
  "li",
  "ul",
  "ol",
  "pre",
  "code",
  "blockquote",
  "h1",
  "h2",
  "figure",
  "picture",
  "source",
  "video",
  "base",
  "meta",
  "link",
  "body",
  "head",
  "html",
  "article",
  "main",
  "time",
  "br",
  "details",
  "foreignObject",
  "annotation-xml",
  "mglyph",
  "plaintext",
  "noembed",
  "noframes",
];

const ATTRS = [
  "href",
  "src",
  "srcset",
  "onerror",
  "onload",
  "onclick",
  "onmouseover",
  "ontoggle",
  "style",
  "class",
  "id",
  "title",
  "alt",
  "action",
  "formaction",
  "data",
  "xlink:href",
  "srcdoc",
  "cite",
  "datetime",
  "rel",
  "start",
  "colspan",
  "background",
  "poster",
];

const JS = "__pwned()";

/** Attribute values: script and data URLs in disguise, relative and absolute links, and noise. */
export const hostileAttrValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    `javascript:${JS}`,
    `JaVaScRiPt:${JS}`,
    ` javascript:${JS}`,
    `java\tscript:${JS}`,
    `java&#x09;script:${JS}`,
    `&#106;avascript:${JS}`,
    `javascript&colon;${JS}`,
    `\u0001javascript:${JS}`,
    `vbscript:msgbox(1)`,
    `data:text/html,<script>${JS}</script>`,
    `data:image/svg+xml,<svg onload=${JS}>`,
    JS,
    "https://example.test/a.jpg",
    "http://example.test/x?y=1#z",
    "//evil.test/x",
    "/relative/path",
    "x",
    "mailto:a@example.test",
    "https://example.test/a.jpg 2x, javascript:alert(1) 1x",
    `"><script>${JS}</script>`,
    `' onmouseover='${JS}`,
  ),
  hostileText(20),
);

/** One attribute with any quoting, or a broken one. */
const attribute: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...ATTRS), hostileText(6)),
    hostileAttrValue,
    fc.constantFrom('"', "'", "", "`"),
  )
  .map(([name, value, q]) => (q === "" ? `${name}=${value.replace(/\s/g, "")}` : `${name}=${q}${value}${q}`));

/** A tag, opened, closed or self-closed, in any case, with hostile attributes. */
const tag: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...TAGS), weight: 5 }, { arbitrary: hostileText(6), weight: 1 }),
    fc.array(attribute, { maxLength: 3 }),
    fc.constantFrom("open", "close", "self", "upper"),
  )
  .map(([name, attrs, kind]) => {
    const a = attrs.length > 0 ? ` ${attrs.join(" ")}` : "";
    if (kind === "close") return `</${name}>`;
    if (kind === "self") return `<${name}${a}/>`;
    if (kind === "upper") return `<${name.toUpperCase()}${a}>`;
    return `<${name}${a}>`;
  });

/** Pieces of markup: known XSS vectors, random tags, comments, CDATA, entities, plain text. */
const htmlPiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKUP), weight: 3 },
  { arbitrary: tag, weight: 6 },
  { arbitrary: hostileText(40), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      "<!--",
      "-->",
      "<!-- x -->",
      "<![CDATA[",
      "]]>",
      "<!DOCTYPE html>",
      "<?xml version='1.0'?>",
      "&lt;",
      "&gt;",
      "&amp;",
      "&#60;",
      "&#x3c;",
      "&#0;",
      "&#xD800;",
      "&#1114112;",
      "&nbsp;",
      "&unknown;",
      "&",
      "</",
      "<",
      "<!",
      "<?",
    ),
    weight: 2,
  },
);

/** An HTML fragment built from hostile pieces. */
export const hostileHtml = (maxPieces = 25): fc.Arbitrary<string> =>
  fc.array(htmlPiece, { maxLength: maxPieces }).map((ps) => ps.join(""));

/** Markdown-ish comment text with hostile markup and links in it. */
export const hostileMarkdown: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN), htmlPiece), { maxLength: 10 })
  .map((ps) => ps.join("\n"));
