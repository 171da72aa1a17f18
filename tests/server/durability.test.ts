import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinAsCompanionOwner } from "../../bench/support/companionOwner";
import { startServerProcess, type ServerProcess } from "../../bench/support/serverProcess";
import { ServerMessage, type ChatEvent, type CompanionDoneEvent } from "../../shared/protocol";
import { openPglite } from "../../server/storage";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer } from "../support/scriptedLlmServer";
import { makeTempDir } from "./support/tempDir";

const LINES = [
  "I planted tulips by the garden wall today",
  "My brother Teo is visiting from Lisbon next week",
  "The lantern festival starts on Friday evening",
  "I finally fixed the squeaky bike chain",
  "Remember that I am allergic to hazelnuts",
];

let llm: ScriptedLlmServer;
const temp = makeTempDir("kindred-durability-");
const servers: ServerProcess[] = [];

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(
    { KINDRED_LLM: "openai", KINDRED_LLM_BASE_URL: llm.baseURL, KINDRED_LLM_MODEL: llm.model, LOG_LEVEL: "warn" },
    { dataDir: temp.path },
  );
  servers.push(server);
  return server;
}

beforeAll(async () => {
  llm = await startScriptedLlmServer();
  llm.fallback = streamOf("Noted, I will remember that.");
});
afterAll(async () => {
  // A server the test did not get to stop (a failure half-way) must not outlive it.
  for (const server of servers) await server.kill().catch(() => undefined);
  await llm.close();
  temp.remove();
});

describe("durability", () => {
  it("keeps every acknowledged line, and the replies said before, when the server is killed right after the last echo", { timeout: 180_000 }, async () => {
    const first = await start();
    const owner = await joinAsCompanionOwner(first.url, "Dana", "plaza");
    const acknowledged: string[] = [];
    const replies: string[] = [];
    const chats: ChatEvent[] = [];
    const dones: CompanionDoneEvent[] = [];
    const arrived = new Set<() => void>();
    const notify = () => arrived.forEach((check) => check());
    owner.room.onMessage(ServerMessage.Chat, (event: ChatEvent) => (chats.push(event), notify()));
    owner.room.onMessage(ServerMessage.CompanionDone, (event: CompanionDoneEvent) => (dones.push(event), notify()));
    const until = <T>(find: () => T | undefined) =>
      Promise.race([
        owner.refused,
        new Promise<T>((resolve) => {
          const check = () => {
            const found = find();
            if (found === undefined) return;
            arrived.delete(check);
            resolve(found);
          };
          arrived.add(check);
          check();
        }),
      ]);

    // A line is acknowledged by its chat echo, which the room sends once the line is stored.
    // Every line but the last is answered first, so its reply (written after its `done`) is kept
    // too; the last is killed right after its echo, before the companion has said anything.
    for (const [index, text] of LINES.entries()) {
      owner.room.send("chat", { text });
      await until(() => chats.find((chat) => chat.text === text));
      acknowledged.push(text);
      if (index === LINES.length - 1) break;
      const reply = await until(() => dones.filter((done) => done.companionId === owner.companionId)[index]);
      replies.push(reply.text);
    }
    await first.kill();

    // A restart on the same data folder recovers the database (the start itself must succeed).
    const second = await start();
    await second.stop();

    const db = await openPglite({ dataDir: path.join(temp.path, "db") });
    try {
      const rows = await db.query<{ text: string }>(
        "SELECT text FROM memories WHERE kind = 'episode' AND companion_id = $1",
        [owner.companionId],
      );
      const episodes = rows.map((r) => r.text);
      expect(episodes).toEqual(expect.arrayContaining(acknowledged));
      for (const reply of replies) expect(episodes.some((text) => text.startsWith(reply))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
