import { afterEach, describe, expect, it } from "vitest";
import { PlayerState, WorldState } from "../../../shared/state";
import { eyeHeight, HEAD_HEIGHT } from "../../../client/companions/personPosition";
import { useConnection, type WorldRoom } from "../../../client/net";

function roomWith(sessionId: string, headHeight: number): WorldRoom {
  const state = new WorldState();
  const player = new PlayerState({ userId: "u", name: "Vera", x: 0, y: 0, z: 0, yaw: 0, pitch: 0 });
  player.xr.headHeight = headHeight;
  state.players.set(sessionId, player);
  return { state } as unknown as WorldRoom;
}

describe("where a companion looks: its person's eyes", () => {
  afterEach(() => useConnection.setState({ room: null }));

  it("uses the headset's real eye height from the room state, seated or standing", () => {
    useConnection.setState({ room: roomWith("s-1", 1.18) });
    expect(eyeHeight("s-1")).toBeCloseTo(1.18, 3);
    useConnection.setState({ room: roomWith("s-1", 1.74) });
    expect(eyeHeight("s-1")).toBeCloseTo(1.74, 3);
  });

  it("falls back to a standing person's eyes without a headset, or for someone unknown", () => {
    useConnection.setState({ room: roomWith("s-1", 0) });
    expect(eyeHeight("s-1")).toBe(HEAD_HEIGHT);
    expect(eyeHeight("s-2")).toBe(HEAD_HEIGHT);
    useConnection.setState({ room: null });
    expect(eyeHeight("s-1")).toBe(HEAD_HEIGHT);
  });
});
