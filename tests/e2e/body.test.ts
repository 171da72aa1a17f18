import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanionView, KindredHandle } from "../../client/automation/kindredHandle";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../support/scriptedLlmServer";
import { launchChromium } from "./support/chromium";
import { startTestServer, type TestServer } from "./support/kindredServer";
import { novelColourFraction, regionDifference } from "./support/pixels";
import { projectedBox } from "./support/screenProjection";
import { waitForOwnCompanionToSettle } from "./support/companionSettle";

const VIEWPORT = { width: 800, height: 600 };
/** Radians the camera orbits per pixel dragged (client/player/pointerLook.ts). */
const YAW_PER_PIXEL = 0.0055;

/** Bodies in the browser: companions beside their people, faces that show feelings, people as VRMs. */
describe("bodies", () => {
  let kindred: TestServer;
  let llm: ScriptedLlmServer;
  let browser: Browser;
  let alice: Page;
  /** Console warnings and errors of every page, in order. */
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    llm = await startScriptedLlmServer();
    kindred = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model });
    browser = await launchChromium();
    alice = await openAs("Alice", "sol");
  });

  afterAll(async () => {
    await browser?.close();
    await kindred?.close();
    await llm?.close();
  });

  /** Enters the plaza as `name`, picking `avatar` on the name screen. */
  async function openAs(name: string, avatar: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    page.on("console", (message) => {
      if (message.type() === "warning" || message.type() === "error") consoleProblems.push(message.text());
    });
    await page.goto(kindred.server.url);
    await page.getByTestId("name-input").fill(name);
    await page.getByTestId(`avatar-option-${avatar}`).click();
    await page.getByTestId("join-button").click();
    await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
    return page;
  }

  const handle = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__kindred)) as KindredHandle);

  /** The page owner's own companion, once its VRM has loaded and it is drawn. */
  async function ownCompanion(page: Page): Promise<CompanionView> {
    await page.waitForFunction(
      () => {
        const k = window.__kindred!;
        return Object.values(k.companions).some((c) => c.ownerId === k.userId && c.loaded && c.visible);
      },
      undefined,
      { timeout: 60_000 },
    );
    const k = await handle(page);
    return Object.values(k.companions).find((c) => c.ownerId === k.userId)!;
  }

  /** Lets a few frames render, so a screenshot shows the latest state. */
  async function frames(page: Page, count: number): Promise<void> {
    const start = await page.evaluate(() => window.__kindred!.frame.count);
    await page.waitForFunction((until) => window.__kindred!.frame.count >= until, start + count, { timeout: 30_000 });
  }

  /** Drags on the canvas until the camera's orbit yaw is `yaw` (within a few degrees). */
  async function turnCameraTo(page: Page, yaw: number): Promise<void> {
    const now = (await handle(page)).camera.yaw;
    const turn = Math.atan2(Math.sin(yaw - now), Math.cos(yaw - now));
    // Dragging right turns the view right: the orbit yaw decreases.
    const dx = -turn / YAW_PER_PIXEL;
    const x = VIEWPORT.width / 2 - dx / 2;
    const y = VIEWPORT.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y, { steps: 12 });
    await page.mouse.up();
    await frames(page, 2);
    const reached = (await handle(page)).camera.yaw;
    expect(Math.abs(Math.atan2(Math.sin(yaw - reached), Math.cos(yaw - reached)))).toBeLessThan(0.1);
  }

  /** The background around a body's box: beyond its arms and skirt, before its neighbours. */
  const bodyRing = (box: { width: number }) => ({ gap: Math.ceil(box.width * 0.6), band: Math.max(8, Math.ceil(box.width * 0.4)) });

  it("Alice's companion stands beside her, drawn where it stands", async () => {
    const companion = await ownCompanion(alice);
    const k = await handle(alice);
    expect(k.self.avatar).toBe("sol");
    const apart = Math.hypot(companion.x - k.self.x, companion.z - k.self.z);
    expect(apart).toBeGreaterThan(0.5);
    expect(apart).toBeLessThan(2.2);

    await frames(alice, 3);
    const shot = await alice.screenshot();
    const view = await handle(alice);
    const seen = view.companions[Object.keys(view.companions).find((id) => view.companions[id]!.ownerId === view.userId)!]!;
    const body = projectedBox(view.camera, seen, { ...seen, y: seen.y + 1.6 }, 0.25, VIEWPORT.width, VIEWPORT.height);
    expect(body, "the companion projects onto the screen").not.toBeNull();
    // A body has colours of its own; the ground and sky around it continue into an empty box.
    expect(await novelColourFraction(alice, shot, body!, bodyRing(body!))).toBeGreaterThan(0.15);
  });

  it("the companion's body gets the shipped VRMA clips (gestures, idle variations), and every one loads", async () => {
    await ownCompanion(alice);
    const fetched = await alice.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((entry) => entry.name.endsWith(".vrma"))
        .map((entry) => ({ name: entry.name.slice(entry.name.lastIndexOf("/") + 1), status: entry.responseStatus })),
    );
    // Built file names are <clip>-<content hash>.vrma.
    const names = fetched.map((f) => f.name.split("-")[0]).sort();
    expect(names).toEqual(["lookAround", "nod", "shake", "shiftWeight", "stretch", "wave"]);
    expect(fetched.every((f) => f.status === 200)).toBe(true);
    expect(consoleProblems.filter((text) => text.includes("animation clip"))).toEqual([]);
  });

  it("after Alice walks 10 m, her companion settles 1–2 m from her", async () => {
    // Face away from the fountain (spawn looks at it), towards the open street behind.
    await turnCameraTo(alice, (await handle(alice)).self.yaw + Math.PI);
    const start = (await handle(alice)).self;
    await alice.keyboard.down("w");
    await alice.waitForFunction(
      ({ x, z }) => Math.hypot(window.__kindred!.self.x - x, window.__kindred!.self.z - z) >= 10,
      { x: start.x, z: start.z },
      { timeout: 60_000 },
    );
    await alice.keyboard.up("w");
    await waitForOwnCompanionToSettle(alice, 30_000);
    const k = await handle(alice);
    expect(Math.hypot(k.self.x - start.x, k.self.z - start.z)).toBeGreaterThanOrEqual(10);
    const own = Object.values(k.companions).find((c) => c.ownerId === k.userId)!;
    const apart = Math.hypot(own.x - k.self.x, own.z - k.self.z);
    expect(apart).toBeGreaterThanOrEqual(1.0);
    expect(apart).toBeLessThanOrEqual(2.0);
  });

  it("a [happy] reply makes the companion's face happy", async () => {
    const companion = await ownCompanion(alice);
    // Look at its face: the camera goes round to the side it faces.
    await turnCameraTo(alice, companion.yaw + Math.PI);
    await frames(alice, 3);
    const before = await alice.screenshot();
    const view = await handle(alice);
    const face = view.companions[Object.keys(view.companions).find((id) => view.companions[id]!.ownerId === view.userId)!]!;
    expect(face.expressions.happy ?? 0).toBeLessThan(0.2);

    llm.enqueue({ type: "stream", pieces: ["[happy] That", " makes me", " so glad!"], delayMs: 20 });
    await alice.getByTestId("chat-input").fill("I brought you flowers");
    await alice.getByTestId("chat-input").press("Enter");
    await alice.waitForFunction(
      () => {
        const k = window.__kindred!;
        return Object.values(k.companions).some((c) => c.ownerId === k.userId && (c.expressions.happy ?? 0) > 0.5);
      },
      undefined,
      { timeout: 30_000 },
    );
    const after = await alice.screenshot();
    const region = projectedBox(
      view.camera,
      { x: face.head.x, y: face.head.y - 0.14, z: face.head.z },
      { x: face.head.x, y: face.head.y + 0.14, z: face.head.z },
      0.14,
      VIEWPORT.width,
      VIEWPORT.height,
    );
    expect(region, "the face projects onto the screen").not.toBeNull();
    const changed = await regionDifference(alice, before, after, region!);
    expect(changed.changedFraction).toBeGreaterThan(0.02);
  });

  it("two people see each other as VRM people, each with a companion", { timeout: 240_000 }, async () => {
    const bob = await openAs("Bob", "kit");
    try {
      await bob.waitForFunction(
        () => {
          const k = window.__kindred!;
          const others = Object.values(k.players);
          return others.length === 1 && others[0]!.loaded && Object.values(k.companions).filter((c) => c.loaded).length === 2;
        },
        undefined,
        { timeout: 60_000 },
      );
      await alice.waitForFunction(
        () => Object.values(window.__kindred!.players).some((p) => p.name === "Bob" && p.loaded),
        undefined,
        { timeout: 60_000 },
      );
      const [a, b] = [await handle(alice), await handle(bob)];
      expect(Object.values(b.players).map((p) => [p.name, p.avatar])).toEqual([["Alice", "sol"]]);
      expect(Object.values(a.players).map((p) => [p.name, p.avatar])).toEqual([["Bob", "kit"]]);
      expect(b.self).toMatchObject({ avatar: "kit", loaded: true });

      // Bob turns to Alice and sees her body where she stands.
      const seen = Object.values(b.players)[0]!;
      await turnCameraTo(bob, Math.atan2(seen.x - b.self.x, seen.z - b.self.z));
      await frames(bob, 3);
      const shot = await bob.screenshot();
      const view = await handle(bob);
      const her = Object.values(view.players)[0]!;
      const body = projectedBox(view.camera, her, { ...her, y: her.y + 1.6 }, 0.25, VIEWPORT.width, VIEWPORT.height);
      expect(body, "Alice projects onto Bob's screen").not.toBeNull();
      expect(await novelColourFraction(bob, shot, body!, bodyRing(body!))).toBeGreaterThan(0.15);
    } finally {
      await bob.context().close();
    }
  });
});
