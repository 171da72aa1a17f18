import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { startScriptedLlmServer, type ScriptedLlmServer } from "../../support/scriptedLlmServer";
import type { StartServerOptions } from "../../../server/app";
import { startTestServer, type TestServer } from "../support/testServer";
import { roomTestClient, type Heard, type Joined } from "./roomTestClient";

export interface CompanionRoomHarness {
  llm: ScriptedLlmServer;
  server: TestServer;
  client: ReturnType<typeof roomTestClient>;
}

/**
 * A real server whose companions think with a scripted model, for one test file: started once,
 * the model's script and the joined rooms reset between tests. `options` (read when the server
 * starts) adds server options, such as a database the test reads.
 */
export function companionRoomHarness(options: () => StartServerOptions | Promise<StartServerOptions> = () => ({})): CompanionRoomHarness {
  const harness = {} as CompanionRoomHarness;
  beforeAll(async () => {
    harness.llm = await startScriptedLlmServer();
    harness.server = await startTestServer({ llmMode: "openai", llmBaseUrl: harness.llm.baseURL, llmModel: harness.llm.model, ...(await options()) });
    harness.client = roomTestClient(harness.server);
  });
  beforeEach(() => harness.llm.reset());
  afterEach(() => harness.client.cleanup());
  afterAll(async () => {
    await harness.server.stop();
    await harness.llm.close();
  });
  return harness;
}

/** A pause for a scripted stream, and the function that ends it. */
export function gate(): { pause: Promise<void>; open: () => void } {
  let open!: () => void;
  return { pause: new Promise<void>((resolve) => (open = resolve)), open };
}

export const companionOf = (room: Joined) => room.state.companions.get(room.sessionId)!;
export const doneCount = (heard: Heard[]) => heard.filter((event) => event.kind === "done").length;
