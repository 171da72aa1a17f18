import { CanvasTexture, Color, RepeatWrapping, SRGBColorSpace } from "three";
import type { WorldDefinition } from "../../shared/world";
import { seededRandom } from "./seededRandom";

type Ground = WorldDefinition["ground"];
type Pattern = Exclude<Ground["pattern"], "none">;

const SIZE = 512;
/** Metres of ground covered by one repeat of each pattern. */
const REPEAT_METRES: Record<Pattern, number> = { tiles: 4, grass: 5, sand: 6 };

/** A tiling canvas texture for the ground's pattern, or null for a plain ground. */
export function createGroundTexture(ground: Ground, anisotropy: number): CanvasTexture | null {
  if (ground.pattern === "none") return null;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = SIZE;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  const base = new Color(ground.color);
  const accent = ground.patternColor ? new Color(ground.patternColor) : base.clone().multiplyScalar(0.7);
  const random = seededRandom(ground.pattern.length * 7919 + ground.color.charCodeAt(1));
  DRAW[ground.pattern](ctx, base, accent, random);

  const texture = new CanvasTexture(canvas);
  texture.wrapS = texture.wrapT = RepeatWrapping;
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = anisotropy;
  const metres = REPEAT_METRES[ground.pattern];
  texture.repeat.set(ground.size[0] / metres, ground.size[1] / metres);
  return texture;
}

type Painter = (ctx: CanvasRenderingContext2D, base: Color, accent: Color, random: () => number) => void;

const DRAW: Record<Pattern, Painter> = {
  tiles(ctx, base, accent, random) {
    const tiles = 4;
    const cell = SIZE / tiles;
    const grout = 3;
    ctx.fillStyle = css(accent);
    ctx.fillRect(0, 0, SIZE, SIZE);
    for (let row = 0; row < tiles; row++) {
      for (let col = 0; col < tiles; col++) {
        const x = col * cell + grout / 2;
        const y = row * cell + grout / 2;
        const w = cell - grout;
        ctx.fillStyle = css(base, (random() - 0.5) * 0.08);
        ctx.fillRect(x, y, w, w);
        speckle(ctx, random, x, y, w, w, base, 140, 0.05);
        // A soft bevel: lit upper edge, shaded lower edge.
        ctx.fillStyle = css(base, 0.06);
        ctx.fillRect(x, y, w, 2);
        ctx.fillStyle = css(base, -0.07);
        ctx.fillRect(x, y + w - 2, w, 2);
      }
    }
  },

  grass(ctx, base, accent, random) {
    ctx.fillStyle = css(base);
    ctx.fillRect(0, 0, SIZE, SIZE);
    for (let i = 0; i < 28; i++) {
      const x = random() * SIZE;
      const y = random() * SIZE;
      const r = 30 + random() * 70;
      const tint = random() < 0.5 ? accent : base;
      const amount = (random() - 0.5) * 0.12;
      wrapped(x, y, r, (wx, wy) => blob(ctx, wx, wy, r, tint, amount, 0.35));
    }
    ctx.lineCap = "round";
    for (let i = 0; i < 9000; i++) {
      const x = random() * SIZE;
      const y = random() * SIZE;
      const length = 3 + random() * 6;
      const lean = (random() - 0.5) * 0.9;
      const tint = random() < 0.35 ? accent : base;
      ctx.strokeStyle = css(tint, (random() - 0.45) * 0.22);
      ctx.lineWidth = 0.8 + random() * 0.9;
      wrapped(x, y, length, (wx, wy) => {
        ctx.beginPath();
        ctx.moveTo(wx, wy);
        ctx.lineTo(wx + Math.sin(lean) * length, wy - Math.cos(lean) * length);
        ctx.stroke();
      });
    }
  },

  sand(ctx, base, accent, random) {
    ctx.fillStyle = css(base);
    ctx.fillRect(0, 0, SIZE, SIZE);
    for (let i = 0; i < 18; i++) {
      const x = random() * SIZE;
      const y = random() * SIZE;
      const r = 40 + random() * 90;
      const amount = (random() - 0.5) * 0.08;
      wrapped(x, y, r, (wx, wy) => blob(ctx, wx, wy, r, base, amount, 0.5));
    }
    // Wind ripples: whole sine periods across the canvas keep the texture seamless.
    ctx.lineWidth = 2;
    for (let i = 0; i < 14; i++) {
      const y0 = (i + random() * 0.5) * (SIZE / 14);
      const phase = random() * Math.PI * 2;
      ctx.strokeStyle = css(accent, 0, 0.18);
      for (const offset of [-SIZE, 0, SIZE]) {
        ctx.beginPath();
        for (let x = 0; x <= SIZE; x += 8) {
          const y = y0 + offset + Math.sin((x / SIZE) * Math.PI * 4 + phase) * 7;
          if (x === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        }
        ctx.stroke();
      }
    }
    speckle(ctx, random, 0, 0, SIZE, SIZE, base, 7000, 0.16);
  },
};

/** Calls `draw` at (x, y) and at the wrapped copies a repeating texture needs near its edges. */
function wrapped(x: number, y: number, reach: number, draw: (x: number, y: number) => void): void {
  for (const dx of [-SIZE, 0, SIZE]) {
    for (const dy of [-SIZE, 0, SIZE]) {
      const wx = x + dx;
      const wy = y + dy;
      if (wx + reach < 0 || wx - reach > SIZE || wy + reach < 0 || wy - reach > SIZE) continue;
      draw(wx, wy);
    }
  }
}

function blob(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: Color, lighten: number, alpha: number): void {
  const gradient = ctx.createRadialGradient(x, y, 0, x, y, r);
  gradient.addColorStop(0, css(color, lighten, alpha));
  gradient.addColorStop(1, css(color, lighten, 0));
  ctx.fillStyle = gradient;
  ctx.fillRect(x - r, y - r, r * 2, r * 2);
}

function speckle(
  ctx: CanvasRenderingContext2D,
  random: () => number,
  x: number,
  y: number,
  w: number,
  h: number,
  color: Color,
  count: number,
  strength: number,
): void {
  for (let i = 0; i < count; i++) {
    ctx.fillStyle = css(color, (random() - 0.5) * strength * 2);
    ctx.fillRect(x + random() * w, y + random() * h, 1 + random() * 1.5, 1 + random() * 1.5);
  }
}

const scratch = new Color();
const hsl = { h: 0, s: 0, l: 0 };
const rgb = { r: 0, g: 0, b: 0 };

/** A CSS colour: `color` lightened (positive) or darkened (negative) in sRGB HSL lightness. */
function css(color: Color, lighten = 0, alpha = 1): string {
  color.getHSL(hsl, SRGBColorSpace);
  scratch.setHSL(hsl.h, hsl.s, Math.min(1, Math.max(0, hsl.l + lighten)), SRGBColorSpace);
  scratch.getRGB(rgb, SRGBColorSpace);
  return `rgba(${Math.round(rgb.r * 255)},${Math.round(rgb.g * 255)},${Math.round(rgb.b * 255)},${alpha})`;
}
