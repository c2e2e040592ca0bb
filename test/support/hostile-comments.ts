/**
 * @module Hostile comment fields for the XSS test: names, websites and bodies that try to run script
 * (`__pwned()`, recorded by the test's page hook) through every route we know of: script tags, event
 * handlers, script and data URLs, SVG, CSS, entity and Unicode tricks, Markdown, broken markup. Each
 * vector calls `__pwned` or `alert`, so any execution in the browser is caught.
 */

const JS = "__pwned()";

/** Markup that runs script if it reaches the DOM unescaped. */
export const MARKUP = [
  `<script>${JS}</script>`,
  `<SCRIPT>${JS}</SCRIPT>`,
  `<script src="data:text/javascript,${JS}"></script>`,
  `<script type="module">${JS}</script>`,
  `<scr<script>ipt>${JS}</scr</script>ipt>`,
  `<script>/*</script><script>*/${JS}</script>`,
  `</script><script>${JS}</script>`,
  `</textarea><script>${JS}</script>`,
  `</title><script>${JS}</script>`,
  `</style><script>${JS}</script>`,
  `<img src=x onerror=${JS}>`,
  `<img src="x" onerror="${JS}">`,
  `<IMG SRC=x OnErRoR=${JS}>`,
  `<img src=x onerror=&#95;&#95;pwned()>`,
  `<img/src=x/onerror=${JS}>`,
  `<img src=x:y onerror\n=${JS}>`,
  `<image src=x onerror=${JS}>`,
  `<svg onload=${JS}>`,
  `<svg><script>${JS}</script></svg>`,
  `<svg><script href="data:,${JS}"/></svg>`,
  `<svg><a xlink:href="javascript:${JS}"><text y="20">click</text></a></svg>`,
  `<svg><animate onbegin=${JS} attributeName=x dur=1s>`,
  `<svg><set attributeName="onload" to="${JS}"/></svg>`,
  `<svg><foreignObject><img src=x onerror=${JS}></foreignObject></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${JS}>`,
  `<body onload=${JS}>`,
  `<details open ontoggle=${JS}>`,
  `<input autofocus onfocus=${JS}>`,
  `<select autofocus onfocus=${JS}>`,
  `<textarea autofocus onfocus=${JS}></textarea>`,
  `<video src=x onerror=${JS}></video>`,
  `<audio src=x onerror=${JS}></audio>`,
  `<video><source onerror=${JS}></video>`,
  `<marquee onstart=${JS}>x</marquee>`,
  `<div onmouseover=${JS} style="position:fixed;inset:0">x</div>`,
  `<iframe src="javascript:${JS}"></iframe>`,
  `<iframe srcdoc="<script>parent.${JS}</script>"></iframe>`,
  `<object data="javascript:${JS}"></object>`,
  `<embed src="javascript:${JS}">`,
  `<form action="javascript:${JS}"><button>go</button></form>`,
  `<button formaction="javascript:${JS}">go</button>`,
  `<a href="javascript:${JS}">link</a>`,
  `<a href="JaVaScRiPt:${JS}">link</a>`,
  `<a href=" javascript:${JS}">link</a>`,
  `<a href="&#106;avascript:${JS}">link</a>`,
  `<a href="&#x6A;&#x61;vascript:${JS}">link</a>`,
  `<a href="java&#x09;script:${JS}">link</a>`,
  `<a href="jav&#x0A;ascript:${JS}">link</a>`,
  `<a href="javascript&colon;${JS}">link</a>`,
  `<a href="vbscript:msgbox(1)">link</a>`,
  `<a href="data:text/html,<script>${JS}</script>">link</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKCk8L3NjcmlwdD4=">link</a>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${JS}">`,
  `<base href="javascript:${JS}//">`,
  `<link rel=stylesheet href="javascript:${JS}">`,
  `<style>@import "javascript:${JS}";</style>`,
  `<style>body{background:url("javascript:${JS}")}</style>`,
  `<div style="background-image:url(javascript:${JS})">x</div>`,
  `<div style="width:expression(${JS})">x</div>`,
  `<div style="behavior:url(x.htc)">x</div>`,
  `<p style="color:red;position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>`,
  `<!--<img src="--><img src=x onerror=${JS}//">`,
  `<![CDATA[<]]><script>${JS}</script>`,
  `<noscript><p title="</noscript><img src=x onerror=${JS}>">`,
  `<template><script>${JS}</script></template>`,
  `<xmp><p title="</xmp><img src=x onerror=${JS}>">`,
  `<a href="#" onclick="${JS}">x</a>`,
  `"><script>${JS}</script>`,
  `'><svg onload=${JS}>`,
  `" onmouseover="${JS}" x="`,
  `' onfocus='${JS}' autofocus '`,
  `\u003cscript\u003e${JS}\u003c/script\u003e`,
  `&lt;script&gt;${JS}&lt;/script&gt;`,
  `&amp;lt;img src=x onerror=${JS}&amp;gt;`,
  `\uFF1Cscript\uFF1E${JS}\uFF1C/script\uFF1E`,
  `<scr\u200Bipt>${JS}</scr\u200Bipt>`,
  `\u202E>tpircs/<${JS}>tpircs<`,
  `<img src=x onerror=${JS}\u2028>`,
  `<a href="java\u0000script:${JS}">nul</a>`,
  `{{constructor.constructor('${JS}')()}}`,
  `\${${JS}}`,
  `<img src=x onerror="eval(atob('X19wd25lZCgp'))">`,
  `<svg/onload=self[\`__pw\`+\`ned\`]()>`,
  `<a href=javascript:${JS}>unquoted</a>`,
  `<isindex action=javascript:${JS} type=image>`,
  `<table background="javascript:${JS}">`,
  `<div id="x"></div><script>document.getElementById('x').innerHTML='<img src=x onerror=${JS}>'</script>`,
];

/** Markdown that tries to become a script link or an event handler. */
export const MARKDOWN = [
  `[click](javascript:${JS})`,
  `[click](JAVASCRIPT:${JS})`,
  `[click](javascript&#58;${JS})`,
  `[click](  javascript:${JS}  )`,
  `[click](data:text/html,<script>${JS}</script>)`,
  `[click](vbscript:msgbox)`,
  `<javascript:${JS}>`,
  `![x](x" onerror="${JS})`,
  `![x](javascript:${JS})`,
  `[x](https://example.test/" onmouseover="${JS})`,
  `[x](https://example.test/'onmouseover='${JS}')`,
  `**<img src=x onerror=${JS}>**`,
  `*<script>${JS}</script>*`,
  "`<script>__pwned()</script>`",
  "```\n</code></pre><script>__pwned()</script>\n```",
  `> <img src=x onerror=${JS}>`,
  `- <svg onload=${JS}>\n- item`,
  `[a][r]\n\n[r]: javascript:${JS}`,
  `https://example.test/<script>${JS}</script>`,
  `www.example.test/" onmouseover="${JS}`,
];

/** Website fields: script and data URLs, attribute break-outs, oversized and odd schemes. */
const WEBSITES = [
  `javascript:${JS}`,
  `JavaScript:${JS}`,
  ` javascript:${JS}`,
  `java\tscript:${JS}`,
  `&#106;avascript:${JS}`,
  `data:text/html,<script>${JS}</script>`,
  `data:image/svg+xml,<svg onload=${JS}>`,
  `vbscript:msgbox(1)`,
  `https://example.test/" onmouseover="${JS}`,
  `https://example.test/'><script>${JS}</script>`,
  `https://example.test/?q=<script>${JS}</script>`,
  `https://example.test/#"><img src=x onerror=${JS}>`,
  `http://"onmouseover="${JS}`,
  `//evil.test/x`,
  `ftp://example.test/`,
  `file:///etc/passwd`,
  `https://exa\u0000mple.test/`,
  `https://example.test/\u202Egpj.exe`,
  `https://user:pass@example.test/`,
  `https://example.test/${"a".repeat(500)}`,
];

function variants(base: string, i: number): string[] {
  return [
    base,
    `Great article! ${base}`,
    `${base}\n\nThanks for reporting.`,
    i % 2 === 0 ? base.toUpperCase().replaceAll("__PWNED", "__pwned") : `**${base}**`,
  ];
}

export interface HostileComment {
  name: string;
  website: string;
  body: string;
}

/** At least `count` hostile comments, each with a hostile name, website and body, cycled through the vectors. */
export function hostileComments(count = 220): HostileComment[] {
  const bodies = [...MARKUP, ...MARKDOWN].flatMap((v, i) => variants(v, i));
  const names = [...MARKUP, ...MARKDOWN].map((v) => v.slice(0, 80));
  const out: HostileComment[] = [];
  for (let i = 0; out.length < Math.max(count, 200); i++) {
    out.push({
      name: names[i % names.length] ?? "x",
      website: WEBSITES[i % WEBSITES.length] ?? "",
      // The number keeps every body distinct, so duplicate detection refuses none of them.
      body: `${bodies[i % bodies.length] ?? "x"}\n\n(${i})`,
    });
  }
  return out;
}

/** How many distinct vectors the corpus holds (for the test's report). */
export const VECTOR_COUNTS = { markup: MARKUP.length, markdown: MARKDOWN.length, websites: WEBSITES.length };
