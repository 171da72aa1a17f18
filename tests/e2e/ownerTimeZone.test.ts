import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../server/storage";
import { openTestDatabase } from "../server/support/database";
import { launchChromium } from "./support/chromium";
import { startTestServer, type TestServer } from "./support/kindredServer";

/** The browser tells the server its time zone when joining; memory keeps it for its owner. */
describe("the player's time zone", () => {
  let db: Database;
  let kindred: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    db = await openTestDatabase();
    kindred = await startTestServer({ database: db });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await kindred?.close();
  });

  it("reaches the server from a browser in Auckland and is remembered for its player", async () => {
    const context = await browser.newContext({ viewport: { width: 640, height: 480 }, timezoneId: "Pacific/Auckland" });
    const page = await context.newPage();
    await page.goto(kindred.server.url);
    await page.getByTestId("name-input").fill("Aroha");
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
    await vi.waitFor(
      async () => expect(await db.query("SELECT name, time_zone FROM users WHERE name = 'Aroha'")).toEqual([{ name: "Aroha", time_zone: "Pacific/Auckland" }]),
      { timeout: 10_000, interval: 100 },
    );
    await context.close();
  });
});
