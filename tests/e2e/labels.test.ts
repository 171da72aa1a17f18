import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { joinWithScriptedCompanion, type PersonWithCompanion } from "./support/personWithCompanion";
import { projectToScreen } from "./support/screenProjection";

/** Height of a name tag above the feet of a body of the usual size (client/people/bodyParts.ts tagY). */
const TAG_HEIGHT = 1.98;

interface LabelOnScreen {
  text: string;
  centreX: number;
  centreY: number;
  opacity: number;
  visibility: string;
}

/** Every floating label on the page containing `selector`, with where its box is drawn. */
async function labels(page: Page, selector: string): Promise<LabelOnScreen[]> {
  return page.evaluate((inner) => {
    return [...document.querySelectorAll<HTMLElement>(".floating-label")]
      .filter((label) => label.querySelector(inner))
      .map((label) => {
        const box = label.getBoundingClientRect();
        const style = getComputedStyle(label);
        return {
          text: label.textContent ?? "",
          centreX: box.left + box.width / 2,
          centreY: box.top + box.height / 2,
          opacity: Number(style.opacity),
          visibility: style.visibility,
        };
      });
  }, selector);
}

/** The own companion's place and the camera, read in one go (one frame). */
async function ownCompanionView(page: Page) {
  return page.evaluate(() => {
    const k = window.__kindred!;
    const companion = Object.values(k.companions).find((c) => c.ownerId === k.userId);
    return { companion, camera: k.camera, viewport: { width: window.innerWidth, height: window.innerHeight } };
  });
}

/** Floating labels in the browser: names over heads, bubbles over speakers, placed where the bodies are drawn. */
describe("floating labels", () => {
  let world: PersonWithCompanion;

  beforeAll(async () => {
    world = await joinWithScriptedCompanion("Alice");
    await world.page.waitForFunction(() => {
      const k = window.__kindred!;
      return Object.values(k.companions).some((c) => c.ownerId === k.userId && c.visible && c.name !== "");
    });
  }, 120_000);

  afterAll(async () => {
    await world?.close();
  });

  it("shows the companion's name above its head, where it stands on the screen", async () => {
    const { page } = world;
    const { companion } = await ownCompanionView(page);
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll<HTMLElement>(".floating-label")].some(
          (label) => label.textContent?.includes(name) && getComputedStyle(label).visibility === "visible" && Number(getComputedStyle(label).opacity) > 0.9,
        ),
      companion!.name,
      { timeout: 20_000 },
    );
    // Wait for it to stand still, so the label and the body are read for the same place.
    await page.waitForFunction(() => Object.values(window.__kindred!.companions).every((c) => c.speed < 0.05), undefined, { timeout: 30_000 });
    const view = await ownCompanionView(page);
    const tags = (await labels(page, ".name-tag")).filter((tag) => tag.text.includes(view.companion!.name));
    expect(tags).toHaveLength(1);
    const c = view.companion!;
    const head = projectToScreen(view.camera, { x: c.x, y: c.y + TAG_HEIGHT, z: c.z }, view.viewport.width, view.viewport.height);
    const feet = projectToScreen(view.camera, c, view.viewport.width, view.viewport.height);
    expect(head, "the companion is in front of the camera").not.toBeNull();
    expect(Math.abs(tags[0]!.centreX - head!.x)).toBeLessThan(40);
    // Above its head (the tag floats at head height and above), well above its feet.
    expect(tags[0]!.centreY).toBeLessThan(feet!.y - 40);
    expect(Math.abs(tags[0]!.centreY - head!.y)).toBeLessThan(60);
  });

  it("shows what Alice says above her, and the companion's reply above its name", async () => {
    const { page, llm } = world;
    llm.enqueue({ type: "stream", pieces: ["Hello there", ", Alice."], delayMs: 20 });
    await page.getByTestId("chat-input").fill("good morning");
    await page.getByTestId("chat-input").press("Enter");
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>(".floating-label")].some(
          (label) => label.textContent?.includes("Hello there") && getComputedStyle(label).visibility === "visible",
        ),
      undefined,
      { timeout: 30_000 },
    );
    const view = await ownCompanionView(page);
    const bubbles = await labels(page, ".chat-bubble");
    const own = bubbles.find((b) => b.text.includes("good morning"));
    const reply = bubbles.find((b) => b.text.includes("Hello there"));
    expect(own, "Alice's words float above her").toBeDefined();
    expect(reply, "the reply floats above the companion").toBeDefined();
    const tag = (await labels(page, ".name-tag")).find((t) => t.text.includes(view.companion!.name))!;
    expect(Math.abs(reply!.centreX - tag.centreX)).toBeLessThan(40);
    expect(reply!.centreY).toBeLessThan(tag.centreY);
  });
});
