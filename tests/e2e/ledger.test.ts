import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamOf } from "../support/scriptedLlmServer";
import { joinWithScriptedCompanion, type PersonWithCompanion } from "./support/personWithCompanion";

/** The owner tells their companion things, then reads and edits what it remembers in the ledger. */
describe("the memory ledger", () => {
  let world: PersonWithCompanion;
  let page: Page;

  beforeAll(async () => {
    world = await joinWithScriptedCompanion("Dara");
    world.llm.fallback = streamOf("[happy] I will remember that.");
    page = world.page;
  });

  afterAll(async () => {
    await world?.close();
  });

  async function say(text: string) {
    await page.getByTestId("chat-input").fill(text);
    await page.getByTestId("chat-input").press("Enter");
    await page.locator(".chat-line", { hasText: "I will remember that." }).nth(0).waitFor({ timeout: 20_000 });
  }

  it("opens with M and shows the facts, memories and the first meeting", async () => {
    await say("I live in Lisbon.");
    await say("The lighthouse at night reminds me of my grandmother.");
    // Leave the chat field so M opens the ledger instead of typing.
    await page.getByTestId("chat-input").press("Escape");
    await page.keyboard.press("m");
    const panel = page.getByTestId("ledger-panel");
    await panel.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId("ledger-facts").innerText(), { timeout: 10_000 }).toContain("Lisbon");
    const memories = page.getByTestId("ledger-memories");
    await expect.poll(() => memories.innerText(), { timeout: 10_000 }).toContain("The lighthouse at night reminds me of my grandmother.");
    expect(await page.getByTestId("ledger-relationship").innerText()).toMatch(/met/i);
  });

  it("searches, and forgets one memory for good", async () => {
    await page.getByRole("searchbox", { name: "search memories" }).fill("lighthouse");
    const memories = page.getByTestId("ledger-memories");
    await expect.poll(() => memories.locator("li").count(), { timeout: 10_000 }).toBe(1);
    await memories.getByRole("button", { name: "forget this memory" }).click();
    await page.locator(".ledger-empty", { hasText: "Nothing here." }).waitFor({ timeout: 10_000 });

    await page.getByRole("searchbox", { name: "search memories" }).fill("");
    await expect.poll(() => memories.innerText(), { timeout: 10_000 }).toContain("I live in Lisbon.");
    expect(await memories.innerText()).not.toContain("lighthouse");
    // Gone on the server too, not only from the list.
    const found = await page.evaluate(async () => {
      const identities = JSON.parse(localStorage.getItem("kindred.identities") ?? "{}") as Record<string, { token: string }>;
      const headers = { Authorization: `Bearer ${identities["dara"]!.token}` };
      const mine = (await (await fetch("/api/companions/mine", { headers })).json()) as { id: string };
      const answer = (await (await fetch(`/api/companions/${mine.id}/memories?q=lighthouse`, { headers })).json()) as { memories: unknown[] };
      return answer.memories.length;
    });
    expect(found).toBe(0);
  });
});
