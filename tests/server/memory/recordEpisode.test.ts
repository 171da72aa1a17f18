import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkFollowing, storeEpisode } from "../../../server/memory/recordEpisode";
import type { Database } from "../../../server/storage";
import { addOwner, openMemoryDatabase } from "./memoryFixtures";

let db: Database;
beforeAll(async () => {
  db = await openMemoryDatabase();
});
afterAll(async () => {
  await db.close();
});

const context = async (id: string) =>
  (await db.query<{ before_text: string; after_text: string }>("SELECT before_text, after_text FROM memories WHERE id = $1", [id]))[0];

describe("storeEpisode and linkFollowing", () => {
  it("stores an episode with its predecessor's text; the predecessor gets the new text once linked", async () => {
    const scope = await addOwner(db);
    const first = await storeEpisode(db, { ...scope, text: "Which instrument are you learning?", speaker: "Kin" });
    expect(first.previousId).toBeUndefined();
    const second = await storeEpisode(db, { ...scope, text: "The cello, for two years now", speaker: "Alice" });
    expect(second.previousId).toBe(first.id);
    expect(await context(second.id)).toEqual({ before_text: "Which instrument are you learning?", after_text: "" });
    expect(await context(first.id)).toEqual({ before_text: "", after_text: "" });
    await linkFollowing(db, first.id, second.id);
    expect((await context(first.id))!.after_text).toBe("The cello, for two years now");
  });

  it("links the follower's text as it reads at link time: edited since, or deleted since", async () => {
    const scope = await addOwner(db);
    const first = await storeEpisode(db, { ...scope, text: "I went to the market" });
    const second = await storeEpisode(db, { ...scope, text: "My code is 4411" });
    await db.query("UPDATE memories SET text = 'My code is secret' WHERE id = $1", [second.id]);
    await linkFollowing(db, second.previousId!, second.id);
    expect((await context(first.id))!.after_text).toBe("My code is secret");

    const third = await storeEpisode(db, { ...scope, text: "Forget I said that" });
    await db.query("DELETE FROM memories WHERE id = $1", [third.id]);
    await linkFollowing(db, third.previousId!, third.id);
    expect((await context(second.id))!.after_text).toBe("");
  });

  it("leaves reflections and milestones unlinked", async () => {
    const scope = await addOwner(db);
    await storeEpisode(db, { ...scope, text: "Hello there" });
    const reflection = await storeEpisode(db, { ...scope, kind: "reflection", text: "We said hello" });
    expect(reflection.previousId).toBeUndefined();
    expect(await context(reflection.id)).toEqual({ before_text: "", after_text: "" });
  });
});
