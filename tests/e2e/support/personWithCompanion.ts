import type { Browser, Page } from "playwright-core";
import type { StartServerOptions } from "../../../server/app";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../../support/scriptedLlmServer";
import { launchChromium } from "./chromium";
import { startTestServer, type TestServer } from "./kindredServer";

/** One person in the plaza in Chromium, with a companion that thinks with a scripted model. */
export interface PersonWithCompanion {
  kindred: TestServer;
  llm: ScriptedLlmServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** What a test adds: server settings (voice, speech recognition) and Chromium flags (a fake microphone). */
export interface CompanionWorldOptions {
  server?: StartServerOptions;
  chromiumArgs?: string[];
}

export async function joinWithScriptedCompanion(name: string, options: CompanionWorldOptions = {}): Promise<PersonWithCompanion> {
  const llm = await startScriptedLlmServer();
  const kindred = await startTestServer({ llmMode: "openai", llmBaseUrl: llm.baseURL, llmModel: llm.model, ...options.server });
  const browser = await launchChromium(options.chromiumArgs);
  const page = await (await browser.newContext({ viewport: { width: 800, height: 640 } })).newPage();
  await page.goto(kindred.server.url);
  await page.getByTestId("name-input").fill(name);
  await page.getByTestId("join-button").click();
  await page.waitForFunction(() => window.__kindred?.ready === true, undefined, { timeout: 60_000 });
  return {
    kindred,
    llm,
    browser,
    page,
    async close() {
      await browser.close();
      await kindred.close();
      await llm.close();
    },
  };
}
