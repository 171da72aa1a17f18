import { describe, expect, it } from "vitest";
import { walkableOf, WorldDefinition } from "../../../shared/world";
import { arrivalSpeed, STOP_RADIUS_METRES } from "../../../server/steering";
import { fixtureWorld } from "../../support/worlds";
import { steeringRoom } from "./scriptedOwner";

const open = walkableOf(WorldDefinition.parse(fixtureWorld("open", "beta", { obstacles: [] })));

describe("arrivalSpeed", () => {
  it("is zero inside the stop radius, grows with the distance left, and is capped", () => {
    expect(arrivalSpeed(STOP_RADIUS_METRES, 2)).toBe(0);
    expect(arrivalSpeed(0, 2)).toBe(0);
    const speeds = [0.2, 0.4, 0.8, 1.6].map((d) => arrivalSpeed(d, 10));
    expect(speeds).toEqual([...speeds].sort((a, b) => a - b));
    expect(new Set(speeds).size).toBe(4);
    expect(arrivalSpeed(100, 2.2)).toBe(2.2);
  });
});

describe("arriving at its place", () => {
  it("slows down smoothly and stops for good: no overshoot, no jitter", () => {
    const room = steeringRoom(open);
    const { companion } = room.join("ann", 0, 0, 0);
    // Put it 5 m off, behind and to the right; the owner stands still facing +z.
    companion.x = -4;
    companion.z = -3;
    const track: { x: number; z: number; speed: number }[] = [];
    for (let t = 0; t < 200; t++) {
      room.tick();
      track.push({ x: companion.x, z: companion.z, speed: companion.speed });
    }
    const end = track.at(-1)!;
    // Its place: beside and a little behind, inside the band.
    expect(Math.hypot(end.x, end.z)).toBeGreaterThanOrEqual(1);
    expect(Math.hypot(end.x, end.z)).toBeLessThanOrEqual(1.5);
    expect(end.x).toBeLessThan(0);
    // Distance to where it ends never grows: it never overshoots and comes back.
    const left = track.map((p) => Math.hypot(p.x - end.x, p.z - end.z));
    for (let i = 1; i < left.length; i++) expect(left[i]!).toBeLessThanOrEqual(left[i - 1]! + 1e-9);
    // Once it stands, it stays standing: speed 0 and not a millimetre of drift.
    const stopped = track.findIndex((p) => p.speed === 0);
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(100);
    for (const p of track.slice(stopped)) expect(p).toEqual({ x: end.x, z: end.z, speed: 0 });
    // And it slowed down on the way in rather than stopping dead from a run.
    const peak = Math.max(...track.map((p) => p.speed));
    expect(peak).toBeGreaterThan(1);
    expect(track[stopped - 3]!.speed).toBeLessThan(peak / 2);
  });

  it("does not circle round an owner who turns on the spot", () => {
    const room = steeringRoom(open);
    const { companion } = room.join("ann", 0, 0, 0);
    for (let t = 0; t < 40; t++) room.tick();
    const settled = { x: companion.x, z: companion.z };
    for (let t = 0; t < 200; t++) {
      room.place("ann", 0, 0, (t / 200) * 2 * Math.PI);
      room.tick();
      expect({ x: companion.x, z: companion.z }).toEqual(settled);
    }
  });

  it("stands still while its owner shuffles about on the spot", () => {
    const room = steeringRoom(open);
    const { companion } = room.join("ann", 0, 0, 0);
    for (let t = 0; t < 40; t++) room.tick();
    const settled = { x: companion.x, z: companion.z };
    // Forward and back by up to 0.4 m at under 1 m/s, like someone adjusting where they stand.
    for (let t = 0; t < 300; t++) {
      room.place("ann", 0, 0.4 * Math.sin(t * 0.1), 0);
      room.tick();
      expect({ x: companion.x, z: companion.z }).toEqual(settled);
    }
  });

  it("stops beside an owner who stops, and stays stopped", () => {
    const room = steeringRoom(open);
    const { owner, companion } = room.join("ann", -6, 0, Math.PI / 2);
    for (let t = 0; t < 100; t++) {
      room.place("ann", Math.min(4, -6 + t * 0.11), 0, Math.PI / 2);
      room.tick();
    }
    const speeds: number[] = [];
    for (let t = 0; t < 100; t++) {
      room.tick();
      speeds.push(companion.speed);
    }
    const stop = speeds.indexOf(0);
    expect(stop).toBeGreaterThanOrEqual(0);
    expect(speeds.slice(stop).every((s) => s === 0)).toBe(true);
    const distance = Math.hypot(companion.x - owner.x, companion.z - owner.z);
    expect(distance).toBeGreaterThanOrEqual(1);
    expect(distance).toBeLessThanOrEqual(1.5);
  });
});
