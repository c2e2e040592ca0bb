/**
 * @module The browser page table against the route table, without a browser: every page the browser
 * suites open has its route, so a route that disappears fails here instead of turning a page's tests
 * into "todo".
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { casesWithoutRoute, type PageCase } from "./page-table.ts";

test("every page of the browser suites has its route in src/web/routes.ts", () => {
  assert.deepEqual(casesWithoutRoute(), []);
});

test("a page whose route is gone is reported, not skipped", () => {
  const gone: PageCase = {
    name: "gone",
    route: "/no-such-route",
    path: () => "/no-such-route",
    status: 200,
    mustShow: [],
  };
  assert.deepEqual(casesWithoutRoute([gone]), ["gone: no GET /no-such-route route in src/web/routes.ts"]);
});
