/** @module Charset decoding from BOM, HTTP header, XML declaration and meta, for every listed encoding. */
import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { decodeText } from "./decode-text.ts";

/** One sample per encoding, in a script that encoding exists for. */
const SAMPLES: Array<[string, string]> = [
  ["utf-8", "Grüße, 日本語, مرحبا, Привет"],
  ["windows-1252", "Café “quoted” – €5"],
  ["iso-8859-1", "Café à la carte"],
  ["iso-8859-2", "Zażółć gęślą jaźń"],
  ["iso-8859-5", "Привет мир"],
  ["iso-8859-7", "Καλημέρα κόσμε"],
  ["iso-8859-8", "שלום עולם"],
  ["iso-8859-9", "İstanbul ağzı"],
  ["iso-8859-15", "Œuvre coûte 5 €"],
  ["iso-8859-16", "Știri din București"],
  ["windows-1251", "Новости дня"],
  ["windows-1256", "أخبار اليوم"],
  ["koi8-r", "Новости дня"],
  ["koi8-u", "Новини дня, ґанок"],
  ["shift_jis", "今日のニュース"],
  ["euc-jp", "今日のニュース"],
  ["euc-kr", "오늘의 뉴스"],
  ["gb18030", "今日新闻"],
  ["gbk", "今日新闻"],
  ["big5", "今日新聞"],
];

const ascii = (s: string) => Buffer.from(s, "latin1");

test("each encoding is decoded from the HTTP header, an XML declaration and a meta tag", () => {
  for (const [enc, text] of SAMPLES) {
    const body = iconv.encode(text, enc);
    assert.equal(decodeText(body, `text/html; charset=${enc}`), text, `${enc} from header`);
    const xml = Buffer.concat([ascii(`<?xml version="1.0" encoding="${enc}"?><t>`), body, ascii("</t>")]);
    assert.equal(
      decodeText(xml, "application/rss+xml"),
      `<?xml version="1.0" encoding="${enc}"?><t>${text}</t>`,
      `${enc} from xml`,
    );
    const meta = Buffer.concat([ascii(`<html><head><meta charset="${enc}"></head><body>`), body]);
    assert.ok(decodeText(meta, "text/html").endsWith(text), `${enc} from meta charset`);
    const equiv = Buffer.concat([
      ascii(`<meta http-equiv="Content-Type" content="text/html; charset=${enc}"><p>`),
      body,
    ]);
    assert.ok(decodeText(equiv, null).endsWith(text), `${enc} from http-equiv`);
  }
});

test("a byte-order mark wins over the header and the document", () => {
  const text = "Grüße 日本";
  const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  assert.equal(decodeText(utf8, "text/html; charset=iso-8859-1"), text);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
  assert.equal(decodeText(le, "text/xml; charset=utf-8"), text);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
  assert.equal(decodeText(be, null), text);
});

test("the header wins over the document's own declaration", () => {
  const body = Buffer.concat([ascii('<meta charset="utf-8">'), iconv.encode("Привет", "koi8-r")]);
  assert.ok(decodeText(body, "text/html; charset=koi8-r").endsWith("Привет"));
});

test("no declaration: UTF-8 when the bytes are UTF-8, else windows-1252", () => {
  assert.equal(decodeText(Buffer.from("<p>naïve café</p>"), "text/html"), "<p>naïve café</p>");
  assert.equal(decodeText(iconv.encode("<p>naïve café</p>", "windows-1252"), null), "<p>naïve café</p>");
});

test("no declaration and East Asian text: GBK, Big5, Shift_JIS and EUC-KR are detected, not read as windows-1252", () => {
  const pages: Array<[string, string]> = [
    ["gbk", "市政府今天宣布，新的地铁线路将于明年春天开通。市民表示欢迎，但也担心施工期间的交通问题。"],
    ["big5", "市政府今天宣布，新的捷運路線將於明年春天開通。市民表示歡迎，但也擔心施工期間的交通問題。"],
    [
      "shift_jis",
      "市は今日、新しい地下鉄の路線が来年の春に開業すると発表しました。市民は歓迎していますが、工事中の交通を心配しています。",
    ],
    [
      "euc-kr",
      "시청은 오늘 새 지하철 노선이 내년 봄에 개통된다고 발표했습니다. 시민들은 환영했지만 공사 중 교통 문제를 걱정하고 있습니다.",
    ],
  ];
  for (const [encoding, text] of pages) {
    const html = `<html><head><title>${text.slice(0, 12)}</title></head><body><p>${text}</p><p>${text}</p></body></html>`;
    assert.equal(decodeText(iconv.encode(html, encoding), null), html, encoding);
  }
});

test("invalid bytes and unknown labels never throw", () => {
  const bad = Buffer.from([0x3c, 0x70, 0x3e, 0xc3, 0x28, 0xff, 0xfe, 0x80, 0x3c]);
  assert.equal(decodeText(bad, "text/html; charset=utf-8"), "<p>\uFFFD(\uFFFD\uFFFD\uFFFD<");
  assert.equal(typeof decodeText(bad, "text/html; charset=no-such-charset"), "string");
  assert.equal(decodeText(Buffer.alloc(0), null), "");
  assert.equal(typeof decodeText(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), "image/jpeg"), "string");
});

test("a meta charset after the first 1,024 bytes still decides, when the bytes are not UTF-8", () => {
  const text = "今日新闻";
  const padding = `<script>${"var x = 1;\n".repeat(200)}</script>`;
  const page = Buffer.concat([
    ascii(
      `<html><head>${padding}<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>`,
    ),
    iconv.encode(text, "gbk"),
  ]);
  assert.ok(decodeText(page, null).endsWith(text));
  // Valid UTF-8 stays UTF-8 whatever a late meta says; a late meta in the body is not read.
  const utf8 = Buffer.concat([
    ascii(`<html><head>${padding}<meta charset="gb2312"></head>`),
    Buffer.from(text),
  ]);
  assert.ok(decodeText(utf8, null).endsWith(text));
  const inBody = Buffer.concat([
    ascii(`<html><head>${padding}</head><body><meta charset="gb2312">`),
    Buffer.from("Café", "latin1"),
  ]);
  assert.ok(decodeText(inBody, null).endsWith("Café"));
});
