import { describe, expect, it } from "vitest";
import { createOwnerLedger } from "../../../server/memory";
import { streamOf } from "../../support/scriptedLlmServer";
import { memorySessionBed, owner as alice } from "./memorySessionBed";

const bed = memorySessionBed();
const mindWith = (useModel: boolean) => bed.memory({ model: bed.model(), useModel, reflectEveryLines: 3 });
const sessionOptions = () => bed.sessionOptions("Alice");
const memoriesOf = (companionId: string) => bed.db.query<{ kind: string; text: string }>("SELECT kind, text FROM memories WHERE companion_id = $1 ORDER BY seq", [companionId]);
const relationshipOf = (companionId: string) => bed.db.query<{ interactions: number }>("SELECT interactions FROM relationships WHERE companion_id = $1", [companionId]);

describe("forgetting reaches the sessions open now", () => {
  it("never writes back a summary on its way when everything was forgotten, nor the relationship", async () => {
    const mind = mindWith(true);
    const options = await sessionOptions();
    const session = await mind.open(options);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    bed.llm.enqueue(streamOf('{"facts": []}'), { type: "stream", pieces: [{ pause: held }, "Alice told me her code word, Zephyrine."] });
    session.heard(alice(options.ownerId), "My code word is Zephyrine.");
    session.replied({ text: "I'll keep it.", interrupted: false, actions: [], to: alice(options.ownerId) });
    // Three lines: the summary is asked for, and held. The first memory write of a database
    // also loads and plans the word-count triggers (migration 008): a loaded machine needs more than 1 s.
    await expect.poll(() => bed.llm.requests.length, { timeout: 5000 }).toBe(2);

    const ledger = createOwnerLedger({ db: bed.db, forgetting: mind.forgetting });
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
