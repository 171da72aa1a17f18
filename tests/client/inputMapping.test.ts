import { describe, expect, it } from "vitest";
import { actionForKey, createIntent, intentFromActions, isTextEntryTarget, type MoveAction } from "../../client/player/inputMapping";

describe("actionForKey", () => {
  it("maps WASD and the arrows to the same movements", () => {
    expect(actionForKey("KeyW")).toBe("forward");
    expect(actionForKey("ArrowUp")).toBe("forward");
    expect(actionForKey("KeyS")).toBe("back");
    expect(actionForKey("ArrowDown")).toBe("back");
    expect(actionForKey("KeyA")).toBe("left");
    expect(actionForKey("ArrowLeft")).toBe("left");
    expect(actionForKey("KeyD")).toBe("right");
    expect(actionForKey("ArrowRight")).toBe("right");
  });

  it("maps either Shift to running and ignores unrelated keys", () => {
    expect(actionForKey("ShiftLeft")).toBe("run");
    expect(actionForKey("ShiftRight")).toBe("run");
    expect(actionForKey("KeyZ")).toBeNull();
    expect(actionForKey("Enter")).toBeNull();
  });
});

describe("intentFromActions", () => {
  const intent = (...held: MoveAction[]) => intentFromActions(new Set(held), createIntent());

  it("is still with nothing held", () => {
    expect(intent()).toEqual({ forward: 0, right: 0, run: false, turn: 0 });
  });

  it("does not go faster diagonally", () => {
    const i = intent("forward", "right");
    expect(Math.hypot(i.forward, i.right)).toBeCloseTo(1);
    expect(i.forward).toBeGreaterThan(0);
    expect(i.right).toBeGreaterThan(0);
  });

  it("cancels opposite keys", () => {
    const i = intent("forward", "back", "left");
    expect(i.forward).toBe(0);
    expect(i.right).toBe(-1);
  });

  it("reports running and keyboard turning", () => {
    const i = intent("back", "run", "turnLeft");
    expect(i.forward).toBe(-1);
    expect(i.run).toBe(true);
    expect(i.turn).toBe(-1);
  });
});

describe("isTextEntryTarget", () => {
  it("recognises text fields and editable elements", () => {
    expect(isTextEntryTarget({ tagName: "INPUT" } as unknown as EventTarget)).toBe(true);
    expect(isTextEntryTarget({ tagName: "TEXTAREA" } as unknown as EventTarget)).toBe(true);
    expect(isTextEntryTarget({ tagName: "DIV", isContentEditable: true } as unknown as EventTarget)).toBe(true);
  });

  it("leaves the page and canvas to the controls", () => {
    expect(isTextEntryTarget({ tagName: "CANVAS" } as unknown as EventTarget)).toBe(false);
    expect(isTextEntryTarget({ tagName: "BODY", isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTextEntryTarget(null)).toBe(false);
  });
});
