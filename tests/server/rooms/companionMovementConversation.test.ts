import { describe, expect, it } from "vitest";
import { defaultPersona } from "../../../shared/persona";
import { angleBetween } from "../../../server/steering";
import { guestToken } from "../support/testServer";
import { hearCompanions, untilState } from "./roomTestClient";
import { companionOf, companionRoomHarness, doneCount, gate } from "./companionRoomHarness";

const harness = companionRoomHarness();

describe("a companion's body while it talks", () => {
  it("faces whoever speaks to it, shows the gesture for its duration, and is speaking until the reply is over", async () => {
    const token = await guestToken(harness.server.url, "Ann");
    const ann = await harness.client.join("Ann", { token });
    const renamed = await fetch(`${harness.server.url}/api/companions/${companionOf(ann).id}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...defaultPersona(), name: "Pip" }),
    });
    expect(renamed.status).toBe(200);
    const bob = await harness.client.join("Bob");
    // Bob steps off the spawn point, to Pip's other side.
    bob.send("move", { x: 0.7, y: 0, z: 0, yaw: 0, pitch: 0 });
    bob.send("move", { x: 1.4, y: 0, z: 0, yaw: 0, pitch: 0 });
    const pip = () => bob.state.companions.get(ann.sessionId)!;
    await untilState(bob, () => pip().name === "Pip" && bob.state.players.get(bob.sessionId)!.x > 1.39, "Pip's name and Bob's step");

    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["[wave] Hello Bob.", { pause: held.pause }, " Bye now."] });
    const hears = hearCompanions(bob);
    bob.send("chat", { text: "Pip, hello!" });

    const bobAt = () => bob.state.players.get(bob.sessionId)!;
    const facingBob = () => Math.abs(angleBetween(pip().yaw, Math.atan2(bobAt().x - pip().x, bobAt().z - pip().z)));
    await untilState(bob, () => pip().attention === bob.sessionId && pip().speaking && pip().gesture === "wave", "Pip to wave at Bob");
    await untilState(bob, () => facingBob() < 0.01 && pip().speed === 0, "Pip to turn to Bob");
    // The wave ends on its own, while Pip still has more to say.
    await untilState(bob, () => pip().gesture === "", "the wave to end");
    expect(pip().speaking).toBe(true);
    expect(pip().attention).toBe(bob.sessionId);

    held.open();
    await hears.until(() => doneCount(hears.heard) === 1, "the reply to end");
    await untilState(bob, () => !pip().speaking && pip().attention === "", "Pip back to its owner");
    expect(hears.of(pip().id).at(-1)).toMatchObject({ kind: "done", text: "Hello Bob. Bye now.", interrupted: false });
  });
});
