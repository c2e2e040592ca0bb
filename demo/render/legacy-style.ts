/** @module Article page in old-school table/div soup markup, used by Meridian Business Wire. */
import type { DemoImage } from "../content/index.ts";
import { renderBlocks } from "./blocks.ts";
import { type ArticlePageContext, outletPaths, sectionName } from "./context.ts";
import { timeOfDay, weekdayDate, zoneLabel } from "./dates.ts";
import { escapeHtml as h } from "./escape.ts";

const css = `body{font-family:Verdana,Arial,sans-serif;font-size:12px;margin:0}#menu{background:#003366;padding:4px}
#menu a{color:#fff;font-weight:bold;margin:0 6px}h1{font-family:Georgia,serif;font-size:24px}.storydate,.storyby{color:#666}
.credit{font-size:10px;color:#999}.adbox{border:1px solid #ccc;background:#f5f5f5;text-align:center;color:#999}
#storytext p{line-height:1.5}.subhead{font-weight:bold}`;

const tickers: [string, string, string][] = [
  ["AMH", "18.61", "-2.4%"],
  ["HGC", "31.08", "+0.7%"],
  ["TVPL", "42.17", "-1.8%"],
  ["HNB", "57.92", "+0.2%"],
];

export function renderLegacyArticle(ctx: ArticlePageContext): string {
  const { outlet, article } = ctx;
  const paths = outletPaths(outlet);
  const lead = article.leadImage;
  const photo = (img: DemoImage, title: string): string =>
    `<figure class="storyphoto" style="margin:0 0 10px 0"><img src="${h(paths.image(img.name))}" width="${img.width}" height="${img.height}" border="0" alt="${h(img.alt)}"${title}>
<figcaption class="photocaption">${h(img.caption)} <span class="credit">${h(img.credit)}</span></figcaption></figure>`;
  const body = renderBlocks(article.body, {
    figure: (img) => photo(img, ""),
    subhead: (text) => `<p class="subhead"><b>${h(text)}</b></p>`,
  });
  const menu = outlet.sections
    .map((s) => `<a href="${h(paths.section(s.slug))}">${h(s.name.toUpperCase())}</a>`)
    .join(" | ");
  const ticker = tickers
    .map(
      ([sym, px, chg]) =>
        `<td class="tick">${sym} ${px} <font color="${chg.startsWith("-") ? "#cc0000" : "#008800"}">${chg}</font></td>`,
    )
    .join("");
  const related = ctx.related.map((r) => `<li><a href="${h(r.path)}">${h(r.title)}</a></li>`).join("\n");
  const recent = ctx.recent
    .map((r) => `<tr><td class="mostread"><a href="${h(r.path)}">${h(r.title)}</a></td></tr>`)
    .join("\n");
  const posted = `${weekdayDate(article.published)} ${timeOfDay(article.published, "plain")} ${zoneLabel(article.published)}`;
  return `<!DOCTYPE html>
<html lang="${h(outlet.language)}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${h(article.headline)} - ${h(outlet.name)}</title>
<meta name="description" content="${h(article.summary)}">
<meta name="keywords" content="${h(article.tags.join(","))}">
<link rel="alternate" type="application/rss+xml" title="${h(outlet.name)} - Latest News" href="${h(paths.feed)}">
<style type="text/css">${css}</style>
</head>
<body bgcolor="#ffffff" topmargin="0" leftmargin="0">
<div id="wrapper">
<table id="topbar" width="100%" cellpadding="4" cellspacing="0" border="0">
<tr><td class="logo" width="300"><a href="${h(paths.home)}"><b>MERIDIAN</b> BUSINESS WIRE</a></td>${ticker}</tr>
</table>
<div id="menu"><a href="${h(paths.home)}">HOME</a> | ${menu}</div>
<table width="100%" cellpadding="8" cellspacing="0" border="0">
<tr>
<td valign="top" id="maincol">
<div class="adbox" id="ad-top" style="height:60px">Advertisement</div>
<div class="crumbs"><a href="${h(paths.home)}">Home</a> &gt; <a href="${h(paths.section(article.section))}">${h(sectionName(outlet, article.section))}</a></div>
<div class="storyhead">
<h1>${h(article.headline)}</h1>
<div class="storydate">Posted: ${h(posted)}</div>
<div class="storyby">By ${h(article.author.toUpperCase())}, ${h(outlet.name)}</div>
</div>
<div class="tools"><a href="mailto:?subject=${encodeURIComponent(article.headline)}">E-mail this story</a> | <a href="#" onclick="window.print();return false;">Print</a> | <a href="#">Share on Facebook</a> | <a href="#">Share on X</a> | <a href="${h(paths.home)}#reprints">Reprints</a></div>
${photo(lead, ` title="${h(article.headline)}"`)}
<div id="storytext">
${body}
</div>
<div class="copyright">Copyright 2026 ${h(outlet.name)}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</div>
<div class="related"><b>Read more:</b>
<ul>
${related}
</ul></div>
<div id="comments">
<h3>Leave a reply</h3>
<p><i>Your email address will not be published.</i> Fields marked * are required.</p>
<form name="commentform" action="${h(paths.home)}comments.php" method="post">
<input type="hidden" name="story" value="${h(article.slug)}">
<table cellpadding="2" cellspacing="0" border="0">
<tr><td>Name *</td><td><input type="text" name="name" size="30"></td></tr>
<tr><td>E-mail *</td><td><input type="text" name="email" size="30"></td></tr>
<tr><td>Website</td><td><input type="text" name="website" size="30"></td></tr>
<tr><td valign="top">Comment *</td><td><textarea name="comment" rows="6" cols="50"></textarea></td></tr>
<tr><td></td><td><input type="submit" value="Submit comment"></td></tr>
</table>
</form>
</div>
</td>
<td valign="top" width="240" id="sidebar">
<div class="adbox" id="ad-right" style="height:250px">Advertisement</div>
<div class="newsletter"><b>FREE: The Meridian Morning Note</b><br>Markets and company news before the opening bell.<br>
<form action="${h(paths.home)}subscribe.php" method="post"><input type="text" name="email" size="18" value="Your e-mail"> <input type="submit" value="Go"></form></div>
<table width="100%" cellpadding="3" cellspacing="0" border="0" class="mostreadbox">
<tr><th align="left">MOST READ</th></tr>
${recent}
</table>
</td>
</tr>
</table>
<div id="footer"><a href="${h(paths.home)}#about">About Meridian</a> | <a href="${h(paths.home)}#contact">Contact Us</a> | <a href="${h(paths.home)}#terms">Terms of Use</a> | <a href="${h(paths.home)}#privacy">Privacy</a> | <a href="${h(paths.feed)}">RSS</a><br>
&copy; 2026 ${h(outlet.name)} - a fictional wire service in the Newsdesk demo newsroom. All companies, people and figures are invented.</div>
</div>
</body>
</html>
`;
}
