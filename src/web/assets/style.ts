/** @module The site stylesheet, bundled as a string so the build needs no copy step. */

export const styleCss = `
:root {
  color-scheme: light dark;
  --fg: #1b1b1b; --muted: #595959; --bg: #ffffff; --accent: #0b57d0; --rule: #dddddd; --panel: #f4f4f1;
  --measure: 42rem;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececec; --muted: #b0b0b0; --bg: #121212; --accent: #8ab4f8; --rule: #333333; --panel: #1e1e1e; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 1.0625rem/1.6 Georgia, "Iowan Old Style", "Noto Serif", serif;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 10; }
.site-header, .site-footer { border-color: var(--rule); padding: 1rem; }
.site-header { border-bottom: 1px solid var(--rule); }
.site-footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: .9rem; margin-top: 3rem; }
.site-title { font: 700 1.5rem/1.2 system-ui, sans-serif; text-decoration: none; color: var(--fg); }
main { max-width: var(--measure); margin: 0 auto; padding: 1rem; }
h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h1 { font-size: clamp(1.75rem, 4vw, 2.4rem); margin: .5rem 0; }
.meta { color: var(--muted); font: .95rem/1.4 system-ui, sans-serif; }
.cards { display: grid; gap: 1.5rem; }
.card { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
.card-title { font-size: 1.3rem; margin: 0 0 .25rem; }
.card-title a { color: var(--fg); text-decoration: none; }
.card-title a:hover { text-decoration: underline; }
.excerpt { margin: .25rem 0 0; }
.lead-image { margin: 1rem 0; }
.lead-image img, .article-body img { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font: .9rem/1.4 system-ui, sans-serif; margin-top: .4rem; }
figcaption .credit { display: block; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
.article-body blockquote { border-left: 4px solid var(--rule); margin: 1rem 0; padding: 0 1rem; color: var(--muted); }
.article-body table { border-collapse: collapse; width: 100%; overflow-x: auto; display: block; }
.article-body td, .article-body th { border: 1px solid var(--rule); padding: .3rem .5rem; }
.source-block { background: var(--panel); border-left: 4px solid var(--accent); padding: .75rem 1rem; margin: 2rem 0; }
.source-block h2 { font-size: 1rem; margin: 0 0 .25rem; text-transform: uppercase; letter-spacing: .05em; }
.source-block a { overflow-wrap: anywhere; }
[dir="rtl"] .source-block { border-left: 0; border-right: 4px solid var(--accent); }
@media print {
  .site-header, .site-footer, .skip-link { display: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; }
}
`;
