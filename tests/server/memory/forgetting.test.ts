import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { estimateTokens } from "../../../server/companion";
import { createOpenAIProvider } from "../../../server/llm";
import { createLogger } from "../../../server/logging";
import { createCompanionMemory, createOwnerLedger, type MemorySessionOptions } from "../../../server/memory";
import type { Database } from "../../../server/storage";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer } from "../../support/scriptedLlmServer";
import { addOwner, openMemoryDatabase } from "./memoryFixtures";

let db: Database;
let llm: ScriptedLlmServer;
const log = createLogger("silent");

beforeAll(async () => {
  db = await openMemoryDatabase();
  llm = await startScriptedLlmServer();
});
beforeEach(() => llm.reset());
afterAll(async () => {
  await db.close();
  await llm.close();
});

const mindWith = (useModel: boolean) =>
  createCompanionMemory({
    db, log, model: createOpenAIProvider({ baseURL: llm.baseURL, model: llm.model }), useModel, reflectEveryLines: 3, recallBudgetTokens: 600, estimateTokens,
  });

async function sessionOptions(): Promise<MemorySessionOptions> {
  const scope = await addOwner(db, "Alice");
  return { ...scope, ownerName: "Alice", companionName: () => "Kin", world: "plaza", worldName: "the Plaza", place: () => "Fountain" };
}

const alice = (id: string) => ({ name: "Alice", isOwner: true, id });
const memoriesOf = (companionId: string) => db.query<{ kind: string; text: string }>("SELECT kind, text FROM memories WHERE companion_id = $1 ORDER BY seq", [companionId]);
const relationshipOf = (companionId: string) => db.query<{ interactions: number }>("SELECT interactions FROM relationships WHERE companion_id = $1", [companionId]);

describe("forgetting reaches the sessions open now", () => {
  it("never writes back a summary on its way when everything was forgotten, nor the relationship", async () => {
    const mind = mindWith(true);
    const options = await sessionOptions();
    const session = await mind.open(options);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    llm.enqueue(streamOf('{"facts": []}'), { type: "stream", pieces: [{ pause: held }, "Alice told me her code word, Zephyrine."] });
    session.heard(alice(options.ownerId), "My code word is Zephyrine.");
    session.replied({ text: "I'll keep it.", interrupted: false, actions: [], to: alice(options.ownerId) });
    // Three lines: the summary is asked for, and held. The first memory write of a database
    // also loads and plans the word-count triggers (migration 008): a loaded machine needs more than 1 s.
    await expect.poll(() => llm.requests.length, { timeout: 5000 }).toBe(2);

    const ledger = createOwnerLedger({ db, forgetting: mind.forgetting });
    expect(await ledger.forgetEverything({ ownerId: options.ownerId, companionId: options.companionId })).toMatchObject({ relationship: true });
    release();
    await session.end();
    await mind.close();

    expect(await memoriesOf(options.companionId)).toEqual([]);
    expect(await relationshipOf(options.companionId)).toEqual([]);
  });

  it("changes nothing live when the change fails, and says why", async () => {
    const mind = mindWith(false);
    const options = await sessionOptions();
    const session = await mind.open(options);
    session.heard(alice(options.ownerId), "I like kites.");
    const scope = { ownerId: options.ownerId, companionId: options.companionId };
    await expect(mind.forgetting.everything(scope, () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    session.heard(alice(options.ownerId), "And paper boats.");
    await session.end();

    expect(await relationshipOf(options.companionId)).toEqual([{ interactions: 2 }]);
    expect((await memoriesOf(options.companionId)).map((m) => m.text)).toContain("I like kites.");
  });
});
