import { describe, expect, it } from "vitest";
import { PerspectiveCamera, Vector3 } from "three";
import { hiddenPlacement, placeLabel, writePlacement, type LabelPlacement, type PlacementStyle } from "../../../client/labels/labelPlacement";
import type { LabelFit } from "../../../client/labels/labelScale";

const WIDTH = 960;
const HEIGHT = 540;
const FIT: LabelFit = { naturalAt: 6, minScale: 0.7, maxScale: 1.1, show: { near: 0, far: 40, fade: 8 } };

/** A camera at eye height at the origin, looking down −Z. */
function camera(): PerspectiveCamera {
  const c = new PerspectiveCamera(50, WIDTH / HEIGHT, 0.1, 500);
  c.position.set(0, 1.6, 0);
  c.lookAt(0, 1.6, -10);
  c.updateWorldMatrix(true, false);
  return c;
}

const place = (at: [number, number, number], layer = 30) => placeLabel(new Vector3(...at), camera(), WIDTH, HEIGHT, FIT, layer, hiddenPlacement());

/** A style that counts its writes. */
function countingStyle(): PlacementStyle & { writes: number } {
  const values: Record<string, string> = { translate: "", scale: "", opacity: "", visibility: "", zIndex: "" };
  const style = { writes: 0 } as PlacementStyle & { writes: number };
  for (const name of Object.keys(values)) {
    Object.defineProperty(style, name, {
      get: () => values[name],
      set: (value: string) => {
        values[name] = value;
        style.writes++;
      },
    });
  }
  return style;
}

describe("placeLabel", () => {
  it("puts a label straight ahead at the centre of the view, fully visible", () => {
    const p = place([0, 1.6, -6]);
    expect(p.x).toBeCloseTo(WIDTH / 2);
    expect(p.y).toBeCloseTo(HEIGHT / 2);
    expect(p.opacity).toBe(1);
    expect(p.scale).toBeCloseTo(1);
  });

  it("puts a label to the right and above the sight line right of and above the centre", () => {
    const p = place([2, 3, -6]);
    expect(p.x).toBeGreaterThan(WIDTH / 2);
    expect(p.y).toBeLessThan(HEIGHT / 2);
    expect(p.opacity).toBe(1);
  });

  it("hides a label behind the camera instead of mirroring it onto the view", () => {
    expect(place([0, 1.6, 6]).opacity).toBe(0);
  });

  it("hides a label far outside the view", () => {
    expect(place([30, 1.6, -2]).opacity).toBe(0);
  });

  it("hides a label beyond its visibility window", () => {
    expect(place([0, 1.6, -60]).opacity).toBe(0);
  });

  it("stacks by layer first, then nearer over farther", () => {
    const nearName = place([0, 1.6, -3], 30);
    const farName = place([0, 1.6, -20], 30);
    const farBubble = place([0, 1.6, -20], 40);
    expect(nearName.zIndex).toBeGreaterThan(farName.zIndex);
    expect(farBubble.zIndex).toBeGreaterThan(nearName.zIndex);
  });
});

describe("writePlacement", () => {
  const visible = (x: number): LabelPlacement => ({ x, y: 100, scale: 1, opacity: 1, zIndex: 3029 });

  it("shows and places a label, centred on its point", () => {
    const style = countingStyle();
    writePlacement(style, visible(200), hiddenPlacement());
    expect(style.opacity).toBe("1");
    expect(style.visibility).toBe("visible");
    expect(style.translate).toBe("200px 100px");
    expect(style.scale).toBe("1");
    expect(style.zIndex).toBe("3029");
  });

  it("writes nothing when the label has not changed, and only its place when it moved", () => {
    const style = countingStyle();
    const shown = hiddenPlacement();
    writePlacement(style, visible(200), shown);
    const first = style.writes;
    writePlacement(style, visible(200), shown);
    expect(style.writes).toBe(first);
    writePlacement(style, visible(210), shown);
    expect(style.writes).toBe(first + 1);
    expect(style.translate).toBe("210px 100px");
  });

  it("hides a label without moving it", () => {
    const style = countingStyle();
    const shown = hiddenPlacement();
    writePlacement(style, visible(200), shown);
    writePlacement(style, { ...visible(500), opacity: 0 }, shown);
    expect(style.visibility).toBe("hidden");
    expect(style.opacity).toBe("0");
    expect(style.translate).toBe("200px 100px");
  });
});
