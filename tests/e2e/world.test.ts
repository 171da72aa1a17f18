import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KindredHandle } from "../../client/automation/kindredHandle";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../support/scriptedLlmServer";
import { launchChromium } from "./support/chromium";
import { startTestServer, type TestServer } from "./support/kindredServer";
import { pixelStats } from "./support/pixels";

/** Two people, each in their own browser profile, meet in the plaza. */
describe("two people in the plaza", () => {
  let kindred: TestServer;
  let llm: ScriptedLlmServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    kindred = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model });
    browser = await launchChromium();
    alice = await openAs("Alice");
    bob = await openAs("Bob");
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await kindred?.close();
    await llm?.close();
  });

  async function openAs(name: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 640, height: 480 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(kindred.server.url);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
    return page;
  }

  const handle = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__kindred)) as KindredHandle);

  it("each sees the other", async () => {
    for (const page of [alice, bob]) {
      await page.waitForFunction(() => Object.keys(window.__kindred?.players ?? {}).length === 1, undefined, { timeout: 20_000 });
    }
    const [a, b] = [await handle(alice), await handle(bob)];
    expect(a.worldId).toBe("plaza");
    expect(a.connection).toBe("connected");
    expect(Object.values(a.players).map((p) => p.name)).toEqual(["Bob"]);
    expect(Object.values(b.players).map((p) => p.name)).toEqual(["Alice"]);
  });

  it("when one walks, the other sees them arrive where they went", async () => {
    const before = await handle(alice);
    await alice.locator("canvas").first().click({ position: { x: 320, y: 180 } });
    await alice.keyboard.down("w");
    // Software rendering runs at a few frames a second: hold the key until she has walked 2 m.
    await alice.waitForFunction(
      ({ x, z }) => {
        const self = window.__kindred!.self;
        return Math.hypot(self.x - x, self.z - z) > 2;
      },
      { x: before.self.x, z: before.self.z },
      { timeout: 30_000 },
    );
    await alice.keyboard.up("w");
    await alice.waitForTimeout(500);
    const after = await handle(alice);
    expect(Math.hypot(after.self.x - before.self.x, after.self.z - before.self.z)).toBeGreaterThan(2);

    // Bob's rendered copy of Alice converges on where Alice stands.
    await bob.waitForFunction(
      ({ sessionId, x, z }) => {
        const seen = window.__kindred?.players[sessionId];
        return !!seen && Math.hypot(seen.x - x, seen.z - z) < 0.3;
      },
      { sessionId: after.sessionId, x: after.self.x, z: after.self.z },
      { timeout: 10_000 },
    );
  });

  it("chat reaches the other person with its sender", async () => {
    await alice.getByTestId("chat-input").fill("  hello from the fountain  ");
    await alice.getByTestId("chat-input").press("Enter");
    await bob.waitForFunction(() => (window.__kindred?.chat ?? []).some((c) => c.text === "hello from the fountain"), undefined, {
      timeout: 10_000,
    });
    const line = (await handle(bob)).chat.find((c) => c.text === "hello from the fountain")!;
    expect(line.name).toBe("Alice");
  });

  it("Alice's companion answers her, and Bob reads it too", async () => {
    llm.enqueue({ type: "stream", pieces: ["[happy] Hi", " Alice!", " The fountain", " is lovely today."], delayMs: 20 });
    await alice.getByTestId("chat-input").fill("Hi Wren");
    await alice.getByTestId("chat-input").press("Enter");
    const reply = "Hi Alice! The fountain is lovely today.";
    for (const page of [alice, bob]) {
      const line = page.locator(".chat-line", { hasText: reply });
      await line.waitFor({ timeout: 20_000 });
      expect(await line.locator(".chat-name").innerText()).toBe("Wren");
    }
    // What Alice said reached the model as her words.
    expect(JSON.stringify(llm.requests.at(-1)?.body.messages)).toContain("Hi Wren");
  });

  it("renders a scene, not a blank or single-colour canvas", async () => {
    const png = await alice.screenshot();
    const stats = await pixelStats(alice, png);
    expect(stats.distinctColours).toBeGreaterThan(200);
    expect(stats.lumaStdDev).toBeGreaterThan(10);
  });

  it("a reload is the same person", async () => {
    const before = await handle(bob);
    await bob.reload();
    // The browser remembers the guest: its name comes back, and continuing keeps the user id.
    await expect.poll(() => bob.getByTestId("name-input").inputValue(), { timeout: 10_000 }).toBe("Bob");
    await bob.getByTestId("join-button").click();
    await bob.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
    expect((await handle(bob)).userId).toBe(before.userId);
  });
});
