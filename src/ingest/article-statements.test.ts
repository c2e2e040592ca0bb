import assert from "node:assert/strict";
import { test } from "node:test";
import { articleStatements, MAX_ATTRIBUTION_CHARS } from "./article-statements.ts";

const quiet = { warn() {} };

test("an article's statements are extracted from its stored text, offsets into it", () => {
  const text =
    '"We will rebuild the hall by spring," the ferry company\'s director, Ines Varga, said on Friday.';
  const found = articleStatements(text, "Harbor Herald", quiet) ?? [];
  assert.equal(found.length, 1);
  const s = found[0]!;
  assert.equal(s.source, "Ines Varga");
  assert.equal(s.kind, "direct");
  assert.equal(text.slice(s.start, s.end), s.statement);
});

test("text past the cap is not searched, so a runaway page cannot hold up ingest", () => {
  const filler = "Lorem ipsum dolor sit amet. ".repeat(Math.ceil(MAX_ATTRIBUTION_CHARS / 28));
  const text = `${filler}\n\n"This comes too late," Ines Varga said.`;
  assert.deepEqual(articleStatements(text, null, quiet), []);
});
