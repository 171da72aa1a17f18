import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KindredHandle } from "../../client/automation/kindredHandle";
import type { ScriptedLlmServer } from "../support/scriptedLlmServer";
import { joinWithScriptedCompanion, type PersonWithCompanion } from "./support/personWithCompanion";

interface CompanionView {
  version: number;
  persona: { name: string; bigFive: { openness: number } };
}

/** The owner edits their companion in the persona panel; the server and the room follow. */
describe("the persona panel", () => {
  let world: PersonWithCompanion;
  let llm: ScriptedLlmServer;
  let page: Page;

  beforeAll(async () => {
    world = await joinWithScriptedCompanion("Cara");
    ({ llm, page } = world);
  });

  afterAll(async () => {
    await world?.close();
  });

  const self = () => page.evaluate(() => ({ ...window.__kindred!.self }) as KindredHandle["self"]);

  /** What the server holds, asked with the token the client keeps in localStorage. */
  const storedCompanion = () =>
    page.evaluate(async () => {
      const identities = JSON.parse(localStorage.getItem("kindred.identities") ?? "{}") as Record<string, { token: string }>;
      const response = await fetch("/api/companions/mine", { headers: { Authorization: `Bearer ${identities["cara"]!.token}` } });
      return (await response.json()) as CompanionView;
    });

  it("opens with P, and a saved edit becomes the next version", async () => {
    await page.keyboard.press("p");
    const name = page.getByTestId("persona-name");
    await expect.poll(() => name.inputValue(), { timeout: 10_000 }).toBe("Wren");

    const before = await self();
    await name.fill("Juniper");
    // Arrow keys walk the player elsewhere; in the panel they only move the slider (0.8 → 0.6).
    await page.getByTestId("persona-bigFive.openness").focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    // Keys pressed on the panel's buttons stay there too: W held for a few frames walks nowhere.
    await page.getByTestId("persona-save").focus();
    const frame = await page.evaluate(() => window.__kindred!.frame.count);
    await page.keyboard.down("w");
    await page.waitForFunction((start) => window.__kindred!.frame.count >= start + 5, frame, { timeout: 30_000 });
    await page.keyboard.up("w");
    await page.getByTestId("persona-save").click();
    await page.getByTestId("persona-notice").filter({ hasText: "Saved — version 2" }).waitFor({ timeout: 10_000 });

    const after = await self();
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.01);
    const stored = await storedCompanion();
    expect(stored.version).toBe(2);
    expect(stored.persona.name).toBe("Juniper");
    expect(stored.persona.bigFive.openness).toBeCloseTo(0.6, 5);
  });

  it("an empty name is marked beside the field and never sent", async () => {
    const puts: string[] = [];
    const recordPut = (request: Request) => {
      if (request.method() === "PUT") puts.push(request.url());
    };
    page.on("request", recordPut);
    await page.getByTestId("persona-name").fill("");
    await expect.poll(() => page.locator(".persona-field.invalid .persona-error").innerText()).toBe("must not be empty");
    expect(await page.getByTestId("persona-save").isDisabled()).toBe(true);
    await page.getByTestId("persona-pronouns").press("Enter");
    const stored = await storedCompanion();
    expect(stored.version).toBe(2);
    expect(stored.persona.name).toBe("Juniper");
    page.off("request", recordPut);
    expect(puts).toEqual([]);
  });

  it("a save over an edit made elsewhere asks to reload instead of overwriting it", async () => {
    await page.evaluate(async () => {
      const { token } = (JSON.parse(localStorage.getItem("kindred.identities")!) as Record<string, { token: string }>)["cara"]!;
      const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
      const mine = (await (await fetch("/api/companions/mine", { headers })).json()) as { id: string; persona: object };
      const body = JSON.stringify({ ...mine.persona, pronouns: "they/them" });
      await fetch(`/api/companions/${mine.id}`, { method: "PUT", headers, body });
    });
    await page.getByTestId("persona-name").fill("Juniper");
    await page.getByTestId("persona-save").click();
    await page.getByTestId("persona-notice").filter({ hasText: "changed elsewhere" }).waitFor({ timeout: 10_000 });
    expect((await storedCompanion()).version).toBe(3);

    await page.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => page.getByTestId("persona-pronouns").inputValue(), { timeout: 10_000 }).toBe("they/them");
    await page.getByTestId("persona-name").press("Escape");
    await page.getByTestId("persona-panel").waitFor({ state: "detached" });
  });

  it("the companion speaks under its new name, with the new persona", async () => {
    llm.enqueue({ type: "stream", pieces: ["[happy] Juniper", " it is,", " from now on."], delayMs: 10 });
    await page.getByTestId("chat-input").fill("Do you like your new name?");
    await page.getByTestId("chat-input").press("Enter");
    const line = page.locator(".chat-line", { hasText: "Juniper it is, from now on." });
    await line.waitFor({ timeout: 20_000 });
    expect(await line.locator(".chat-name").innerText()).toBe("Juniper");
    expect(JSON.stringify(llm.requests.at(-1)?.body.messages)).toContain("Juniper");
  });
});
