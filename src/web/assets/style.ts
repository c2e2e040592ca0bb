/** @module The site stylesheet, bundled as a string so the build needs no copy step. */

/*
 * Colours and their WCAG 2.2 contrast ratios (computed with the WCAG relative-luminance formula;
 * AA needs 4.5:1 for text, 3:1 for focus outlines and other UI parts):
 *   light  text #1a1a1a on #ffffff 17.40, on panel #f1f3f4 15.64
 *          muted #595959 on #ffffff 7.00, on panel 6.29
 *          accent/links/focus #0b57d0 on #ffffff 6.39, on panel 5.74; button text #ffffff on #0b57d0 6.39
 *   dark   text #e8e6e3 on #121212 15.04, on panel #1f2123 12.97
 *          muted #aeaeae on #121212 8.44, on panel 7.28
 *          accent/links/focus #8ab4f8 on #121212 8.89, on panel 7.66; button text #121212 on #8ab4f8 8.89
 * Rules (#c4c7c5 / #5f6368) are decoration only and carry no information.
 */
export const styleCss = `
:root {
  color-scheme: light dark;
  --fg: #1a1a1a; --muted: #595959; --bg: #ffffff; --accent: #0b57d0; --on-accent: #ffffff;
  --rule: #c4c7c5; --panel: #f1f3f4; --error: #b3261e;
  --measure: 65ch;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Noto Serif", serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e8e6e3; --muted: #aeaeae; --bg: #121212; --accent: #8ab4f8; --on-accent: #121212;
    --rule: #5f6368; --panel: #1f2123; --error: #f2b8b5;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 1.0625rem/1.6 var(--sans);
  overflow-wrap: break-word;
}
a { color: var(--accent); text-underline-offset: .15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
main:focus { outline: none; }
img, video { max-width: 100%; height: auto; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); color: var(--accent); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 10; }

/* Header: title, nav and search wrap onto lines of their own on narrow screens. */
.site-header { border-bottom: 1px solid var(--rule); }
.header-inner {
  max-width: 72rem; margin: 0 auto; padding: .75rem 1rem;
  display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem;
}
.site-title { font: 700 1.5rem/1.2 var(--sans); text-decoration: none; color: var(--fg); margin-right: auto; }
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.site-nav a { display: inline-block; padding: .35rem 0; font-weight: 600; }
.search { display: block; max-width: 100%; }
.search-form { display: flex; gap: .4rem; max-width: 100%; }
.search-form input {
  font: inherit; font-size: 1rem; min-width: 0; width: 14rem; max-width: 100%;
  padding: .35rem .55rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: .25rem;
}
/* The search page's filters: labelled fields that wrap, one per line on a phone. */
.search-filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem 1rem; margin: 0 0 1rem; }
.search-filters p { display: flex; flex-direction: column; gap: .2rem; margin: 0; min-width: 0; max-width: 100%; }
.search-filters label { font: 600 .9rem/1.3 var(--sans); }
.search-filters input, .search-filters select {
  font: inherit; font-size: 1rem; max-width: 100%; min-width: 0; padding: .35rem .55rem;
  color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: .25rem;
}
.search-results mark { background: #ffe066; color: #111; } /* 15.9:1 in both themes: the mark sets its own text colour */
button {
  font: 600 1rem/1.2 var(--sans); padding: .45rem .8rem; border: 0; border-radius: .25rem;
  color: var(--on-accent); background: var(--accent); cursor: pointer;
}

main { max-width: calc(var(--measure) + 2rem); margin: 0 auto; padding: 1rem; }
h1, h2, h3 { font-family: var(--sans); line-height: 1.25; overflow-wrap: anywhere; }
h1 { font-size: clamp(1.7rem, 1.2rem + 2.5vw, 2.5rem); margin: .75rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; }
.kicker { display: block; font-size: .95rem; color: var(--muted); font-weight: 600; }
.meta { color: var(--muted); font: .95rem/1.45 var(--sans); margin: .25rem 0; }
.meta a { color: inherit; }
.empty, .note { color: var(--muted); }

/* Lists of articles. */
.cards { display: grid; gap: 1.25rem; padding: 0; margin: 0; list-style: none; }
.card { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
.card-title { font-size: 1.25rem; margin: 0 0 .25rem; }
.card-title a { color: var(--fg); text-decoration: none; }
.card-title a:hover { text-decoration: underline; }
.excerpt { margin: .35rem 0 0; }
.story-link { margin: .35rem 0 0; font: 600 .95rem/1.4 var(--sans); }
.top-stories h2, .latest h2 { text-transform: uppercase; letter-spacing: .05em; font-size: 1rem; color: var(--muted); }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0; font-weight: 600; }
.pager a[rel="next"] { margin-left: auto; }
.source-list { padding-left: 1.2rem; }
.source-list li { margin: .4rem 0; }
.source-name { font-weight: 600; }

/* The front page: a lead story with its picture, the top stories in a grid, topic sections, the latest. */
main.wide { max-width: 74rem; }
.section-heading {
  font: 700 .95rem/1.3 var(--sans); text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  border-top: 3px solid var(--fg); padding-top: .5rem; margin: 2rem 0 1rem;
}
.section-heading a { color: inherit; text-decoration: none; }
.section-heading a:hover { text-decoration: underline; }
.story-card { display: flex; flex-direction: column; gap: .6rem; min-width: 0; }
.story-title { font-size: 1.2rem; line-height: 1.25; margin: 0; }
.story-title a { color: var(--fg); text-decoration: none; }
.story-title a:hover { text-decoration: underline; }
.story-text { display: flex; flex-direction: column; gap: .35rem; min-width: 0; }
.story-text > p { margin: 0; }
.lead-sentence { font: 1.05rem/1.5 var(--serif); }
.coverage { font: .9rem/1.45 var(--sans); color: var(--muted); }
.coverage .count { font-weight: 700; color: var(--fg); }
.coverage a { font-weight: 600; color: var(--accent); }
.story-image { margin: 0; }
.story-image img { display: block; width: 100%; aspect-ratio: 3 / 2; object-fit: cover; background: var(--panel); border-radius: .3rem; }
.story-image.lead img { aspect-ratio: 16 / 9; }
.story-image figcaption { margin-top: .3rem; }
.story-card.lead { padding-bottom: 1.5rem; border-bottom: 1px solid var(--rule); }
.story-card.lead .story-title { font-size: clamp(1.5rem, 1.1rem + 1.6vw, 2.1rem); }
.story-grid, .story-row { display: grid; gap: 1.5rem 1.75rem; margin-top: 1.5rem; }
.story-grid { grid-template-columns: repeat(auto-fill, minmax(min(18rem, 100%), 1fr)); }
.story-row { grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr)); margin-top: 0; }
.story-card.compact .story-title { font-size: 1.05rem; }
.story-card.compact .story-image img { aspect-ratio: 16 / 9; }
.story-grid .story-card, .story-row .story-card { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
.latest .cards { grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); gap: 1.25rem 1.75rem; }
.latest .card-title { font-size: 1.1rem; }
.latest .excerpt { font-size: .95rem; }
.reprint-note { margin: .3rem 0 0; font: .9rem/1.45 var(--sans); color: var(--muted); }
@media (min-width: 52rem) {
  .story-card.lead { display: grid; grid-template-columns: 3fr 2fr; gap: 1.75rem; align-items: start; }
}
/* On a phone only the lead story's picture is full width; the others are thumbnails beside the headline. */
@media (max-width: 40rem) {
  .story-card.card, .story-card.compact { display: grid; grid-template-columns: minmax(0, 1fr) 6.5rem; gap: .25rem .9rem; }
  .story-card.card > .story-image, .story-card.compact > .story-image { grid-column: 2; grid-row: 1; }
  .story-card.card > .story-text, .story-card.compact > .story-text { grid-column: 1; grid-row: 1; }
  .story-card.card .story-image img, .story-card.compact .story-image img { aspect-ratio: 1; }
  .story-card.card .story-image .credit, .story-card.compact .story-image .credit { font-size: .7rem; letter-spacing: 0; }
  .story-card.card .lead-sentence { display: none; }
}

/* A story page: the headline and facts, the coverage panel and timeline beside the reports on wide screens. */
.story-header h1 { margin-bottom: .5rem; }
.story-header { margin-bottom: 1rem; }
.story-header .lead-sentence { font-size: 1.2rem; margin: 0 0 .5rem; }
.coverage-summary { background: var(--panel); border-radius: .4rem; padding: .9rem 1.1rem; font-family: var(--sans); }
.coverage-summary h2 { font-size: 1.1rem; margin: 0 0 .4rem; }
.coverage-summary p { margin: .3rem 0; }
.breakdown { margin: .6rem 0; display: grid; gap: .35rem; }
.breakdown dt { font-weight: 700; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.breakdown dd { margin: 0; }
.coverage-summary .feeds { font-size: .9rem; }
.reports h2, .timeline h2 { margin-top: 1.5rem; }
.outlet-group h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
.outlet-group h3 a { color: var(--fg); }
.report-list { list-style: none; padding: 0; margin: 0; }
.report { margin: 0 0 1rem; }
.report-title { font-size: 1.15rem; margin: 0 0 .2rem; }
.report-title a { color: var(--fg); text-decoration: none; }
.report-title a:hover { text-decoration: underline; }
.report .excerpt { margin: .25rem 0 0; }
.republished { list-style: none; margin: .5rem 0 0; padding: .4rem .75rem; border-inline-start: 3px solid var(--rule); font: .9rem/1.45 var(--sans); color: var(--muted); }
.timeline ol { list-style: none; margin: 0; padding: 0 0 0 1rem; border-inline-start: 2px solid var(--rule); font: .95rem/1.45 var(--sans); }
.timeline li { margin: 0 0 .75rem; }
.timeline time { display: block; color: var(--muted); font-size: .85rem; }
@media (min-width: 64rem) {
  main.wide:has(.story-header) { display: grid; grid-template-columns: minmax(0, 1fr) 21rem; column-gap: 2.5rem; align-items: start; }
  main.wide > .story-header { grid-column: 1 / -1; }
  main.wide > .story-image { grid-column: 1; grid-row: 2; }
  main.wide > .coverage-summary { grid-column: 2; grid-row: 2; }
  main.wide > .reports { grid-column: 1; grid-row: 3; }
  main.wide > .timeline { grid-column: 2; grid-row: 3 / span 3; }
  main.wide > .story-statements { grid-column: 1; grid-row: 4; }
  main.wide > .comments { grid-column: 1; grid-row: 5; }
  main.wide > .timeline h2 { margin-top: 1.5rem; }
}

/* The article page. */
.article-body { font: 1.15rem/1.7 var(--serif); }
.article-body :is(h2, h3, h4) { font-family: var(--sans); }
.lead-image { margin: 1rem 0 1.5rem; }
.lead-image img { display: block; width: 100%; }
/* No stored dimensions: reserve a 3:2 box so the text below does not jump when the picture arrives. */
.lead-image img.unsized { aspect-ratio: 3 / 2; object-fit: contain; background: var(--panel); }
.article-body img { display: block; margin: 1rem 0; }
.article-body figure { margin: 1.25rem 0; }
figcaption { color: var(--muted); font: .9rem/1.45 var(--sans); margin-top: .4rem; }
figcaption .caption { display: block; }
figcaption .credit { display: block; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
.article-body blockquote { border-inline-start: 4px solid var(--rule); margin: 1rem 0; padding: 0 1rem; }
.article-body table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
.article-body td, .article-body th { border: 1px solid var(--rule); padding: .3rem .5rem; }
.article-body pre { overflow-x: auto; }
.read-original a {
  display: inline-block; font: 700 1.05rem/1.3 var(--sans); padding: .7rem 1rem; border-radius: .3rem;
  color: var(--on-accent); background: var(--accent); text-decoration: none;
}
.source-block {
  background: var(--panel); border-inline-start: 4px solid var(--accent); padding: .75rem 1rem; margin: 2rem 0;
  font-family: var(--sans);
}
.source-block h2 { font-size: 1rem; margin: 0 0 .25rem; text-transform: uppercase; letter-spacing: .05em; }
.source-block p { margin: 0; }
.source-block a { overflow-wrap: anywhere; }
.also-covered ul { padding-left: 1.2rem; }
.also-covered li { margin: .4rem 0; }
.also-covered .outlet { font-weight: 600; }
.full-coverage a { font-weight: 700; }
/* Who said what: each source, then their statements; quotations in <q> (the browser's quotation marks),
   paraphrases labelled in words. */
.who-said-what .speakers, .who-said-what .statements, .person-statements { list-style: none; padding: 0; margin: 0; }
.who-said-what .speaker { margin: 0 0 1rem; }
.speaker-heading { font: 700 1.05rem/1.35 var(--sans); margin: 0 0 .3rem; }
.speaker-affiliation { font-weight: 400; color: var(--muted); }
.statements .statement, .person-statements .statement {
  margin: 0 0 .5rem; padding-inline-start: .75rem; border-inline-start: 3px solid var(--rule);
  overflow-wrap: anywhere;
}
.statement-verb { font: 600 .95rem/1.4 var(--sans); color: var(--muted); }
.statement-kind { font: italic .95rem/1.4 var(--sans); color: var(--muted); }
.statement-quote { border-inline-start-color: var(--accent); }
.statement-text { font-family: var(--serif); }
.story-statements .compared-speaker { border-top: 1px solid var(--rule); padding-top: .5rem; margin-top: 1rem; }
.outlet-statements { margin: 0; }
.outlet-statements dt { font: 700 .95rem/1.4 var(--sans); margin-top: .5rem; }
.outlet-statements dd { margin: 0 0 .5rem; padding-inline-start: .75rem; }
.compared-report .meta { margin-bottom: .5rem; }
.person-statements .statement { margin-bottom: 1rem; }
.person-statements p { margin: 0; }
.hit-statements { list-style: none; padding: 0; margin: .4rem 0 0; }
.hit-statements .statement { font-size: .95rem; }
.earlier-headlines { font: .95rem/1.45 var(--sans); margin: .5rem 0; }
.earlier-headlines summary { cursor: pointer; color: var(--accent); }
.earlier-headlines ol { margin: .4rem 0; padding-inline-start: 1.2rem; }
.source-block .first-published, .source-block .republished-by { margin-top: .5rem; }
.source-block ul { margin: .25rem 0 0; padding-inline-start: 1.2rem; }
.topics ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.topics a { display: inline-block; padding: .2rem .6rem; border: 1px solid var(--rule); border-radius: 1rem; text-decoration: none; }
.comments { border-top: 1px solid var(--rule); margin-top: 2rem; }
/* Comments: nested lists, each reply level indented and ruled; the identicon beside the name. */
.comment-list { list-style: none; padding: 0; margin: 1rem 0; }
.comment-list.replies { margin: .5rem 0 0; padding-inline-start: 1rem; border-inline-start: 2px solid var(--rule); }
.comment { margin: 0 0 1rem; }
.comment-meta { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .6rem; font: .95rem/1.4 var(--sans); }
.comment-meta .identicon { display: block; width: 2rem; height: 2rem; border-radius: .2rem; }
.comment-author { font-weight: 700; }
.comment-time { color: var(--muted); }
.comment-body { overflow-wrap: anywhere; }
.comment-body pre { overflow-x: auto; background: var(--panel); padding: .5rem; }
.comment-body blockquote { border-inline-start: 3px solid var(--rule); margin: .5rem 0; padding: 0 .75rem; }
.comment-actions { margin: .25rem 0 0; font: .95rem var(--sans); }
.comment-form .field { display: flex; flex-direction: column; gap: .2rem; margin: 0 0 .9rem; max-width: 36rem; }
.comment-form .field.checkbox { flex-direction: row; align-items: center; }
.comment-form label, .email-form label { font: 600 .95rem/1.3 var(--sans); }
.comment-form input:not([type=checkbox]), .comment-form textarea, .email-form input {
  font: inherit; font-size: 1rem; max-width: 100%; padding: .4rem .55rem;
  color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: .25rem;
}
.comment-form [aria-invalid=true] { border: 2px solid var(--error); }
.hint { color: var(--muted); font-size: .9rem; }
.field-error { color: var(--error); font-weight: 600; margin: 0; }
.form-errors, .notice { border: 2px solid var(--accent); border-radius: .3rem; padding: .5rem 1rem; margin: 1rem 0; }
.form-errors { border-color: var(--error); }
/* The honeypot: off-screen for people, still in the form for robots. */
.hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.error-page ul { padding-left: 1.2rem; }
.prose { font: 1.1rem/1.7 var(--serif); }

/* The admin area: its nav and sign-out on one bar, and forms with a label above each field. */
.admin-bar {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem;
  border-bottom: 1px solid var(--rule); padding-bottom: .5rem; font-family: var(--sans);
}
.admin-bar ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.admin-bar a { font-weight: 600; }
.admin-bar a[aria-current="page"] { color: var(--fg); text-decoration: none; }
.admin-signout { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: 0; color: var(--muted); }
.admin-form p { display: flex; flex-direction: column; gap: .2rem; max-width: 28rem; }
.admin-form label { font: 600 .95rem/1.3 var(--sans); }
.admin-form input {
  font: inherit; font-size: 1rem; padding: .45rem .55rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: .25rem;
}
.admin-form button { align-self: flex-start; }
.admin-form select, .admin-form textarea {
  font: inherit; font-size: 1rem; padding: .45rem .55rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: .25rem;
}
.admin-form [aria-invalid=true] { border: 2px solid var(--error); }

/* The moderation queue: tabs, one card per comment, its facts in a compact grid, links made inert. */
.mod-tabs { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; font-family: var(--sans); }
.mod-tabs a[aria-current="page"] { color: var(--fg); font-weight: 700; text-decoration: none; }
.mod-bulk { display: flex; flex-wrap: wrap; gap: .5rem; border: 1px solid var(--rule); border-radius: .3rem; }
.mod-list { list-style: none; padding: 0; }
.mod-item { border-top: 1px solid var(--rule); padding: .75rem 0; }
.mod-meta label { font-weight: 700; }
.mod-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 .75rem; margin: .4rem 0; font-size: .95rem; }
.mod-facts dt { color: var(--muted); }
.mod-facts dd { margin: 0; overflow-wrap: anywhere; }
.mod-reasons { color: var(--error); font-weight: 600; }
.mod-body { border-inline-start: 3px solid var(--rule); padding-inline-start: .75rem; }
.inert-link { text-decoration: underline dotted; }
.inert-link::after { content: " <" attr(data-href) ">"; color: var(--muted); overflow-wrap: anywhere; }
.mod-row-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.link-button { background: none; color: var(--accent); border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; }
.mod-rules { border-collapse: collapse; width: 100%; }
.mod-rules th, .mod-rules td { text-align: start; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); }
.mod-settings div { display: flex; flex-wrap: wrap; gap: 0 .5rem; }
.mod-settings dt { font-weight: 600; }
.mod-settings dd { margin: 0; }
.form-error { border-inline-start: 4px solid currentColor; padding: .25rem .75rem; font-weight: 600; }
.form-notice { color: var(--muted); }

.site-footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: .9rem; margin-top: 3rem; }
.site-footer p { max-width: 72rem; margin: 0 auto; padding: 1rem; }

@media (max-width: 30rem) {
  body { font-size: 1rem; }
  .search { flex: 1 1 100%; }
  .search-form input { flex: 1; width: auto; }
  .article-body { font-size: 1.08rem; }
}

@media print {
  .site-header, .site-footer, .skip-link, .search, form, .pager, .topics, .comments { display: none; }
  body { color: #000; background: #fff; font-size: 11pt; }
  a { color: #000; }
  main { max-width: none; padding: 0; }
  .source-block { border: 1px solid #000; background: none; }
  .source-block a[href^="http"]:not(.original-url)::after, .read-original a::after { content: " (" attr(href) ")"; font-size: .85em; }
  .read-original a { color: #000; background: none; padding: 0; }
  img { break-inside: avoid; }
}
`;
