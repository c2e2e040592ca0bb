/**
 * @module The admin area in chromium over real HTTP: sign in with the keyboard, the dashboard, sign
 * out; no serious axe-core violations on either page; the session cookie is HttpOnly.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { hashPassword } from "../../src/accounts/passwords.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createLogger } from "../../src/log.ts";
import { type Db, openDb } from "../../src/storage/db.ts";
import { migrateToLatest } from "../../src/storage/migrate.ts";
import { createUser } from "../../src/storage/users.ts";
import { buildApp } from "../../src/web/app.tsx";
import {
  browserSkipReason,
  launchBrowser,
  seriousAxeViolations,
  type TestBrowser,
} from "../support/browser.ts";
import { sqliteTestDatabase } from "../support/databases.ts";

const PASSWORD = "a browser passphrase";

describe("the admin area in chromium", { skip: browserSkipReason() }, () => {
  let browser: TestBrowser;
  let app: ReturnType<typeof buildApp>;
  let db: Db;
  let url = "";
  const tdb = sqliteTestDatabase();
  before(async () => {
    db = openDb(tdb.url);
    await migrateToLatest(db);
    await createUser(
      db.kysely,
      {
        email: "mod@example.test",
        name: "Mo",
        passwordHash: await hashPassword(PASSWORD),
        role: "moderator",
      },
      new Date(),
    );
    const config = loadConfig({});
    app = buildApp({
      db: db.kysely,
      config,
      log: createLogger("silent"),
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    await tdb.drop();
  });

  test("sign in with the keyboard, reach the dashboard, sign out; both pages pass axe", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${url}/admin`);
    assert.equal(new URL(page.url()).pathname, "/admin/sign-in");
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByLabel("Email").fill("mod@example.test");
    await page.getByLabel("Password").fill("wrong password!");
    await page.keyboard.press("Enter");
    await page.waitForLoadState();
    assert.match((await page.getByRole("alert").textContent()) ?? "", /email or password is wrong/);
    assert.deepEqual(await seriousAxeViolations(page), [], "the page with its error");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${url}/admin`);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Admin");
    assert.deepEqual(await seriousAxeViolations(page), []);
    const cookie = (await browser.context.cookies(url)).find((c) => c.name === "newsdesk_session");
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, "Lax");
    assert.equal(await page.evaluate(() => document.cookie.includes("newsdesk_session")), false);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/admin\/sign-in\?signed_out=1$/);
    assert.match((await page.getByRole("status").textContent()) ?? "", /You have signed out/);
    await page.goto(`${url}/admin`);
    assert.equal(new URL(page.url()).pathname, "/admin/sign-in", "signed out for real");
    assert.deepEqual(browser.blocked, []);
    await page.close();
  });
});
