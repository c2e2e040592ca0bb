/**
 * @module The comments acceptance test in chromium over real HTTP: a reader posts and sees it wait; a
 * moderator in another browser signs in, finds it in the queue (axe-clean) and approves it; the
 * reader sees it with the count, replies (the address is approved now, so the reply shows at once),
 * and the thread nests the reply and counts two.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { hashPassword } from "../../src/accounts/passwords.ts";
import { createUser } from "../../src/storage/users.ts";
import {
  browserSkipReason,
  launchBrowser,
  screenshotWidths,
  seriousAxeViolations,
  type TestBrowser,
} from "../support/browser.ts";
import { type Site, startSite } from "./fixture-site.ts";

const PASSWORD = "moderator passphrase";
const READER = { name: "Rita Reader", email: "rita@example.org" };

describe("comments from posting to approval in chromium", { skip: browserSkipReason() }, () => {
  let readerBrowser: TestBrowser;
  let modBrowser: TestBrowser;
  let site: Site;
  before(async () => {
    // Every cached page is checked against the data version on each request, and the form may be sent at once.
    [readerBrowser, modBrowser, site] = await Promise.all([
      launchBrowser(),
      launchBrowser(),
      startSite({
        NEWSDESK_PAGE_CACHE_CHECK_MS: "0",
        NEWSDESK_COMMENT_MIN_SECONDS: "0",
        NEWSDESK_COMMENTS_CLOSE_AFTER_DAYS: "0",
      }),
    ]);
    await createUser(
      site.db,
      {
        email: "mod@example.test",
        name: "Mo",
        passwordHash: await hashPassword(PASSWORD),
        role: "moderator",
      },
      new Date(),
    );
  });
  after(async () => {
    await readerBrowser?.close();
    await modBrowser?.close();
    await site?.close();
  });

  async function fillReply(page: Page, text: string) {
    const form = page.locator("form.comment-form");
    await form.getByLabel("Name").fill(READER.name);
    await form.getByLabel("Email", { exact: false }).first().fill(READER.email);
    await form.getByLabel("Comment").fill(text);
    await form.getByRole("button", { name: "Post comment" }).click();
    await page.waitForLoadState();
  }

  const count = async (page: Page) =>
    ((await page.locator("main .comment-count").first().textContent()) ?? "").trim();

  test("post, wait, approve, see it counted, reply, see the reply nested and counted", async () => {
    const reader = await readerBrowser.context.newPage();
    const article = site.url + site.paths.article;
    await reader.goto(article);
    assert.equal(await reader.getByRole("heading", { name: "Leave a reply" }).count(), 1);
    await fillReply(reader, "The new *cycle lane* is a real improvement.");
    assert.match(new URL(reader.url()).search, /comment=held/);
    // The post lands on #comments: the notice must be there, in view, not thousands of pixels above.
    const notice = reader.locator("#comments [role=status]");
    assert.match((await notice.textContent()) ?? "", /will appear here once a moderator has approved it/);
    const box = await notice.boundingBox();
    const viewport = reader.viewportSize();
    assert.ok(box && viewport, "the notice is rendered");
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the notice is in view (top ${box.y})`);
    assert.equal(await reader.locator("#comments .comment").count(), 0, "not public yet");
    await reader.goto(article);
    assert.equal(await reader.locator("#comments .comment").count(), 0, "not public on a fresh load either");
    await screenshotWidths(reader, "comments-flow", "article-waiting");

    const mod = await modBrowser.context.newPage();
    await mod.goto(`${site.url}/admin/comments`);
    assert.equal(new URL(mod.url()).pathname, "/admin/sign-in");
    await mod.getByLabel("Email").fill("mod@example.test");
    await mod.getByLabel("Password").fill(PASSWORD);
    await mod.keyboard.press("Enter");
    await mod.waitForURL(`${site.url}/admin/comments`);
    const row = mod.locator(".mod-item").filter({ hasText: READER.email });
    assert.equal(await row.count(), 1, "the comment waits in the queue, with its email for the moderator");
    assert.match((await row.textContent()) ?? "", /first comment from this email address/);
    assert.deepEqual(await seriousAxeViolations(mod), [], "the moderation page passes axe");
    await screenshotWidths(mod, "comments-flow", "moderation-queue");
    await row.getByRole("button", { name: `Approve comment by ${READER.name}` }).click();
    await mod.waitForURL(/done=approved/);
    assert.equal((await mod.getByRole("status").textContent())?.trim(), "1 comment approved");
    assert.equal(await mod.locator(".mod-item").count(), 0, "the pending queue is empty");
    assert.deepEqual(await seriousAxeViolations(mod), [], "the page with its notice");

    await reader.reload();
    const first = reader.locator("#comments .comment").filter({ hasText: "cycle lane" });
    assert.equal(await first.count(), 1, "the approved comment is public");
    assert.equal(await first.locator("em").textContent(), "cycle lane");
    assert.equal(await count(reader), "1 comment");

    await first.getByRole("link", { name: `Reply to ${READER.name}` }).click();
    await reader.waitForLoadState();
    assert.match(new URL(reader.url()).search, /replyto=\d+/);
    await fillReply(reader, "Replying to myself: the lane opens at six.");
    assert.match(new URL(reader.url()).hash, /^#comment-\d+$/, "an approved address's reply shows at once");
    const nested = reader.locator("#comments .comment .replies .comment").filter({ hasText: "opens at six" });
    assert.equal(await nested.count(), 1, "the reply is nested under the comment");
    assert.equal(await count(reader), "2 comments");
    await screenshotWidths(reader, "comments-flow", "article-thread");
    assert.deepEqual([...readerBrowser.blocked, ...modBrowser.blocked], []);
  });
});
