/** @module Every threshold and pattern of the first extractor, each with the reason for its value. */

/**
 * class/id words of page furniture that is never article body. From Readability's "unlikely
 * candidates" list plus the share/newsletter/cookie furniture common on news sites.
 */
export const JUNK_CLASS_ID =
  /(^|[\s_-])(share|sharing|social|related|read-?more|recommend|comment|comments|respond|reply|newsletter|subscribe|signup|promo|advert|ads?|sponsor|cookie|consent|banner|breadcrumbs?|menu|nav|navbar|sidebar|footer|masthead|header|popup|modal|author-?box|about-?author|tags?|tag-?list|skip|widget|outbrain|taboola|print|toolbar|pagination|pager)($|[\s_-])/i;

/** Words that mark a container as the article even when a junk word also appears in it. */
export const KEEP_CLASS_ID = /(^|[\s_-])(article|entry|post|story|body|content|main|text)($|[\s_-])/i;

/** Elements that are never part of an article body. */
export const JUNK_TAGS = [
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "aside",
  "footer",
  "header",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "dialog",
  "menu",
];

/** A paragraph shorter than this adds nothing to its container's score (Readability uses 25). */
export const MIN_PARAGRAPH_CHARS = 25;

/** Each 100 characters of a paragraph add a point, up to this cap (Readability's choice: 3). */
export const MAX_LENGTH_POINTS = 3;

/**
 * A block whose text is more than this share link text is a list of links (related stories, tags),
 * not prose. 0.5 is Readability's cut-off for non-content blocks.
 */
export const MAX_LINK_DENSITY = 0.5;

/** Excerpt length in characters; long enough for a sentence or two in listings. */
export const EXCERPT_CHARS = 280;

/** Caption credit phrases: "Photo: X", "Photograph by X", "Credit: X", "Image: X". */
export const CREDIT_PREFIX =
  /(?:^|\s)((?:photo(?:graph)?s?|image|picture|credit|foto|illustration)(?:\s+by)?\s*[:\-–—]?\s*.+)$/i;
