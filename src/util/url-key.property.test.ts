/**
 * @module Property tests of urlKey, articleUrlKey and outletHost (issue 15): they never throw on any
 * string; a key is a normal form (keying it again as a URL gives it back), the same for http and
 * https, for any order of the query and with tracking parameters added.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fuzzParams, hostileText } from "../../test/support/fuzz.ts";
import { articleUrlKey, outletHost, urlKey } from "./url-key.ts";

const seg = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "amp",
      "AMP",
      "a",
      "news",
      "2026",
      "story.amp.html",
      "x.html",
      "",
      ".",
      "..",
      "%41",
      "%2F",
      "é",
      "a b",
    ),
    weight: 3,
  },
  { arbitrary: hostileText(8), weight: 1 },
);
const host = fc.oneof(
  fc.constantFrom(
    "example.test",
    "www.example.test",
    "WWW.Example.TEST",
    "amp.example.test",
    "www.amp.example.test",
    "amp.www.example.test",
    "www.",
    "www.www.example.test",
    "example.test.",
    "www-example-test.cdn.ampproject.org",
    "127.0.0.1",
    "[::1]",
    "xn--nxasmq6b.test",
    "bücher.test",
    "a",
  ),
  fc.domain(),
);
const param = fc.tuple(
  fc.oneof(
    fc.constantFrom(
      "utm_source",
      "UTM_Medium",
      "fbclid",
      "amp",
      "outputType",
      "output",
      "id",
      "p",
      "q",
      "_ga",
      "",
    ),
    hostileText(5),
  ),
  fc.oneof(fc.constantFrom("", "amp", "AMP", "1", "a b", "x&y", "=", "%20"), hostileText(5)),
);

/** URL-shaped strings: every part the key looks at, often odd. */
const urlShaped = fc
  .tuple(
    fc.constantFrom("http://", "https://", "HTTPS://", "ftp://", "javascript:", "//", ""),
    host,
    fc.constantFrom("", ":80", ":443", ":8080", ":0", ":65535", ":99999"),
    fc.array(seg, { maxLength: 5 }),
    fc.constantFrom("", "/", "//"),
    fc.array(param, { maxLength: 4 }),
    fc.constantFrom("", "#", "#frag", "#a?b=c"),
  )
  .map(([scheme, h, port, segs, tail, params, frag]) => {
    const ampCache = h.endsWith(".cdn.ampproject.org") ? "/c/s/www.example.test" : "";
    const query = params.length > 0 ? `?${params.map(([k, v]) => `${k}=${v}`).join("&")}` : "";
    return `${scheme}${h}${port}${ampCache}/${segs.join("/")}${tail}${query}${frag}`;
  });

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the URL parser trims.
const URL_TRIMMED = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

const anyString = fc.oneof(urlShaped, hostileText(60), fc.string({ unit: "binary", maxLength: 60 }));

test("urlKey, articleUrlKey and outletHost never throw, and a key has no scheme, fragment or tracking", () => {
  fc.assert(
    fc.property(anyString, fc.option(anyString), anyString, (a, b, c) => {
      const key = urlKey(a);
      if (key !== null) {
        assert.doesNotMatch(key, /^[a-z]+:\/\//i, "no scheme");
        assert.ok(!key.includes("#"), `no fragment: ${key}`);
        assert.doesNotMatch(key, /[?&](utm_[^=&]*|fbclid|gclid|_ga)=/i, `no tracking: ${key}`);
      }
      articleUrlKey(b, a, c);
      articleUrlKey(a, null, b);
      outletHost(b, a);
    }),
    fuzzParams(0x0e1, 3000),
  );
});

test("urlKey is a normal form: the key read again as a URL keys to itself", () => {
  fc.assert(
    fc.property(urlShaped, (url) => {
      const key = urlKey(url);
      if (key === null) return;
      // The contract removes one `www.`, one `amp.` host prefix, one last `/amp` segment and one
      // `.amp` before `.html`: a key still showing one of these (from "www.www.", "/amp/amp") may
      // lose it when keyed again, by design. Every other key is a fixed point.
      const [hostPart = "", ...rest] = key.split(/(?=[/?])/);
      const path = rest.join("").split("?")[0] ?? "";
      fc.pre(!/^(www|amp)\./i.test(hostPart) && !/(\/amp|\.amp\.html?)$/i.test(path));
      assert.equal(urlKey(`https://${key}`), key, `${url} -> ${key}`);
    }),
    fuzzParams(0x0e2, 3000),
  );
});

test("urlKey ignores the scheme, the order of the query and added tracking parameters", () => {
  fc.assert(
    fc.property(
      urlShaped,
      fc.constantFrom("utm_source=x", "fbclid=1", "gclid=z&utm_campaign=y"),
      (url, tracking) => {
        const key = urlKey(url);
        if (key === null || !/^https?:\/\//i.test(url)) return;
        assert.equal(
          urlKey(url.replace(/^https?:/i, (s) => (s.toLowerCase() === "http:" ? "https:" : "http:"))),
          key,
        );
        // Trimmed first as urlKey (String.trim) and the URL parser (C0 controls) trim: a parameter appended after them would keep them.
        const [beforeHash, ...hash] = url.trim().replace(URL_TRIMMED, "").split("#");
        const withTracking = `${beforeHash}${beforeHash!.includes("?") ? "&" : "?"}${tracking}${hash.length ? `#${hash.join("#")}` : ""}`;
        assert.equal(urlKey(withTracking), key, withTracking);
      },
    ),
    fuzzParams(0x0e3, 2000),
  );
});

test("urlKey does not depend on the order of the query's parameters", () => {
  fc.assert(
    fc.property(fc.array(param, { maxLength: 6 }), (params) => {
      const encode = (ps: Array<[string, string]>) => new URLSearchParams(ps).toString();
      assert.equal(
        urlKey(`https://example.test/a?${encode([...params].reverse())}`),
        urlKey(`https://example.test/a?${encode(params)}`),
      );
    }),
    fuzzParams(0x0e4, 1000),
  );
});
