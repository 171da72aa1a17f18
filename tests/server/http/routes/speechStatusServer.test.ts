import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SpeechStatus } from "../../../../shared/speech";
import { makeTempDir } from "../../support/tempDir";
import { startTestServer, type TestServer } from "../../support/testServer";
import { writeTinyWhisperModel } from "../../../support/tinyWhisperModel";

const temp = makeTempDir("kindred-asr-server-");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ asrModel: writeTinyWhisperModel(path.join(temp.path, "tiny-whisper")) });
});

afterAll(async () => {
  await server?.stop();
  temp.remove();
});

async function speechStatus(): Promise<SpeechStatus> {
  const response = await fetch(`${server.url}/api/speech/status`);
  expect(response.status).toBe(200);
  return (await response.json()) as SpeechStatus;
}

describe("GET /api/speech/status on a running server", () => {
  it("loads the configured Whisper model at start, in the background, and reports it ready", async () => {
    await vi.waitFor(async () => expect((await speechStatus()).asr).toEqual({ available: true }), { timeout: 60_000, interval: 100 });
    expect((await speechStatus()).tts).toEqual({ engine: "none" });
  }, 90_000);
});
